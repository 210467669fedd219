/**
 * Runs the JWT gateway checks against one target URL: the positive control first (the valid token must
 * be accepted, else the result is inconclusive), then every forged variant, then the claim variants
 * when something can sign them. One finding per rule with the accepted variants as evidence.
 */
import type { JWK } from 'jose';
import type { Asset, Finding, Note, RuleMeta } from '../core/model.js';
import { makeFinding } from '../core/finding.js';
import type { HttpRequest, HttpResult } from './http.js';
import { claimVariants, describeKey, forgedVariants, JWT_RULES, outcomeOf, signerFromHmac, signerFromKey, signerKeepingSignature, type ClaimSigner, type JwtVariant } from './jwt.js';
import type { JwtRuleKey } from './jwt-rules.js';
import type { ProbeTarget } from './targets.js';

export interface JwtSettings {
  /** The valid token (positive control). */
  token: string;
  /** Public keys from --jwks (for RS/ES → HS confusion). */
  publicKeys: JWK[];
  /** --jwt-key: the signing key (HMAC secret, PKCS#8 PEM or private JWK) for the exp/nbf/aud/iss variants. */
  signingKey?: string;
  /** Seconds since the epoch used for exp/nbf (tests pass a fixed value). */
  now?: number;
}

export interface JwtResult {
  findings: Finding[];
  assets: Asset[];
  notes: Note[];
  rules: RuleMeta[];
  requests: number;
}

type Sender = (req: HttpRequest) => Promise<HttpResult>;

export async function runJwtChecks(target: ProbeTarget, settings: JwtSettings, send: Sender): Promise<JwtResult> {
  const url = target.href;
  const out: JwtResult = { findings: [], assets: [], notes: [], rules: [], requests: 0 };
  const note = (level: Note['level'], message: string): void => {
    out.notes.push({ level, path: url, message, source: 'probe-jwt' });
  };
  const status = async (authorization: string | undefined): Promise<number | undefined> => {
    out.requests++;
    const r = await send({ method: 'GET', url, headers: authorization === undefined ? {} : { authorization } });
    return r.ok ? r.response.status : undefined;
  };
  const assetId = `ai-server:jwt-gateway@${url}`;
  const asset: Asset = { id: assetId, kind: 'ai-server', name: `JWT-protected endpoint ${url}`, locations: [{ url }], properties: { auth: 'jwt', probe: true }, relations: [] };
  out.assets.push(asset);

  const control = await status(`Bearer ${settings.token}`);
  if (control === undefined || control < 200 || control >= 300) {
    asset.properties.jwtResult = 'inconclusive';
    note('warning', `JWT checks inconclusive: the valid token (--jwt) was not accepted (${control === undefined ? 'no answer' : `HTTP ${control}`}); no forged variant was judged`);
    return out;
  }

  const results: Array<{ v: JwtVariant; status: number | undefined }> = [];
  const run = async (variants: JwtVariant[]): Promise<void> => {
    // One at a time: gateways rate-limit auth failures, and order keeps the report stable.
    for (const v of variants) results.push({ v, status: await status(v.authorization) });
  };
  await run(await forgedVariants(settings.token, settings.publicKeys));

  const accepted = (r: { status: number | undefined }): boolean => r.status !== undefined && outcomeOf(r.status) === 'accepted';
  let signer: ClaimSigner | undefined;
  let signedBy = '';
  if (settings.signingKey !== undefined) {
    signer = await signerFromKey(settings.token, settings.signingKey);
    signedBy = '--jwt-key';
  } else {
    const weak = results.find((r) => r.v.rule === 'weakKey' && accepted(r) && r.v.hmacKey);
    if (weak) {
      signer = signerFromHmac(settings.token, weak.v.hmacKey!);
      signedBy = 'the weak HMAC key found';
    } else if (results.some((r) => r.v.rule === 'signature' && accepted(r))) {
      signer = signerKeepingSignature(settings.token);
      signedBy = 'the original signature (signatures are not checked)';
    }
  }
  if (signer) {
    await run(await claimVariants(settings.token, signer, settings.now ?? Math.floor(Date.now() / 1000)));
    note('info', `exp/nbf/aud/iss variants signed with ${signedBy}`);
  } else note('info', 'exp/nbf/aud/iss variants not sent: give the signing key with --jwt-key to test claim validation');

  const byRule = new Map<JwtRuleKey, string[]>();
  const errors: string[] = [];
  const odd: string[] = [];
  for (const r of results) {
    const label = `${describeKey(r.v.id)} (${r.status ?? 'no answer'})`;
    if (r.status === undefined) odd.push(label);
    else if (outcomeOf(r.status) === 'accepted') byRule.set(r.v.rule, [...(byRule.get(r.v.rule) ?? []), label]);
    else if (outcomeOf(r.status) === 'server-error') errors.push(label);
    else if (outcomeOf(r.status) === 'other') odd.push(label);
  }
  for (const [key, labels] of byRule) {
    const rule = JWT_RULES[key];
    out.rules.push(rule);
    out.findings.push(
      makeFinding(rule, {
        location: { url },
        message: `${labels.length} forged token variant(s) accepted at ${url} although the valid token is required: ${rule.title.toLowerCase()}.`,
        evidence: `accepted: ${labels.join(', ')}`,
        assetId,
        properties: { variants: labels },
      }),
    );
  }
  if (errors.length) {
    out.rules.push(JWT_RULES.serverError);
    out.findings.push(makeFinding(JWT_RULES.serverError, { location: { url }, message: `${errors.length} forged token variant(s) made ${url} fail with 5xx instead of 401/403.`, evidence: `5xx: ${errors.join(', ')}`, assetId }));
  }
  if (odd.length) note('warning', `forged variants rejected without 401/403 (or not answered): ${odd.join(', ')}`);
  asset.properties.jwtResult = byRule.size ? 'forgeries-accepted' : 'all-forgeries-rejected';
  asset.properties.jwtVariantsSent = results.length;
  return out;
}
