/**
 * The probe engine: for each target, send the fingerprints' requests within a per-target budget and a
 * global concurrency limit, then judge each fingerprint (open / protected / identified / absent) from
 * the answers. Results are ordered by target and fingerprint, never by arrival, so reports are stable.
 */
import type { Asset, Finding, Note, RuleMeta } from '../core/model.js';
import { makeFinding } from '../core/finding.js';
import { FINGERPRINTS, DENIED_STATUSES } from './fingerprints.js';
import { makeAgents, send as realSend, type HttpOptions, type HttpRequest, type HttpResponse, type HttpResult, type Method } from './http.js';
import { Limiter, mapPool } from './limiter.js';
import { evidenceOf, matches } from './match.js';
import { fingerprintRule, TLS_RULE } from './rules.js';
import type { ProbeTarget } from './targets.js';
import type { Fingerprint, ProbeRequest } from './types.js';
import { runJwtChecks, type JwtSettings } from './jwt-check.js';

export interface ProbeOptions {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Most requests sent to one target by the fingerprints (the JWT checks have their own count). */
  maxRequests: number;
  /** Requests in flight at once, across all targets. */
  concurrency: number;
  /** Most body bytes read per response. */
  maxBytes: number;
  insecure: boolean;
  fingerprints?: Fingerprint[];
  jwt?: JwtSettings;
  /** Test seam: the transport (defaults to node:http/https). */
  send?: (req: HttpRequest, opts: HttpOptions) => Promise<HttpResult>;
}

export const DEFAULT_PROBE_OPTIONS: ProbeOptions = { timeoutMs: 5000, maxRequests: 48, concurrency: 16, maxBytes: 256 * 1024, insecure: false };

export interface ProbeResult {
  findings: Finding[];
  assets: Asset[];
  notes: Note[];
  rules: RuleMeta[];
  stats: { targets: number; requests: number; bytes: number; unreachable: number };
}

type State = 'open' | 'protected' | 'identified' | 'absent';

interface Sent {
  req: HttpRequest;
  result: HttpResult;
}

/** Everything one target answered, keyed by the request's method, path and body. */
class TargetSession {
  readonly answers = new Map<string, Sent>();
  sentCount = 0;
  bytes = 0;
  skipped = 0;
  private readonly hostLimiter = new Limiter(PER_HOST_SOCKETS);

  constructor(
    readonly target: ProbeTarget,
    private readonly opts: ProbeOptions,
    private readonly limiter: Limiter,
    private readonly http: HttpOptions,
  ) {}

  resolvePath(path: string): string {
    const base = this.target.base;
    if (path === '@mcp') return base ? (base.endsWith('/sse') ? `${base.slice(0, -4)}/mcp` : base) : '/mcp';
    if (path === '@sse') return base ? (base.endsWith('/sse') ? base : base.endsWith('/mcp') ? `${base.slice(0, -4)}/sse` : `${base}/sse`) : '/sse';
    return `${base}${path}`;
  }

  key(method: Method, path: string, json?: unknown): string {
    return `${method} ${this.resolvePath(path)}${json === undefined ? '' : ` ${JSON.stringify(json)}`}`;
  }

  /** Sends unless already answered; counts against the budget; undefined when the budget is spent. */
  async request(method: Method, path: string, json?: unknown, headers?: Record<string, string>): Promise<HttpResult | undefined> {
    const k = this.key(method, path, json);
    const done = this.answers.get(k);
    if (done) return done.result;
    if (this.sentCount >= this.opts.maxRequests) {
      this.skipped++;
      return undefined;
    }
    this.sentCount++;
    const req: HttpRequest = { method, url: this.target.origin + this.resolvePath(path), json, headers };
    const placeholder: Sent = { req, result: { ok: false, error: 'pending' } };
    this.answers.set(k, placeholder);
    // The per-host slot first, then the global one: a request holds a global slot only while it can
    // actually use a connection, so one busy target cannot starve the others.
    let result = await this.hostLimiter.run(() => this.limiter.run(() => (this.opts.send ?? realSend)(req, this.http)));
    // The one redirect followed: to the same path with a trailing slash on the same origin (Starlette
    // mounts, e.g. FastMCP's `/mcp` → `/mcp/`), method and body kept; it counts against the budget.
    const slash = result.ok ? this.slashRedirect(req, result.response) : undefined;
    if (slash && this.sentCount < this.opts.maxRequests) {
      this.sentCount++;
      const again: HttpRequest = { ...req, url: slash };
      result = await this.hostLimiter.run(() => this.limiter.run(() => (this.opts.send ?? realSend)(again, this.http)));
    }
    placeholder.result = result;
    if (result.ok) this.bytes += result.response.body.length;
    return result;
  }

