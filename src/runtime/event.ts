/**
 * One runtime event as the engine sees it: the parsed JSON record, its kind, a stable id and its time.
 * The per-kind extractors pick what an alert shows (identity, source IP, action) from the record.
 */
import { aiImageOf } from './ai-images.js';
import type { EventKind } from './sigma/types.js';

export interface RuntimeEvent {
  kind: EventKind;
  data: Record<string, unknown>;
  /** eventID (CloudTrail), auditID (Kubernetes), uuid (falcosidekick) or `origin` when there is none. */
  id: string;
  /** Epoch milliseconds, when the record has a parsable time. */
  time?: number;
  /** Where it came from: `file#record`. */
  origin: string;
}

const get = (o: unknown, ...path: string[]): unknown => {
  let cur = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
};
const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Decides the kind of a record from its shape; undefined when it is none of the three. */
export function classify(r: Record<string, unknown>): EventKind | undefined {
  if (typeof r.eventSource === 'string' && typeof r.eventName === 'string') return 'cloudtrail';
  if (typeof r.auditID === 'string' || (typeof r.apiVersion === 'string' && r.apiVersion.startsWith('audit.k8s.io') && r.kind === 'Event')) return 'k8s-audit';
  if (typeof r.rule === 'string' && (typeof r.output === 'string' || typeof r.priority === 'string')) return 'falco';
  return undefined;
}

/** Two ASCII digits of `s` at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, CloudTrail's eventTime, without Date.parse (a few percent of a detect run):
 * the same value Date.parse gives, for fields in their ordinary ranges; anything else is left to it.
 */
function cloudTrailTime(s: string): number | undefined {
  // - - T : : Z at their places (char codes: no one-character strings made)
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) return undefined;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if (hi < 19 || lo < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  return Date.UTC(hi * 100 + lo, mo - 1, d, h, mi, sec);
}

export function parseTime(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e15 ? Math.floor(v / 1e6) : v > 1e11 ? v : v * 1000;
  if (typeof v !== 'string') return undefined;
  const fast = cloudTrailTime(v);
  if (fast !== undefined) return fast;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

export function makeEvent(kind: EventKind, data: Record<string, unknown>, origin: string): RuntimeEvent {
  switch (kind) {
    case 'cloudtrail':
      return { kind, data, id: s(data.eventID) ?? origin, time: parseTime(data.eventTime), origin };
    case 'k8s-audit':
      return { kind, data, id: s(data.auditID) ?? origin, time: parseTime(data.stageTimestamp ?? data.requestReceivedTimestamp), origin };
    case 'falco':
      return { kind, data, id: s(data.uuid) ?? origin, time: parseTime(data.time ?? get(data, 'output_fields', 'evt.time')), origin };
  }
}

/** What an alert shows about the event: who, from where, doing what. */
export interface EventSummary {
  identity?: string;
  sourceIP?: string;
  action?: string;
  accessKeyId?: string;
  target?: string;
  /** Falco: the AI image catalogue's name for the container image (e.g. `Ray`, `vLLM`). */
  aiImage?: string;
}

function ctAction(source: string | undefined, name: string | undefined): string {
  const svc = source?.endsWith('.amazonaws.com') ? source.slice(0, -14) : source;
  return svc && name ? `${svc}:${name}` : (svc ?? name ?? '');
}

export function summarize(ev: RuntimeEvent): EventSummary {
  const d = ev.data;
  switch (ev.kind) {
    case 'cloudtrail':
      return {
        identity: s(get(d, 'userIdentity', 'arn')) ?? s(get(d, 'userIdentity', 'userName')) ?? s(get(d, 'userIdentity', 'principalId')) ?? s(get(d, 'userIdentity', 'type')),
        sourceIP: s(d.sourceIPAddress),
        action: ctAction(s(d.eventSource), s(d.eventName)),
        accessKeyId: s(get(d, 'userIdentity', 'accessKeyId')),
      };
    case 'k8s-audit': {
      const ref = get(d, 'objectRef') as Record<string, unknown> | undefined;
      const target = ref ? [s(ref.namespace), s(ref.resource), s(ref.name), s(ref.subresource)].filter(Boolean).join('/') : undefined;
      const ips = get(d, 'sourceIPs');
      return {
        identity: s(get(d, 'user', 'username')),
        sourceIP: Array.isArray(ips) ? s(ips[0]) : undefined,
        action: [s(d.verb), target].filter(Boolean).join(' '),
        target,
      };
    }
    case 'falco': {
      const f = (get(d, 'output_fields') ?? {}) as Record<string, unknown>;
      const image = s(f['container.image.repository']);
      return {
        identity: s(f['user.name']) ?? s(f['k8s.pod.name']),
        sourceIP: s(f['fd.sip']) ?? s(f['fd.rip']),
        action: s(d.rule),
        target: [s(f['k8s.ns.name']), s(f['k8s.pod.name']) ?? s(f['container.name']), image].filter(Boolean).join('/') || undefined,
        aiImage: image ? aiImageOf(image)?.name : undefined,
      };
    }
  }
}
