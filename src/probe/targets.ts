/**
 * Probe targets: URLs, `host:port`, lines of a --targets file, and the endpoint URLs inside an aigis
 * JSON report (--from-report). Pure parsing; the CLI reads the files.
 */

export interface ProbeTarget {
  /** `http://host:port` */
  origin: string;
  /** Path prefix without trailing slash ('' for the root), e.g. `/mlflow` behind a reverse proxy. */
  base: string;
  /** The full URL (with path and query): the JWT checks request exactly this. */
  href: string;
  /** What the user wrote (for messages). */
  input: string;
}

export class TargetParseError extends Error {}

/** `https://h:8443/x`, `h:8265`, `[::1]:11434`, `h` (http, port 80). Credentials in URLs are refused. */
export function parseTarget(input: string): ProbeTarget {
  const raw = input.trim();
  if (!raw) throw new TargetParseError('empty target');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TargetParseError(`not a URL or host:port: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetParseError(`only http and https targets can be probed: "${raw}"`);
  if (url.username || url.password) throw new TargetParseError(`put credentials in --jwt or a header, not in the URL: "${url.host}"`);
  if (!url.hostname) throw new TargetParseError(`no host in "${raw}"`);
  const base = url.pathname.replace(/\/+$/, '');
  url.hash = '';
  return { origin: url.origin, base, href: url.href, input: raw };
}

/** One target per line; `#` starts a comment; blank lines ignored. */
export function parseTargetsFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

const HTTP_URL = /^https?:\/\/[^\s"'<>]+$/i;

/**
 * Endpoint URLs named by an aigis JSON report: `location.url` of assets and findings and URL-valued
 * asset properties (`url`, `endpoint`, `baseUrl` …). Only http(s); de-duplicated in report order.
 */
export function endpointsFromReport(report: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v !== 'string' || v.length > 2048 || !HTTP_URL.test(v.trim())) return;
    const u = v.trim();
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  };
  if (!report || typeof report !== 'object') return out;
  const r = report as { assets?: unknown; findings?: unknown };
  for (const a of Array.isArray(r.assets) ? r.assets : []) {
    if (!a || typeof a !== 'object') continue;
    const asset = a as { locations?: unknown; properties?: unknown };
    for (const l of Array.isArray(asset.locations) ? asset.locations : []) add((l as { url?: unknown } | null)?.url);
    const props = asset.properties && typeof asset.properties === 'object' ? (asset.properties as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(props)) if (/url|endpoint|host/i.test(k)) add(v);
  }
  for (const f of Array.isArray(r.findings) ? r.findings : []) add((f as { location?: { url?: unknown } } | null)?.location?.url);
  return out;
}
