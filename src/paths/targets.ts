/**
 * Targets: what an attacker wants at the end of a path, and how much it is worth (0..1).
 * Stores are told apart by what they hold, from their names (a bucket named for models or a model
 * registry is a model store; anything else a data store). Local model runners (Ollama, LM Studio) are
 * no billable account.
 */
import type { PathTargetKind } from '../core/model.js';
import type { Graph } from './graph.js';
import { CFN_STORE_TYPES } from './edges/cloudformation-iam.js';
import { STORE_TYPES } from './edges/terraform-iam.js';

const MODEL_STORE_TYPES = new Set(['aws_sagemaker_model_package_group', 'aws_ecr_repository', 'google_artifact_registry_repository', 'AWS::SageMaker::ModelPackageGroup', 'AWS::ECR::Repository']);
const LOCAL_PROVIDERS = new Set(['ollama', 'lmstudio']);

export const TARGET_VALUE: Record<PathTargetKind, number> = {
  'training-data': 1,
  'model-store': 0.95,
  'model-publishing-ci': 0.95,
  'ai-account': 0.9,
  node: 0.9,
  secret: 0.75,
};

export function targetKind(g: Graph, node: number): PathTargetKind | undefined {
  const id = g.ids[node];
  const kind = g.kinds[node];
  if (id.startsWith('node:')) return 'node';
  if (kind === 'dataset') return 'training-data';
  if (kind === 'llm-provider') {
    const name = id.slice('llm-provider:'.length);
    if (LOCAL_PROVIDERS.has(name)) return undefined;
    return name === 'huggingface' ? 'model-store' : 'ai-account';
  }
  if (kind === 'secret') return 'secret';
  const props = g.assets[node]?.properties;
  const type = typeof props?.resourceType === 'string' ? props.resourceType : '';
  if (STORE_TYPES.has(type) || CFN_STORE_TYPES.has(type)) {
    if (MODEL_STORE_TYPES.has(type)) return 'model-store';
    const words = `${String(props?.resourceName ?? '')} ${String(props?.address ?? '')}`.toLowerCase();
    return /model|registry|artifact|checkpoint|weight/.test(words) ? 'model-store' : 'training-data';
  }
  return undefined;
}
