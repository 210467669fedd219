/**
 * Rule metadata of the JWT gateway checks (`aigis probe --jwt`). Guidance follows RFC 8725 (JSON Web
 * Token Best Current Practices); each rule names the section that applies.
 */
import type { RuleMeta } from '../core/model.js';

const RFC8725 = 'https://www.rfc-editor.org/rfc/rfc8725';
const base = (over: Partial<RuleMeta> & Pick<RuleMeta, 'id' | 'title' | 'severity' | 'description' | 'remediation'>): RuleMeta => ({
  category: 'misconfiguration',
  confidence: 'high',
  tags: ['probe', 'jwt', 'gateway'],
  ...over,
  references: {
    cwe: ['CWE-347'],
    owaspLlm: ['LLM06'],
    atlas: ['AML.T0012', 'AML.T0049'],
    ...over.references,
    urls: [RFC8725, ...(over.references?.urls ?? [])],
  },
});

export const JWT_RULES = {
  missing: base({
    id: 'probe/jwt-missing-token-accepted',
    title: 'Gateway accepts requests without a valid JWT',
    severity: 'critical',
    description: 'The endpoint answered 2xx to a request with no token, an empty bearer token or a malformed token, although it accepts JWTs: authentication is not enforced.',
    remediation: 'Reject every request without a well-formed, verified JWT with 401 before it reaches the service (RFC 8725 §3.1, §3.2).',
    references: { cwe: ['CWE-306', 'CWE-287'] },
  }),
  algNone: base({
    id: 'probe/jwt-alg-none-accepted',
    title: 'Gateway accepts unsigned JWTs (alg "none")',
    severity: 'critical',
    description: 'A token with `alg: none` (in some casing) and no signature was accepted: anyone can mint tokens with any claims.',
    remediation: 'Verify with an explicit allow-list of algorithms and never accept "none" in any casing (RFC 8725 §2.1, §3.1).',
  }),
  signature: base({
    id: 'probe/jwt-signature-not-verified',
    title: 'Gateway does not verify JWT signatures',
    severity: 'critical',
    description: 'A token whose payload was changed after signing, or whose signature was removed, was accepted: the gateway decodes tokens without verifying them.',
    remediation: 'Verify every token signature with the issuer\'s key before trusting any claim; use a maintained library\'s verify call, not decode (RFC 8725 §3.1).',
  }),
  expired: base({
    id: 'probe/jwt-expired-accepted',
    title: 'Gateway accepts expired JWTs',
    severity: 'high',
    description: 'A correctly signed token whose `exp` lies in the past was accepted: stolen tokens stay valid forever.',
    remediation: 'Validate `exp` (and require it) with a small clock-skew allowance (RFC 7519 §4.1.4, RFC 8725 §3.10).',
    references: { cwe: ['CWE-613'] },
  }),
  notBefore: base({
    id: 'probe/jwt-nbf-ignored',
    title: 'Gateway accepts JWTs before their "nbf" time',
    severity: 'medium',
    description: 'A correctly signed token whose `nbf` lies in the future was accepted.',
    remediation: 'Validate `nbf` with a small clock-skew allowance (RFC 7519 §4.1.5).',
    references: { cwe: ['CWE-613'] },
  }),
  audience: base({
    id: 'probe/jwt-audience-not-validated',
    title: 'Gateway accepts JWTs issued for another audience',
    severity: 'high',
    description: 'A correctly signed token with a foreign `aud` was accepted: a token issued to any other service of the same issuer works here (token substitution).',
    remediation: 'Require and check `aud` against this service\'s identifier (RFC 8725 §3.9).',
  }),
  issuer: base({
    id: 'probe/jwt-issuer-not-validated',
    title: 'Gateway accepts JWTs from another issuer',
    severity: 'high',
    description: 'A correctly signed token with a foreign `iss` was accepted.',
    remediation: 'Check `iss` against the expected issuer and use only that issuer\'s keys (RFC 8725 §3.8).',
  }),
  weakKey: base({
    id: 'probe/jwt-weak-hmac-key',
    title: 'Gateway accepts JWTs signed with an empty or common HMAC key',
    severity: 'critical',
    description: 'A token HMAC-signed with an empty key or a well-known weak secret was accepted: anyone can mint valid tokens.',
    remediation: 'Use a random HMAC key of at least 256 bits kept in a secret store, or asymmetric keys; rotate the current key now (RFC 8725 §3.5).',
    references: { cwe: ['CWE-521', 'CWE-1391'] },
  }),
  confusion: base({
    id: 'probe/jwt-key-confusion',
    title: 'Gateway accepts HS256 tokens signed with its RSA/EC public key (algorithm confusion)',
    severity: 'critical',
    description: 'A token signed with HMAC, using the issuer\'s public key as the secret, was accepted: the gateway lets the token choose the algorithm, so anyone holding the public key mints tokens.',
    remediation: 'Bind each key to one algorithm and verify with an explicit algorithm allow-list; never let `alg` pick between symmetric and asymmetric verification (RFC 8725 §2.1, §3.1).',
  }),
  headerKey: base({
    id: 'probe/jwt-header-key-injection',
    title: 'Gateway trusts keys named inside the token (jwk, jku, x5u)',
    severity: 'critical',
    description: 'A token signed with an attacker key and carrying that key (`jwk`) or a URL to it (`jku`, `x5u`) in its header was accepted.',
    remediation: 'Never take verification keys from the token header; use a fixed JWKS URL or key set configured on the gateway (RFC 8725 §3.10 and RFC 7515 §10.3).',
  }),
  kid: base({
    id: 'probe/jwt-kid-injection',
    title: 'Gateway resolves the "kid" header as a path (key injection)',
    severity: 'high',
    description: 'A token whose `kid` points at a file outside the key store (`../../dev/null`), HMAC-signed with that file\'s (empty) content, was accepted.',
    remediation: 'Treat `kid` as an opaque lookup key in a fixed key set; never build file paths, queries or commands from it (RFC 8725 §3.10).',
    references: { cwe: ['CWE-22', 'CWE-347'] },
  }),
  serverError: base({
    id: 'probe/jwt-server-error',
    title: 'Gateway fails with a server error on a forged JWT',
    severity: 'medium',
    description: 'A forged token made the endpoint answer 5xx instead of 401/403: token handling throws, which hides auth bypasses and leaks implementation details.',
    remediation: 'Catch verification errors and answer 401 with `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1).',
    references: { cwe: ['CWE-755'] },
  }),
} satisfies Record<string, RuleMeta>;

export type JwtRuleKey = keyof typeof JWT_RULES;
