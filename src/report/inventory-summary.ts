/**
 * The AI inventory in a few lines (for `aigis scan` table output): counts by kind and the notable
 * assets (hosted models, model files, MCP servers, GPU workloads, managed AI services).
 */
import type { Asset, AssetKind } from '../core/model.js';
import { foldImports } from '../discovery/graph.js';

export const KIND_LABELS: Partial<Record<AssetKind, string>> = {
  model: 'models',
  dataset: 'datasets',
  'llm-provider': 'LLM providers',
  'ai-service': 'managed AI services',
  'ai-server': 'AI servers / endpoints',
  'mcp-server': 'MCP servers',
  agent: 'agents',
  'vector-store': 'vector stores',
  'gpu-workload': 'GPU workloads',
  workload: 'AI workloads',
  'container-image': 'AI images / builds',
  package: 'AI packages',
};

/** True when the asset belongs in the AI inventory (non-AI packages are inventory, not AI). */
export function isAiAsset(a: Asset): boolean {
  // Confidence 0: a graph-only node (a workload no analyzer inventoried as AI), not inventory.
  if (a.confidence === 0) return false;
  if (a.kind === 'package') return typeof a.properties.aiCategory === 'string';
  return a.kind !== 'application' && a.kind !== 'secret' && a.kind !== 'cloud-resource';
}

/**
 * The assets a report keeps: graph-only nodes (confidence 0: a workload no analyzer inventoried as AI,
 * an attack path's virtual node) only when `named` holds their id (a reported path goes through them,
 * a finding of the report names them), so that every finding still points at an asset of the report.
 */
export function withoutGraphOnly(assets: Asset[], named: ReadonlySet<string>): Asset[] {
  return assets.filter((a) => a.confidence !== 0 || named.has(a.id));
}

export function inventorySummary(assets: Asset[]): string[] {
  const ai = foldImports(assets).filter(isAiAsset);
  if (!ai.length) return ['AI inventory: no AI assets found.'];
  const counts = new Map<AssetKind, number>();
  for (const a of ai) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const order = Object.keys(KIND_LABELS) as AssetKind[];
  const parts = [...counts.entries()].sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0])).map(([k, n]) => `${n} ${KIND_LABELS[k] ?? k}`);
  const lines = [`AI inventory: ${ai.length} assets (${parts.join(', ')})`];
  const pick = (kind: AssetKind, label: string, filter: (a: Asset) => boolean = () => true) => {
    const list = ai.filter((a) => a.kind === kind && filter(a)).map((a) => a.name);
    if (list.length) lines.push(`  ${label}: ${list.slice(0, 6).join(', ')}${list.length > 6 ? ` … +${list.length - 6}` : ''}`);
  };
  pick('model', 'models');
  pick('llm-provider', 'providers');
  pick('mcp-server', 'MCP servers');
  pick('ai-service', 'managed AI services');
  pick('gpu-workload', 'GPU workloads');
  pick('ai-server', 'AI servers');
  return lines;
}
