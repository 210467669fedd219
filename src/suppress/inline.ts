import type { Finding, SuppressedFinding } from '../core/model.js';

/**
 * Inline suppression: a comment `aigis-ignore: <rule-id>[, <rule-id>…] [reason]` on the finding's
 * line or on the line above silences that rule there. `aigis-ignore: all` is deliberately not
 * supported: a suppression names what it silences. Works in any comment syntax (#, //, --, <!-- -->)
 * because only the marker is searched for.
 */
const MARKER = /aigis-ignore:\s*([A-Za-z0-9_./*-]+(?:\s*,\s*[A-Za-z0-9_./*-]+)*)/g;

export function inlineSuppressions(findings: Finding[], text: string | undefined): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  if (!text || !text.includes('aigis-ignore')) return { kept: findings, suppressed: [] };
  const lines = text.split('\n');
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const line = f.location.startLine;
    const ids = line ? [...idsOn(lines[line - 1]), ...idsOn(lines[line - 2])] : [];
    if (ids.some((id) => ruleMatches(id, f.ruleId))) suppressed.push({ finding: f, by: 'inline', reason: `inline aigis-ignore on line ${line}` });
    else kept.push(f);
  }
  return { kept, suppressed };
}

function idsOn(line: string | undefined): string[] {
  if (!line || !line.includes('aigis-ignore')) return [];
  const out: string[] = [];
  for (const m of line.matchAll(MARKER)) out.push(...m[1].split(',').map((s) => s.trim()));
  return out;
}

/** `secret/*` matches every secret rule; otherwise the id must be equal. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}
