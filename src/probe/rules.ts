/**
 * Rule metadata of `aigis probe`: one exposure rule per fingerprint (generated from the data), the
 * certificate rule, and the JWT gateway rules. `aigis rules` and docs/rules list them from here.
 */
import type { RuleMeta } from '../core/model.js';
import { FINGERPRINTS } from './fingerprints.js';
import { JWT_RULES } from './jwt-rules.js';
import type { Fingerprint } from './types.js';

export function fingerprintRuleId(fp: Pick<Fingerprint, 'id'>): string {
  return `probe/${fp.id}-unauthenticated`;
}

export function fingerprintRule(fp: Fingerprint): RuleMeta {
  return {
    id: fingerprintRuleId(fp),
    title: fp.title,
    severity: fp.severity,
    category: 'exposure',
    description: `${fp.description}\n\nFound by \`aigis probe\`: the endpoint answered ${fp.open.map((m) => requestLine(fp, m.request)).join(' / ')} with data, without credentials.`,
    remediation: fp.remediation,
    references: fp.references,
    tags: ['probe', 'network', fp.id],
    confidence: fp.generic ? 'medium' : 'high',
  };
}

function requestLine(fp: Fingerprint, id: string): string {
  const r = fp.requests.find((x) => x.id === id);
  if (!r) return id;
  const path = r.path === '@mcp' ? '/mcp' : r.path === '@sse' ? '/sse' : r.path;
  const rpc = (r.json as { method?: string } | undefined)?.method;
  return `\`${r.method} ${path}${rpc ? ` (${rpc})` : ''}\``;
}

export const TLS_RULE: RuleMeta = {
  id: 'probe/tls-certificate-invalid',
  title: 'Endpoint presents an invalid TLS certificate',
  severity: 'medium',
  category: 'misconfiguration',
  description: 'The HTTPS endpoint\'s certificate did not verify (self-signed, expired, wrong host name or unknown issuer). Clients that skip verification to reach it can be intercepted, and API keys sent to it stolen.',
  remediation: 'Serve a certificate from a trusted CA (or your internal CA distributed to clients) that matches the host name and is in date; never ship clients with verification turned off.',
  references: { cwe: ['CWE-295'], owaspLlm: ['LLM02'], atlas: ['AML.T0049'] },
  tags: ['probe', 'network', 'tls'],
  confidence: 'high',
};

export function probeRules(): RuleMeta[] {
  return [...FINGERPRINTS.map(fingerprintRule), TLS_RULE, ...Object.values(JWT_RULES)];
}
