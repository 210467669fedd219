/**
 * Line of a key path found in the source text, for formats whose parser keeps no positions (TOML via
 * smol-toml, JSON5 via json5): walk the path segment by segment, each searched after the previous
 * one's line. TOML table headers (`[mcp_servers.github]`) count as the line of their last segment.
 */
import type { ConfigPath } from './types.js';

export function textLineOf(lines: string[], path: ConfigPath): number {
  let from = 0;
  let found = 1;
  const done: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'number') continue;
    done.push(seg);
    const key = escape(seg);
    const header = new RegExp(`^\\s*\\[\\[?\\s*${done.map((d) => `(?:"${escape(d)}"|'${escape(d)}'|${escape(d)})`).join('\\s*\\.\\s*')}\\s*[\\].]`);
    const member = new RegExp(`(?:^|[\\s{,])(?:"${key}"|'${key}'|${key})\\s*[:=]`);
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      if (header.test(lines[i]) || member.test(lines[i])) {
        hit = i;
        break;
      }
    }
    if (hit < 0) return found;
    found = hit + 1;
    from = hit;
  }
  return found;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
