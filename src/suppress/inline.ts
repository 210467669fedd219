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
    const hit = line ? [line, line - 1].map((n) => ({ n, markers: markersOn(lines[n - 1]) })).find((c) => c.markers.some((m) => m.ids.some((id) => ruleMatches(id, f.ruleId)))) : undefined;
    if (!hit) {
      kept.push(f);
      continue;
    }
    const why = hit.markers.find((m) => m.ids.some((id) => ruleMatches(id, f.ruleId)))?.reason;
    suppressed.push({ finding: f, by: 'inline', reason: why ? `${why} (aigis-ignore on line ${hit.n})` : `inline aigis-ignore on line ${hit.n}` });
  }
  return { kept, suppressed };
}

interface Marker {
  ids: string[];
  /** Free text after the ids, e.g. `# aigis-ignore: secret/openai-api-key revoked demo key`. */
  reason?: string;
}

function markersOn(line: string | undefined): Marker[] {
  if (!line || !line.includes('aigis-ignore')) return [];
  const out: Marker[] = [];
  for (const m of line.matchAll(MARKER)) {
    const ids = m[1].split(',').map((s) => s.trim());
    const rest = line.slice((m.index ?? 0) + m[0].length);
    out.push({ ids, reason: reasonText(rest) });
  }
  return out;
}

/** The text after the ids, without HTML/C comment closers or separators; at most 200 characters. */
function reasonText(rest: string): string | undefined {
  const cut = rest.split(/aigis-ignore:|-->|\*\//)[0];
  const text = cut.replace(/^[\s:;,(—–-]+/, '').replace(/[\s)]+$/, '').trim();
  return text ? text.slice(0, 200) : undefined;
}

/** `secret/*` matches every secret rule; otherwise the id must be equal. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}
