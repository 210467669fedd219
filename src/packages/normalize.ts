/**
 * Package names and package URLs. PyPI names are compared in PEP 503 normal form (runs of `-`, `_`, `.`
 * become one `-`, lower case); npm names are case-sensitive and kept as published.
 */
export function pep503(name: string): string {
  return name.trim().replace(/[-_.]+/g, '-').toLowerCase();
}

export function normalizePackageName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? pep503(name) : name.trim();
}

/** Percent-encodes one purl segment (`@` of npm scopes becomes `%40`). */
function purlSegment(s: string): string {
  return encodeURIComponent(s).replace(/%2F/gi, '/');
}

/** `pkg:pypi/torch@2.5.1`, `pkg:npm/%40langchain/core@0.3.1`; without version when there is none. */
export function packageUrl(ecosystem: string, name: string, version?: string): string {
  const type = ecosystem === 'PyPI' ? 'pypi' : ecosystem === 'npm' ? 'npm' : ecosystem === 'Go' ? 'golang' : ecosystem.toLowerCase();
  const n = normalizePackageName(ecosystem, name);
  return `pkg:${type}/${purlSegment(n)}${version ? `@${encodeURIComponent(version)}` : ''}`;
}
