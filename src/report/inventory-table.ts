/**
 * `aigis bom` table: the AI inventory grouped by kind, one line per asset with where it was seen.
 */
import type { Asset, AssetKind, Report } from '../core/model.js';
import type { Formatter } from './formatter.js';
import { foldImports } from '../discovery/graph.js';
import { isAiAsset, KIND_LABELS } from './inventory-summary.js';
import { neutralise } from './safe-text.js';
import { localeOrder } from '../core/text.js';
import { unreadEcosystemsLine } from '../packages/unread.js';

export const INVENTORY_ORDER: AssetKind[] = ['model', 'dataset', 'llm-provider', 'ai-service', 'ai-server', 'gpu-workload', 'workload', 'container-image', 'vector-store', 'mcp-server', 'agent', 'package'];

export function inventoryTable(opts: { all?: boolean } = {}): Formatter {
  return (report: Report) => {
    const assets = foldImports(report.assets);
    const shown = assets.filter(isAiAsset);
    const others = assets.filter((a) => a.kind === 'package' && !isAiAsset(a));
    const out: string[] = [`aigis ${report.tool.version} — bom ${report.target.name} (${report.target.type})`, ''];
    for (const kind of INVENTORY_ORDER) {
      // Real assets first, then those seen only in tests, examples or docs (issue 13.2), by name within each.
      const group = shown.filter((a) => a.kind === kind).sort(byPlaceThenName);
      if (!group.length) continue;
      out.push(`${(KIND_LABELS[kind] ?? kind).toUpperCase()} (${group.length})`);
      for (const a of group) out.push(...assetLines(a));
      out.push('');
    }
    if (!shown.length) out.push('No AI assets found.', '');
    if (others.length && opts.all) {
      out.push(`OTHER PACKAGES, NOT AI (${others.length})`);
      for (const a of [...others].sort(byPlaceThenName)) out.push(...assetLines(a));
      out.push('');
    } else if (others.length) out.push(`+ ${others.length} other packages (not AI; use --all or --format cyclonedx to list them)`, '');
    const unread = unreadEcosystemsLine(report.notes);
    if (unread) out.push(unread, '');
    const notes = report.notes.filter((n) => n.level !== 'info');
    if (notes.length) {
      out.push(`Notes (${notes.length}):`);
      for (const n of notes.slice(0, 30)) out.push(`  [${n.level}] ${n.path ?? ''}${n.path ? ': ' : ''}${n.message}`);
      if (notes.length > 30) out.push(`  … ${notes.length - 30} more (see --format json)`);
      out.push('');
    }
    out.push(`${shown.length} AI assets — ${report.stats.files} ${report.stats.files === 1 ? 'file' : 'files'} in ${report.stats.durationMs} ms`);
    // Every line carries scanned text (names, paths, notes) and no colour of ours: neutralise each.
    return `${out.map(neutralise).join('\n')}\n`;
  };
}

function byPlaceThenName(a: Asset, b: Asset): number {
  return Number(a.properties.seenOnlyIn !== undefined) - Number(b.properties.seenOnlyIn !== undefined) || localeOrder(a.name, b.name);
}

function assetLines(a: Asset): string[] {
  const detail = describeAsset(a);
  const where = a.locations.slice(0, 3).map((l) => `${l.path ?? l.url ?? ''}${l.startLine ? `:${l.startLine}` : ''}`).join(', ');
  const more = a.locations.length > 3 ? ` (+${a.locations.length - 3})` : '';
  return [`  ${a.name}${a.version ? ` @ ${a.version}` : ''}${detail ? `  [${detail}]` : ''}`, `      ${where}${more}`];
}

/** One short bracketed detail per asset (provider, ecosystem, image …), shared with the HTML report. */
export function describeAsset(a: Asset): string {
  const p = a.properties;
  const bits: unknown[] = [];
  switch (a.kind) {
    case 'model':
      bits.push(p.provider ?? p.source ?? p.format, p.quantization, p.license);
      break;
    case 'package':
      bits.push(p.ecosystem, p.aiCategory, p.pinned === false ? 'unpinned' : undefined);
      break;
    case 'ai-service':
      bits.push(p.service);
      break;
    case 'mcp-server':
      bits.push(p.transport, p.package ?? p.url ?? p.framework, p.configuredBy);
      break;
    case 'container-image':
      bits.push(p.aiImage ?? (Array.isArray(p.aiReasons) ? p.aiReasons.join('; ') : undefined));
      break;
    default:
      bits.push(p.product ?? p.platform, p.accelerators ? `accelerators ${JSON.stringify(p.accelerators)}` : undefined, p.endpoint);
  }
  if (p.seenOnlyIn) bits.push(`${p.seenOnlyIn} only`);
  return bits.filter((b) => b !== undefined && b !== '').map(String).join(', ');
}
