/** Helpers for the attack-path tests: documents through the real parsers, findings through makeFinding. */
import { composeKind, type ComposeFile } from '../../src/documents/compose/index.js';
import { kubernetesKind, type K8sFile } from '../../src/documents/kubernetes/index.js';
import { loadTerraformGrammar, terraformKind, type TfDocument } from '../../src/documents/terraform/index.js';
import { workflowKind } from '../../src/documents/workflow/kind.js';
import type { WorkflowDoc } from '../../src/documents/workflow/types.js';
import { makeFinding } from '../../src/core/finding.js';
import type { Asset, Finding, FindingCategory, Severity } from '../../src/core/model.js';
import { infraEdges } from '../../src/paths/infra-analyzer.js';

await loadTerraformGrammar();

export function k8s(files: Record<string, string>): { path: string; document: K8sFile }[] {
  return Object.entries(files).map(([path, text]) => ({ path, document: kubernetesKind.parse({ path, text }).document! }));
}
export function tf(files: Record<string, string>): { path: string; document: TfDocument }[] {
  return Object.entries(files).map(([path, text]) => ({ path, document: terraformKind.parse({ path, text }).document! }));
}
export function compose(files: Record<string, string>): { path: string; document: ComposeFile }[] {
  return Object.entries(files).map(([path, text]) => ({ path, document: composeKind.parse({ path, text }).document! }));
}
export function workflows(files: Record<string, string>): { path: string; document: WorkflowDoc }[] {
  return Object.entries(files).map(([path, text]) => ({ path, document: workflowKind.parse({ path, text }).document! }));
}

/** Every relation of the edge assets as `from -type-> to`, sorted. */
export function edgesOf(assets: Asset[]): string[] {
  return assets.flatMap((a) => a.relations.map((r) => `${a.id} -${r.type}-> ${r.target}`)).sort();
}

export function infra(docs: Parameters<typeof infraEdges>[0]): Asset[] {
  return infraEdges(docs);
}

export function finding(ruleId: string, assetId: string, opts: { severity?: Severity; category?: FindingCategory; path?: string; line?: number; title?: string; cwe?: string[] } = {}): Finding {
  return makeFinding(
    { id: ruleId, title: opts.title ?? ruleId, severity: opts.severity ?? 'high', category: opts.category ?? 'misconfiguration', description: 'd', remediation: 'r', references: opts.cwe ? { cwe: opts.cwe } : {} },
    { location: { path: opts.path ?? 'x.yaml', startLine: opts.line ?? 1 }, message: `${ruleId} on ${assetId}`, assetId },
  );
}

export function asset(id: string, kind: Asset['kind'], relations: [Asset['relations'][number]['type'], string][] = [], properties: Record<string, unknown> = {}): Asset {
  return { id, kind, name: id.replace(/^[^:]*:/, ''), locations: [{ path: 'x.yaml', startLine: 1 }], properties, relations: relations.map(([type, target]) => ({ type, target })), confidence: 0.9 };
}
