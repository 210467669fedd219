/**
 * The infrastructure edges of the attack-path graph, from the document layer. Reads the memoised
 * Kubernetes, Terraform, compose and workflow documents (the same parse the BOM and posture checks
 * use; nothing is parsed twice) and, in the whole-target stage, turns the relations they state into
 * asset relations: exposure, service accounts and cloud identities, Secrets, model files a workload
 * loads, pods that escape to their node, Terraform IAM references, CI OIDC roles and secrets. One module per edge kind (./edges).
 * The pipeline merges these assets with discovery's by id; the path engine (./enricher.ts) walks them.
 */
import type { Analyzer, AnalyzerResult, CollectedDocument, FileInfo } from '../core/analyzer.js';
import type { Asset } from '../core/model.js';
import { cloudFormationKind, type CfnTemplate } from '../documents/cloudformation/index.js';
import { composeKind, type ComposeFile } from '../documents/compose/index.js';
import { kubernetesKind, type K8sFile, type K8sProject } from '../documents/kubernetes/index.js';
import { terraformKind } from '../documents/terraform/index.js';
import type { TfDocument } from '../documents/terraform/index.js';
import { workflowKind } from '../documents/workflow/kind.js';
import type { WorkflowDoc } from '../documents/workflow/types.js';
import { kindReads, type DocumentKind } from '../posture/rule.js';
import { kindParser } from '../posture/analyzer.js';
import { ciCredentialEdges } from './edges/ci-credentials.js';
import { cloudFormationIamEdges } from './edges/cloudformation-iam.js';
import { composeExposureEdges, k8sExposureEdges } from './edges/exposure.js';
import { identityIndex } from './edges/identity-index.js';
import { k8sIdentityEdges } from './edges/k8s-identity.js';
import { k8sNodeEscapeEdges } from './edges/k8s-node-escape.js';
import { k8sSecretEdges } from './edges/k8s-secrets.js';
import { modelLoadEdges } from './edges/model-load.js';
import { terraformIamEdges } from './edges/terraform-iam.js';
import { tfServiceAccounts } from './edges/tf-service-account.js';

type KindName = 'kubernetes' | 'terraform' | 'compose' | 'workflow' | 'cloudformation';
const KINDS: { name: KindName; kind: DocumentKind<unknown, unknown> }[] = [
  { name: 'kubernetes', kind: kubernetesKind as DocumentKind<unknown, unknown> },
  { name: 'terraform', kind: terraformKind as DocumentKind<unknown, unknown> },
  { name: 'compose', kind: composeKind as DocumentKind<unknown, unknown> },
  { name: 'workflow', kind: workflowKind as DocumentKind<unknown, unknown> },
  // Last: its content gate (AWSTemplateFormatVersion / `Type: AWS::`) decides among other YAML and JSON.
  { name: 'cloudformation', kind: cloudFormationKind as DocumentKind<unknown, unknown> },
];
const PARSERS = new Map(KINDS.map((k) => [k.name, kindParser(k.kind)]));

interface Kept {
  kind: KindName;
  document: unknown;
}

export const graphInfraAnalyzer: Analyzer = {
  name: 'graph-infra',
  version: 1,
  rules: [],
  match: (f: FileInfo) => KINDS.some((k) => kindReads(k.kind, f)),
  async analyze(file) {
    // A YAML file can be a manifest, a compose file or a workflow: keep the first kind that parses it.
    for (const { name, kind } of KINDS) {
      if (!kindReads(kind, file)) continue;
      await kind.ready?.();
      const parsed = await file.parsed(PARSERS.get(name)!);
      if (parsed.document !== undefined) return { document: { kind: name, document: parsed.document } satisfies Kept };
    }
    return {};
  },
  finish(collected: CollectedDocument[]): AnalyzerResult {
    const by = (k: KindName) => collected.filter((c) => (c.document as Kept).kind === k).map((c) => ({ path: c.file.path, document: (c.document as Kept).document }));
    return { assets: infraEdges({
      kubernetes: by('kubernetes') as { path: string; document: K8sFile }[],
      terraform: by('terraform') as { path: string; document: TfDocument }[],
      compose: by('compose') as { path: string; document: ComposeFile }[],
      workflow: by('workflow') as { path: string; document: WorkflowDoc }[],
      cloudformation: by('cloudformation') as { path: string; document: CfnTemplate }[],
    }) };
  },
};

/** Every infrastructure edge of a target, as assets with relations (pure; exported for tests and the bench). */
export function infraEdges(docs: {
  kubernetes?: { path: string; document: K8sFile }[];
  terraform?: { path: string; document: TfDocument }[];
  compose?: { path: string; document: ComposeFile }[];
  workflow?: { path: string; document: WorkflowDoc }[];
  cloudformation?: { path: string; document: CfnTemplate }[];
}): Asset[] {
  const out: Asset[] = [];
  const modules = docs.terraform?.length ? terraformKind.project(docs.terraform) : [];
  const index = identityIndex(modules, (docs.cloudformation ?? []).map((t) => t.document));
  const declaredAccounts: Asset[] = [];
  for (const mod of modules) {
    out.push(...terraformIamEdges(mod));
    declaredAccounts.push(...tfServiceAccounts(mod, index));
  }
  out.push(...declaredAccounts);
  const k8s: K8sProject[] = docs.kubernetes?.length ? kubernetesKind.project(docs.kubernetes) : [];
  for (const p of k8s) {
    out.push(...k8sExposureEdges(p), ...k8sIdentityEdges(p, index, declaredAccounts), ...k8sSecretEdges(p), ...k8sNodeEscapeEdges(p));
    out.push(...modelLoadEdges(p.runs, (r) => { const o = (r as K8sProject['runs'][number]).pod.object; return `${o.kind}/${o.name}`; }));
  }
  for (const p of docs.compose?.length ? composeKind.project(docs.compose) : []) {
    out.push(...composeExposureEdges(p), ...modelLoadEdges(p.runs, (r) => r.label.replace(/^compose service /, '')));
  }
  for (const p of docs.workflow?.length ? workflowKind.project(docs.workflow) : []) out.push(...ciCredentialEdges(p, index));
  for (const t of docs.cloudformation ?? []) out.push(...cloudFormationIamEdges(t.document));
  return out;
}