  private slashRedirect(req: HttpRequest, res: HttpResponse): string | undefined {
    if (![301, 302, 307, 308].includes(res.status) || !res.headers.location) return undefined;
    if ((res.status === 301 || res.status === 302) && req.method !== 'GET') return undefined;
    let to: URL;
    try {
      to = new URL(res.headers.location, req.url);
    } catch {
      return undefined;
    }
    const from = new URL(req.url);
    return to.origin === from.origin && to.pathname === `${from.pathname}/` && to.search === from.search ? to.href : undefined;
  }

  response(method: Method, path: string, json?: unknown): HttpResponse | undefined {
    const r = this.answers.get(this.key(method, path, json))?.result;
    return r?.ok ? r.response : undefined;
  }
}

export async function runProbe(targets: ProbeTarget[], options: Partial<ProbeOptions> = {}): Promise<ProbeResult> {
  const opts: ProbeOptions = { ...DEFAULT_PROBE_OPTIONS, ...options };
  const fingerprints = opts.fingerprints ?? FINGERPRINTS;
  const limiter = new Limiter(Math.max(1, opts.concurrency));
  {
    // One keep-alive agent per target, closed when the target is done: a few connections per host are
    // reused for all its requests (instead of one connection per request), and none outlive the target.
    const perTarget = await mapPool(targets, Math.max(1, opts.concurrency), async (t) => {
      const agents = makeAgents(PER_HOST_SOCKETS);
      try {
        return await probeTarget(t, fingerprints, opts, limiter, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, insecure: opts.insecure, agents });
      } finally {
        agents.http.destroy();
        agents.https.destroy();
      }
    });
    const out: ProbeResult = { findings: [], assets: [], notes: [], rules: [], stats: { targets: targets.length, requests: 0, bytes: 0, unreachable: 0 } };
    const rules = new Map<string, RuleMeta>();
    for (const r of perTarget) {
      out.findings.push(...r.findings);
      out.assets.push(...r.assets);
      out.notes.push(...r.notes);
      for (const rule of r.rules) rules.set(rule.id, rule);
      out.stats.requests += r.requests;
      out.stats.bytes += r.bytes;
      if (r.unreachable) out.stats.unreachable++;
    }
    out.rules = [...rules.values()].sort((a, b) => a.id.localeCompare(b.id, 'en'));
    return out;
  }
}

/** Connections per target: enough to overlap requests, few enough not to look like a flood. */
const PER_HOST_SOCKETS = 4;

interface TargetResult {
  findings: Finding[];
  assets: Asset[];
  notes: Note[];
  rules: RuleMeta[];
  requests: number;
  bytes: number;
  unreachable: boolean;
}

