/**
 * Placeholder URIs and hosts (issue 13.2): `s3://my-bucket/...`, `gs://your-bucket`, `s3://<bucket>/`,
 * `${MODEL_URI}`, `https://api.example.com` are what documentation and templates write where a real
 * location goes, so they are not inventory assets. The words and domains are data
 * (`data/placeholders.json`).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const data = require('../../data/placeholders.json') as { labels: string[]; names: string[]; domains: string[] };

const LABEL = new RegExp(`^(?:${data.labels.map((w) => w.replace(/[-]/g, '\\-')).join('|')})(?:[-_.]|$)`, 'i');
const NAMES = new Set(data.names.map((n) => n.toLowerCase()));
/** Template syntax of shells, Helm/Jinja, printf and docs. */
const TEMPLATE = /<[^>]*>|\$\{|\$[A-Z_][A-Z0-9_]*|\{\{|\{[\w.-]*\}|%[sd]|\bX{3,}\b/i;

/** A host name that is an example domain (`example.com`, `api.example.org`, `llm.test`). */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return data.domains.some((d) => h === d || h.endsWith(`.${d}`)) || LABEL.test(h.split('.')[0] ?? '');
}

/** A storage URI or URL whose bucket/host is a placeholder, or that is a template. */
export function isPlaceholderUri(uri: string): boolean {
  if (TEMPLATE.test(uri)) return true;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(uri.trim());
  if (!m) return false;
  const authority = m[1].replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  if (!authority) return false;
  return NAMES.has(authority.toLowerCase()) || isPlaceholderHost(authority);
}
