/** Turns hidden-content findings of one segment into hits (shared by both instruction rules). */
import { findHidden, unescapeSource, type HiddenFinding } from '../../documents/agent-instructions/hidden.js';
import type { Segment } from '../../documents/agent-instructions/types.js';
import type { Severity } from '../../core/model.js';
import type { PostureHit } from '../rule.js';

const WHAT: Record<HiddenFinding['kind'], string> = {
  'tag-characters': 'invisible Unicode tag characters spelling',
  'bidi-override': 'a bidirectional override character (text displays in a different order than it is read)',
  'zero-width': 'zero-width characters',
  'hidden-markup': 'an instruction hidden in markup the reader does not see rendered',
};

const SEVERITY: Record<HiddenFinding['kind'], Severity> = { 'tag-characters': 'high', 'bidi-override': 'high', 'zero-width': 'medium', 'hidden-markup': 'high' };

export function hiddenHits(path: string, seg: Segment, opts: { source: boolean; where: string; assetId?: string }): PostureHit[] {
  const text = opts.source ? unescapeSource(seg.text) : seg.text;
  const found = findHidden(text);
  const byKind = new Map<HiddenFinding['kind'], HiddenFinding[]>();
  for (const f of found) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const hits: PostureHit[] = [];
  for (const [kind, list] of byKind) {
    const first = list[0];
    // Instruction files: the line of the first occurrence; source: the tool's line (escapes shift offsets).
    const line = opts.source ? seg.line : seg.line + countNewlines(text, first.offset);
    const shown = list.slice(0, 3).map((f) => `"${f.visible}"`).join(', ');
    hits.push({
      path,
      line,
      message: `${opts.where} carries ${WHAT[kind]}${kind === 'tag-characters' ? ` ${shown}` : `: ${shown}`}${list.length > 3 ? ` (+${list.length - 3} more)` : ''}`,
      evidence: shown.slice(0, 300),
      severity: SEVERITY[kind],
      key: `${seg.label}/${kind}`,
      assetId: opts.assetId,
      properties: { hiddenKind: kind, visible: list.map((f) => f.visible).slice(0, 10) },
    });
  }
  return hits;
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