async function probeTarget(target: ProbeTarget, fingerprints: Fingerprint[], opts: ProbeOptions, limiter: Limiter, http: HttpOptions): Promise<TargetResult> {
  const s = new TargetSession(target, opts, limiter, http);
  const where = `${target.origin}${target.base}`;
  const res: TargetResult = { findings: [], assets: [], notes: [], rules: [], requests: 0, bytes: 0, unreachable: false };
  const note = (level: Note['level'], message: string): void => {
    res.notes.push({ level, path: where, message, source: 'probe' });
  };

  // Reachability first: one request, so that a closed port or a bad certificate costs one request, not fifty.
  const first = await s.request('GET', '/');
  if (first?.tls) {
    const assetId = `ai-server:endpoint@${where}`;
    res.rules.push(TLS_RULE);
    res.findings.push(
      makeFinding(TLS_RULE, {
        location: { url: `${target.origin}/` },
        message: `The certificate of ${target.origin} did not verify (${first.tls.code})${opts.insecure ? '; probed anyway (--insecure).' : '; not probed further (use --insecure to continue).'}`,
        evidence: first.tls.code,
        assetId,
      }),
    );
    res.assets.push({ id: assetId, kind: 'ai-server', name: target.origin, locations: [{ url: `${target.origin}/` }], properties: { probe: true, tls: first.tls.code }, relations: [] });
  }
  if (!first || !first.ok) {
    res.unreachable = true;
    if (first && !first.tls) note('warning', `unreachable: ${first.error}`);
    res.requests = s.sentCount;
    return res;
  }

  // Wave 1: every request without a prerequisite, in fingerprint order (the budget keeps the earliest).
  const plain = fingerprints.flatMap((fp) => fp.requests.filter((r) => !r.after));
  await Promise.all(plain.map((r) => s.request(r.method, r.path, r.json)));
  // Following waves: requests that need an earlier answer (the MCP handshake), in order.
  for (const fp of fingerprints) await sendChains(s, fp);

  // Judge every fingerprint; generic ones stand down when a specific one identified the target.
  const judged = fingerprints.map((fp) => ({ fp, ...judge(s, fp) }));
  const specific = judged.some((j) => !j.fp.generic && j.fp.id !== 'metrics' && j.state !== 'absent');
  let primaryAsset: string | undefined;
  for (const j of judged) {
    if (j.state === 'absent' || (j.fp.generic && specific)) continue;
    const assetId = `ai-server:${j.fp.id}@${where}`;
    const url = j.url ?? `${target.origin}${s.resolvePath('/')}`;
    if (j.fp.id !== 'metrics') primaryAsset ??= assetId;
    res.assets.push({
      id: assetId,
      kind: 'ai-server',
      name: j.fp.service,
      locations: [{ url }],
      properties: { service: j.fp.id, auth: j.state === 'open' ? 'none' : j.state === 'protected' ? 'required' : 'unknown', entryPoint: j.state === 'open', probe: true },
      relations: [],
      confidence: j.fp.generic ? 0.6 : 0.9,
    });
    if (j.state !== 'open') continue;
    const rule = fingerprintRule(j.fp);
    res.rules.push(rule);
    res.findings.push(
      makeFinding(rule, {
        location: { url },
        message: `${j.fp.service} at ${where} answered ${j.line} with ${j.status} and data, without credentials.`,
        evidence: j.evidence,
        assetId,
        severity: j.fp.id === 'metrics' ? metricsSeverity(j.body ?? '') : undefined,
        properties: { service: j.fp.id, status: j.status },
        fingerprintSalt: j.fp.id,
      }),
    );
  }

  const identified = res.assets.some((a) => a.properties.service !== undefined && a.properties.service !== 'metrics');
  if (!identified) {
    const denied = [...s.answers.values()].filter((a) => a.result.ok && isDenied(a.result.response)).length;
    if (denied > 0) {
      res.assets.push({
        id: `ai-server:unidentified@${where}`,
        kind: 'ai-server',
        name: `${where} (authentication required)`,
        locations: [{ url: `${target.origin}${s.resolvePath('/')}` }],
        properties: { auth: 'required', probe: true, deniedRequests: denied },
        relations: [],
        confidence: 0.3,
      });
      note('info', `no known AI service identified; ${denied} request(s) were refused (401/403/407 or a redirect to a login page: protected or not an AI endpoint)`);
    } else note('info', 'no known AI service identified');
  }
  // Findings without a service asset of their own (metrics) hang on the target's main asset.
  for (const f of res.findings) if (f.assetId?.startsWith('ai-server:metrics@') && primaryAsset) f.assetId = primaryAsset;
  if (primaryAsset) res.assets = res.assets.filter((a) => a.properties.service !== 'metrics');

  if (s.skipped) note('warning', `request budget of ${opts.maxRequests} reached: ${s.skipped} request(s) not sent, later fingerprints may be incomplete (raise --max-requests)`);

  if (opts.jwt) {
    const j = await runJwtChecks(target, opts.jwt, (req) => limiter.run(() => (opts.send ?? realSend)(req, http)));
    res.findings.push(...j.findings);
    res.assets.push(...j.assets);
    res.notes.push(...j.notes);
    res.rules.push(...j.rules);
    res.requests += j.requests;
  }
  res.requests += s.sentCount;
  res.bytes = s.bytes;
  return res;
}

