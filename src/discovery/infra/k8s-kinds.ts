/**
 * Kubernetes kinds that matter to the AI inventory: AI custom resources (always AI) and the
 * built-in workload kinds (AI when their containers show it).
 */
import type { AssetKind } from '../../core/model.js';

export interface AiKind {
  /** API group suffix (`ray.io`, `serving.kserve.io`). */
  group: string;
  category: string;
  assetKind: AssetKind;
  /** Framework / product for the inventory table. */
  product: string;
}

export const AI_CRDS: Record<string, AiKind[]> = {
  RayCluster: [{ group: 'ray.io', category: 'distributed', assetKind: 'workload', product: 'KubeRay' }],
  RayJob: [{ group: 'ray.io', category: 'training', assetKind: 'workload', product: 'KubeRay' }],
  RayService: [{ group: 'ray.io', category: 'serving', assetKind: 'ai-server', product: 'KubeRay Serve' }],
  InferenceService: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  LLMInferenceService: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  ServingRuntime: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  ClusterServingRuntime: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  InferenceGraph: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  TrainedModel: [{ group: 'serving.kserve.io', category: 'serving', assetKind: 'ai-server', product: 'KServe' }],
  Notebook: [{ group: 'kubeflow.org', category: 'notebook', assetKind: 'workload', product: 'Kubeflow Notebooks' }],
  PyTorchJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  TFJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  MPIJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  XGBoostJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  PaddleJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  JAXJob: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Training' }],
  TrainJob: [{ group: 'trainer.kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Trainer' }],
  TrainingRuntime: [{ group: 'trainer.kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Trainer' }],
  ClusterTrainingRuntime: [{ group: 'trainer.kubeflow.org', category: 'training', assetKind: 'workload', product: 'Kubeflow Trainer' }],
  Experiment: [{ group: 'kubeflow.org', category: 'training', assetKind: 'workload', product: 'Katib' }],
  NIMService: [{ group: 'apps.nvidia.com', category: 'serving', assetKind: 'ai-server', product: 'NVIDIA NIM' }],
  NIMCache: [{ group: 'apps.nvidia.com', category: 'serving', assetKind: 'workload', product: 'NVIDIA NIM' }],
  NIMPipeline: [{ group: 'apps.nvidia.com', category: 'serving', assetKind: 'ai-server', product: 'NVIDIA NIM' }],
  NemoCustomizer: [{ group: 'apps.nvidia.com', category: 'training', assetKind: 'workload', product: 'NVIDIA NeMo' }],
  LeaderWorkerSet: [{ group: 'leaderworkerset.x-k8s.io', category: 'serving', assetKind: 'workload', product: 'LeaderWorkerSet' }],
  SeldonDeployment: [{ group: 'machinelearning.seldon.io', category: 'serving', assetKind: 'ai-server', product: 'Seldon Core' }],
  Model: [
    { group: 'mlops.seldon.io', category: 'serving', assetKind: 'ai-server', product: 'Seldon Core 2' },
    // KubeAI: `spec.url` names the model (`hf://org/name`, `ollama://qwen2.5:7b`, `s3://…`).
    { group: 'kubeai.org', category: 'serving', assetKind: 'ai-server', product: 'KubeAI' },
  ],
  ModelService: [{ group: 'llm-d.ai', category: 'serving', assetKind: 'ai-server', product: 'llm-d' }],
  InferencePool: [{ group: 'inference.networking.x-k8s.io', category: 'serving', assetKind: 'ai-server', product: 'Gateway API Inference Extension' }],
  InferenceModel: [{ group: 'inference.networking.x-k8s.io', category: 'serving', assetKind: 'ai-server', product: 'Gateway API Inference Extension' }],
};

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'ReplicationController']);

export function aiKind(apiVersion: string, kind: string): AiKind | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return AI_CRDS[kind]?.find((k) => group === k.group || group.endsWith(`.${k.group}`));
}
