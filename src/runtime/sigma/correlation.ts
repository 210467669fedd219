/**
 * Sigma correlation rules evaluated over a stream, with bounded state: at most MAX_GROUPS groups per
 * rule (least recently used evicted), at most MAX_ENTRIES entries per group, and entries older than the
 * timespan dropped as time advances. A group that fires is cleared, so one burst gives one alert.
 *
 * After an alert, the group is quiet for one timespan (one alert per burst, not one per extra event).
 *
 * Windows slide with event time (not wall-clock time). Events are expected roughly in time order, as
 * CloudTrail, audit and Falco logs are; an event older than the newest one of its group still counts
 * when it falls inside the window that ends at the newest event.
 */
import { compileField, type FieldGetter } from './field.js';
import { eventText } from './modifiers.js';
import type { CorrelationRule, CountCondition, DetectionRule } from './types.js';
import type { RuntimeEvent } from '../event.js';

export const MAX_GROUPS = 10_000;
export const MAX_ENTRIES = 10_000;
/** Event ids kept as evidence per alert. */
export const MAX_EVIDENCE = 20;

interface Entry {
  t: number;
  id: string;
  /** Rule position (temporal) or the counted value (value_count). */
  k: number | string;
}

export interface CorrelationHit {
  rule: CorrelationRule;
  event: RuntimeEvent;
  eventIds: string[];
  group: Record<string, string>;
  count: number;
}

function meets(c: CountCondition, n: number): boolean {
  if (c.eq !== undefined && n !== c.eq) return false;
  if (c.gt !== undefined && !(n > c.gt)) return false;
  if (c.gte !== undefined && !(n >= c.gte)) return false;
  if (c.lt !== undefined && !(n < c.lt)) return false;
  if (c.lte !== undefined && !(n <= c.lte)) return false;
  return true;
}

export class CorrelationState {
  private readonly groups = new Map<string, Entry[]>();
  /** Group → event time until which it stays quiet after an alert (bounded like `groups`). */
  private readonly quietUntil = new Map<string, number>();
  /** Per referenced-rule position: the getters of the group-by fields (aliases resolved). */
  private readonly groupGetters: FieldGetter[][];
  private readonly valueGetter?: FieldGetter;

  constructor(
    readonly rule: CorrelationRule,
    /** The detection rule at each position of `rule.rules`. */
    private readonly refs: DetectionRule[],
  ) {
    this.groupGetters = refs.map((ref, pos) =>
      rule.groupBy.map((field) => {
        const alias = rule.aliases[field];
        const written = rule.rules[pos];
        const actual = alias ? (alias[written] ?? (ref.name ? alias[ref.name] : undefined) ?? alias[ref.id] ?? field) : field;
        return compileField(actual);
      }),
    );
    if (rule.correlationType === 'value_count' && rule.condition.field) this.valueGetter = compileField(rule.condition.field);
  }

  /** Feeds one event that matched the referenced rule at `pos`; returns a hit when the correlation fires. */
  feed(pos: number, ev: RuntimeEvent, now: number): CorrelationHit | undefined {
    const t = ev.time ?? now;
    const groupVals: string[] = [];
    for (const g of this.groupGetters[pos]) {
      const v = g(ev.data).map(eventText).find((x) => x !== undefined && x !== '');
      // An event without a group-by value belongs to no group (as in a SIEM's `by` clause): counting
      // all such events together would correlate unrelated identities.
      if (v === undefined) return undefined;
      groupVals.push(v);
    }
    const key = JSON.stringify(groupVals);
    const quiet = this.quietUntil.get(key);
    if (quiet !== undefined) {
      if (t <= quiet) return undefined;
      this.quietUntil.delete(key);
    }
    let entries = this.groups.get(key);
    if (entries) this.groups.delete(key);
    else {
      entries = [];
      if (this.groups.size >= MAX_GROUPS) this.groups.delete(this.groups.keys().next().value as string);
    }
    this.groups.set(key, entries);

    let k: number | string = pos;
    if (this.valueGetter) {
      const v = this.valueGetter(ev.data).map(eventText).find((x) => x !== undefined);
      if (v === undefined) return undefined;
      k = v.toLowerCase();
    }
    // Insert in time order (usually an append).
    let i = entries.length;
    while (i > 0 && entries[i - 1].t > t) i--;
    entries.splice(i, 0, { t, id: ev.id, k });
    const span = this.rule.timespanMs;
    const newest = entries[entries.length - 1].t;
    let drop = 0;
    while (drop < entries.length && entries[drop].t < newest - span) drop++;
    if (drop) entries.splice(0, drop);
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);

    const result = this.evaluate(entries);
    if (!result) return undefined;
    this.groups.delete(key);
    if (this.quietUntil.size >= MAX_GROUPS) this.quietUntil.delete(this.quietUntil.keys().next().value as string);
    this.quietUntil.set(key, newest + span);
    const group: Record<string, string> = {};
    this.rule.groupBy.forEach((f, j) => (group[f] = groupVals[j]));
    return { rule: this.rule, event: ev, eventIds: result.ids.slice(-MAX_EVIDENCE), group, count: result.count };
  }

  private evaluate(entries: Entry[]): { ids: string[]; count: number } | undefined {
    const r = this.rule;
    switch (r.correlationType) {
      case 'event_count':
        return meets(r.condition, entries.length) ? { ids: entries.map((e) => e.id), count: entries.length } : undefined;
      case 'value_count': {
        const distinct = new Map<string | number, string>();
        for (const e of entries) distinct.set(e.k, e.id);
        return meets(r.condition, distinct.size) ? { ids: [...distinct.values()], count: distinct.size } : undefined;
      }
      case 'temporal': {
        const seen = new Map<number | string, string>();
        for (const e of entries) seen.set(e.k, e.id);
        const hasCondition = Object.keys(r.condition).some((c) => c !== 'field');
        const ok = hasCondition ? meets(r.condition, seen.size) : seen.size === r.rules.length;
        return ok ? { ids: [...seen.values()], count: seen.size } : undefined;
      }
      case 'temporal_ordered': {
        // Greedy from the end: the latest event of the last rule, then the latest earlier event of each
        // rule before it; the chain must fit in the timespan.
        const n = r.rules.length;
        let j = entries.length - 1;
        const ids: string[] = [];
        let lastT: number | undefined;
        for (let p = n - 1; p >= 0; p--) {
          while (j >= 0 && entries[j].k !== p) j--;
          if (j < 0) return undefined;
          if (lastT === undefined) lastT = entries[j].t;
          ids.unshift(entries[j].id);
          if (p === 0 && lastT - entries[j].t > r.timespanMs) return undefined;
          j--;
        }
        return { ids, count: n };
      }
    }
  }

  /** Number of groups held (for tests of the bounds). */
  get size(): number {
    return this.groups.size;
  }
}