/** 401/403/407, or a redirect to a login or single-sign-on page (Jupyter, Kubeflow behind Dex, oauth2-proxy). */
export function isDenied(res: HttpResponse | undefined): boolean {
  if (!res) return false;
  if (DENIED_STATUSES.includes(res.status)) return true;
  return res.status >= 301 && res.status <= 308 && /login|signin|sign_in|oauth|\/dex\/|\/auth\b|sso/i.test(res.headers.location ?? '');
}

/** Requests with `after`: sent in order once their prerequisite answered 2xx, carrying the MCP session. */
async function sendChains(s: TargetSession, fp: Fingerprint): Promise<void> {
  const byId = new Map(fp.requests.map((r) => [r.id, r]));
  const answered = (r: ProbeRequest): HttpResponse | undefined => s.response(r.method, r.path, r.json);
  for (const r of fp.requests) {
    if (!r.after) continue;
    const prev = byId.get(r.after);
    const prevRes = prev ? answered(prev) : undefined;
    if (!prevRes || prevRes.status < 200 || prevRes.status >= 300) continue;
    let session: string | undefined;
    for (let p: ProbeRequest | undefined = prev; p && !session; p = p.after ? byId.get(p.after) : undefined) session = p ? answered(p)?.headers['mcp-session-id'] : undefined;
    const headers: Record<string, string> = { 'mcp-protocol-version': '2025-06-18' };
    if (session) headers['mcp-session-id'] = session;
    await s.request(r.method, r.path, r.json, headers);
  }
}

interface Judgement {
  state: State;
  url?: string;
  line?: string;
  status?: number;
  evidence?: string;
  body?: string;
}

function judge(s: TargetSession, fp: Fingerprint): Judgement {
  const reqs = new Map(fp.requests.map((r) => [r.id, r]));
  const resOf = (id: string): HttpResponse | undefined => {
    const r = reqs.get(id);
    return r ? s.response(r.method, r.path, r.json) : undefined;
  };
  const hit = (list: Fingerprint['open'] | undefined) => (list ?? []).find((m) => matches(m, resOf(m.request)));
  const present = hit(fp.present);
  const open = hit(fp.open);
  if (open && (!fp.requirePresent || present)) {
    const r = reqs.get(open.request)!;
    const res = resOf(open.request)!;
    const path = s.resolvePath(r.path);
    const rpc = (r.json as { method?: string } | undefined)?.method;
    const line = `${r.method} ${path}${rpc ? ` (${rpc})` : ''}`;
    const evidence = fp.id === 'metrics' ? metricsEvidence(line, res) : evidenceOf(line, res, fp.evidence, resOf);
    return { state: 'open', url: `${s.target.origin}${path}`, line, status: res.status, evidence, body: res.body };
  }
  const prot = hit(fp.protected);
  const denied = fp.requests.some((r) => isDenied(resOf(r.id)));
  const anchor = prot ?? present;
  const url = anchor ? `${s.target.origin}${s.resolvePath(reqs.get(anchor.request)!.path)}` : undefined;
  // Protected matchers name the service themselves (a vendor-specific refusal), so they need no `present`.
  if (prot) return { state: 'protected', url };
  if (present && denied) return { state: 'protected', url };
  if (present) return { state: 'identified', url };
  return { state: 'absent' };
}

/** The metric families (names only; label values may carry identifiers or secrets). */
function metricsEvidence(line: string, res: HttpResponse): string {
  const families = [...new Set([...res.body.matchAll(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*)/gm)].map((m) => m[1]))];
  const secretLabels = [...res.body.matchAll(/\b(api_?key|token|secret|password)="/gi)].length;
  return `${line} → ${res.status}; ${families.length} metric families: ${families.slice(0, 8).join(', ')}${families.length > 8 ? ` (+${families.length - 8})` : ''}${secretLabels ? `; ${secretLabels} label(s) named like secrets (values withheld)` : ''}`;
}

/** Metrics of AI servers say more (models, tokens, queues); a secret-looking label value says most. */
function metricsSeverity(body: string): Finding['severity'] {
  if (/\{[^}]*(?:api_?key|token|secret|password)="[^"]{6,}"/i.test(body)) return 'high';
  if (/^(?:vllm:|ray_|tgi_|nv_inference|ts_inference|litellm_|ollama_|sglang:|triton_)/m.test(body)) return 'medium';
  return 'low';
}
