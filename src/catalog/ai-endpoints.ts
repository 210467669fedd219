/**
 * Hosts of LLM / AI inference APIs (`data/ai-endpoints.json`): a URL or host in code or config that
 * points at one of them marks an LLM provider in use.
 */
import { createRequire } from 'node:module';
import picomatch from 'picomatch';

export interface EndpointEntry {
  host: string;
  provider: string;
  name: string;
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-endpoints.json') as { endpoints: EndpointEntry[] };
const compiled = data.endpoints.map((e) => ({ entry: e, test: picomatch(e.host, { nocase: true, dot: true }) }));

/** The endpoint entry of a URL-ish string (`https://x.openai.azure.com/openai/…`, `http://localhost:11434`), if any. */
export function classifyEndpoint(value: string): (EndpointEntry & { host: string; url: string }) | undefined {
  if (value.length > 2048) return undefined;
  const m = /^(?:(https?|wss?):\/\/)?([a-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#]|$)/i.exec(value.trim());
  if (!m) return undefined;
  // A bare host without scheme must still look like a host (a dot or a port) to avoid matching words.
  if (!m[1] && !m[3] && !m[2].includes('.')) return undefined;
  const host = m[2].toLowerCase();
  const hostPort = m[3] ? `${host}:${m[3]}` : host;
  for (const c of compiled) {
    if (c.test(hostPort) || c.test(host)) return { ...c.entry, host: hostPort, url: value.trim() };
  }
  return undefined;
}

export function endpointCatalogue(): readonly EndpointEntry[] {
  return data.endpoints;
}

const envKeys = (data as unknown as { envKeys: Record<string, string> }).envKeys ?? {};

/** Provider of an environment variable name that holds its credentials or endpoint (`OPENAI_API_KEY` → openai). */
export function providerOfEnvKey(name: string): string | undefined {
  return envKeys[name.toUpperCase()];
}
