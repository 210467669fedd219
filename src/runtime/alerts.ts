/** Engine hits → aigis Findings (category `detection`), which every report formatter renders. */
import { makeFinding } from '../core/finding.js';
import type { Finding, RuleMeta } from '../core/model.js';
import { summarize } from './event.js';
import { ruleMetaOf } from './rule-meta.js';
import type { Hit } from './sigma/engine.js';
import type { AnyRule } from './sigma/types.js';

const metaCache = new WeakMap<AnyRule, RuleMeta>();

export function metaFor(rule: AnyRule): RuleMeta {
  let m = metaCache.get(rule);
  if (!m) {
    m = ruleMetaOf(rule);
    metaCache.set(rule, m);
  }
  return m;
}


/**
 * `clean` is applied to every value taken from the event (identity, address, action, ids, origin, group
 * values) before the message is composed: streamed alerts (`-f jsonl`) pass the report's secret
 * redaction here, once per distinct value, instead of scanning every composed message (alert floods).
 */
export function hitToFinding(hit: Hit, clean: (s: string) => string = (s) => s): Finding {
  const meta = metaFor(hit.rule);
  const ev = hit.event;
  const raw = summarize(ev);
  const opt = (v: string | undefined): string | undefined => (v === undefined ? undefined : clean(v));
  const sum = { identity: opt(raw.identity), sourceIP: opt(raw.sourceIP), action: opt(raw.action), accessKeyId: opt(raw.accessKeyId), target: opt(raw.target), aiImage: raw.aiImage };
  const eventIds = (hit.type === 'correlation' ? hit.eventIds : [ev.id]).map(clean);
  const group = hit.type === 'correlation' ? Object.fromEntries(Object.entries(hit.group).map(([k, v]) => [k, clean(v)])) : {};
  const who = sum.identity ? ` by ${sum.identity}` : '';
  const from = sum.sourceIP ? ` from ${sum.sourceIP}` : '';
  const what = sum.action ? `${sum.action}` : ev.kind;
  const corr =
    hit.type === 'correlation'
      ? ` (${hit.rule.correlationType} over ${eventIds.length === hit.count ? hit.count : `${hit.count}`} ${hit.rule.correlationType === 'value_count' ? 'distinct values' : 'events'}${
          Object.keys(group).length ? `, grouped by ${Object.entries(group).map(([k, v]) => `${k}=${v || '(none)'}`).join(', ')}` : ''
        })`
      : '';
  const time = ev.time !== undefined ? new Date(ev.time).toISOString() : undefined;
  // Only defined values are set (no `delete`, which slows every later access to the object).
  const properties: Record<string, unknown> = {};
  if (time) properties.time = time;
  if (sum.identity) properties.identity = sum.identity;
  if (sum.sourceIP) properties.sourceIP = sum.sourceIP;
  if (sum.action) properties.eventName = sum.action;
  properties.eventKind = ev.kind;
  if (hit.rule.author) properties.author = clean(hit.rule.author);
  properties.sigmaId = hit.rule.id;
  properties.origin = clean(ev.origin);
  if (sum.accessKeyId) properties.accessKeyId = sum.accessKeyId;
  if (sum.target) properties.target = sum.target;
  if (sum.aiImage) properties.aiImage = sum.aiImage;
  if (hit.type === 'correlation') {
    properties.correlation = hit.rule.correlationType;
    properties.group = group;
    properties.count = hit.count;
  }
  return makeFinding(meta, {
    // No `path`: the table formatter then shows the event id; the file and record are in properties.origin.
    location: { eventIds },
    message: `${meta.title}: ${what}${who}${from}${time ? ` at ${time}` : ''}${corr}.`,
    evidence: `${what}; event${eventIds.length > 1 ? 's' : ''} ${eventIds.slice(0, 5).join(', ')}${eventIds.length > 5 ? ` (+${eventIds.length - 5})` : ''}`,
    properties,
    fingerprintSalt: `${eventIds.join(',')}`,
  });
}
