/**
 * Manifests of ecosystems aigis does not inventory (Cargo, Maven, Gradle, RubyGems …): each gives an
 * info note, and human outputs sum them up in one line (issue 13.5), so that an empty or short package
 * list is not read as "no dependencies".
 */
import type { Note } from '../core/model.js';

const PREFIX = 'packages: ';
const SUFFIX = ' dependencies are not inventoried by aigis (no vulnerability matching for this ecosystem)';

/** The note for one manifest of an ecosystem aigis does not read. */
export function unreadNote(ecosystem: string, path: string): Note {
  return { level: 'info', path, message: `${PREFIX}${ecosystem}${SUFFIX}`, source: 'packages' };
}

/** `Rust (crates.io) in Cargo.toml, crates/x/Cargo.toml; Java (Maven) in pom.xml (+2)`, or undefined when there is none. */
export function unreadEcosystemsText(notes: readonly Note[], maxPaths = 2): string | undefined {
  const byEco = new Map<string, string[]>();
  for (const n of notes) {
    if (n.source !== 'packages' || n.level !== 'info' || !n.message.startsWith(PREFIX) || !n.message.endsWith(SUFFIX)) continue;
    const eco = n.message.slice(PREFIX.length, n.message.length - SUFFIX.length);
    const paths = byEco.get(eco) ?? [];
    if (n.path) paths.push(n.path);
    byEco.set(eco, paths);
  }
  if (byEco.size === 0) return undefined;
  return [...byEco.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([eco, paths]) => {
      const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const more = sorted.length > maxPaths ? ` (+${sorted.length - maxPaths})` : '';
      return sorted.length ? `${eco} in ${sorted.slice(0, maxPaths).join(', ')}${more}` : eco;
    })
    .join('; ');
}

/** The line human outputs print: which ecosystems' dependencies this report does not cover. */
export function unreadEcosystemsLine(notes: readonly Note[]): string | undefined {
  const text = unreadEcosystemsText(notes);
  return text ? `Dependencies not inventoried (ecosystems aigis does not read): ${text}` : undefined;
}
