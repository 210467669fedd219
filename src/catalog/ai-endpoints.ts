/**
 * Hosts of LLM / AI inference APIs (`data/ai-endpoints.json`): a URL or host in code or config that
 * points at one of them marks an LLM provider in use.
 */
import { createRequire } from 'node:module';
import { globRegExp } from './glob.js';

export interface EndpointEntry {
  host: string;
  provider: string;
  name: string;
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-endpoints.json') as { endpoints: EndpointEntry[] };
const compiled = data.endpoints.map((e) => ({ entry: e, re: globRegExp(e.host) }));

/**
 * Cheap pre-check before the globs: the last two labels of every catalogued host (`openai.com`,
 * `amazonaws.com`) and the hosts of port-qualified entries (`localhost`), so that the many string
 * literals that merely contain a dot are rejected with one Set lookup.
 */
const TAILS = new Set(data.endpoints.map((e) => tail(e.host.replace(/:\d+$/, ''))));

function tail(host: string): string {
  const labels = host.split('.');
  // Catalogue globs only use `*` in the leftmost labels, so the last two labels are literal.
  return labels.slice(-2).join('.');
}

/** The endpoint entry of a URL-ish string (`https://x.openai.azure.com/openai/…`, `http://localhost:11434`), if any. */
const PLACEHOLDER_LABEL = /^(?:your|my|some|example|sample|test|dummy|placeholder|xxx+|todo|changeme|foo|bar|resource|endpoint|instance|name)(?:[-_]|$)/i;

export function classifyEndpoint(value: string): (EndpointEntry & { host: string; url: string }) | undefined {
  if (value.length > 2048) return undefined;
  const m = /^(?:(https?|wss?):\/\/)?([a-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#]|$)/i.exec(value.trim());
  if (!m) return undefined;
  // A bare host without scheme must still look like a host (a dot or a port) to avoid matching words.
  if (!m[1] && !m[3] && !m[2].includes('.')) return undefined;
  const host = m[2].toLowerCase();
  // Documentation placeholders (`your-endpoint.openai.azure.com`, `YOUR_RESOURCE.openai.azure.com`,
  // `example.cognitiveservices.azure.com`) name no real service.
  if (PLACEHOLDER_LABEL.test(host.split('.')[0]) || /[{}<>$]/.test(value)) return undefined;
  const t = tail(host);
  if (!TAILS.has(t)) return undefined;
  const hostPort = m[3] ? `${host}:${m[3]}` : host;
  for (const c of compiled) {
    if (c.re.test(hostPort) || c.re.test(host)) return { ...c.entry, host: hostPort, url: value.trim() };
  }
  return undefined;
}

/** True when `text` mentions the tail of a catalogued host anywhere (a pre-check before parsing a file). */
export function mentionsEndpointHost(text: string): boolean {
  const lower = text.toLowerCase();
  for (const t of TAILS) if (lower.includes(t)) return true;
  return false;
}

export function endpointCatalogue(): readonly EndpointEntry[] {
  return data.endpoints;
}

const envKeys = (data as unknown as { envKeys: Record<string, string> }).envKeys ?? {};

/** Provider of an environment variable name that holds its credentials or endpoint (`OPENAI_API_KEY` → openai). */
export function providerOfEnvKey(name: string): string | undefined {
  return envKeys[name.toUpperCase()];
}
