/**
 * Sigma correlation rules evaluated over a stream (correlation specification v2), with bounded state:
 * at most MAX_GROUPS groups per rule (least recently used evicted), at most MAX_ENTRIES entries per
 * group, and entries older than the timespan dropped as time advances.
 *
 * Two ways to judge a window, chosen by the condition (spec, "Condition"):
 * - a condition with only a lower bound (`gt`/`gte`) is met for good once reached, so it fires at the
 *   event that reaches it, over a window that slides with event time; the group is then quiet for one
 *   timespan (one alert per burst, not one per extra event).
 * - a condition with an upper bound (`eq`, `lt`, `lte`, `neq`, or a range) can still be broken by later
 *   events, so it is judged when the window closes: a group's window opens at its first event, closes
 *   one timespan later (when a later event passes that time, or at the end of the input: `finish()`),
 *   and the count of the closed window decides.
 *
 * Counting choices the spec leaves open, documented in docs/runtime-detection.md:
 * - value_count counts distinct values exactly as written (case-sensitive), as the SIEM backends that
 *   Sigma targets count them (`dc()`/`cardinality`); `Admin` and `admin` are two values.
 * - temporal counts the referenced rules that matched; one event matching two rules counts for both.
 * - temporal_ordered needs distinct events in the order of `rules`: one event matching every rule does
 *   not satisfy it (an event cannot follow itself).
 * - Windows use event time; an event older than the newest one of its group still counts when it falls
 *   inside the window.
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

interface Group {
  entries: Entry[];
  /**
   * value_count and temporal: how many entries hold each `k`, kept as entries come and go, so the
   * sliding window's distinct count is known without a pass over the window on every event.
   */
  counts?: Map<string | number, number>;
  /** Deferred windows: the window's start, the number of events in it and its latest event. */
  start: number;
  total: number;
  last?: RuntimeEvent;
  vals: string[];
}

export interface CorrelationHit {
  rule: CorrelationRule;
  event: RuntimeEvent;
  eventIds: string[];
  group: Record<string, string>;
  count: number;
}

/** Shared empty result of feed() (callers only iterate it). */
const NO_HITS: CorrelationHit[] = [];

/** The first value of a field as text (eventText), skipping empty strings when `nonEmpty`. */
function firstText(values: unknown[], nonEmpty: boolean): string | undefined {
  for (let i = 0; i < values.length; i++) {
    const x = eventText(values[i]);
    if (x !== undefined && (!nonEmpty || x !== '')) return x;
  }
  return undefined;
}

export function meets(c: CountCondition, n: number): boolean {
  if (c.eq !== undefined && n !== c.eq) return false;
  if (c.neq !== undefined && n === c.neq) return false;
  if (c.gt !== undefined && !(n > c.gt)) return false;
  if (c.gte !== undefined && !(n >= c.gte)) return false;
  if (c.lt !== undefined && !(n < c.lt)) return false;
  if (c.lte !== undefined && !(n <= c.lte)) return false;
  return true;
}

/** True when later events can break the condition, so it must wait for the window to close. */
export function hasUpperBound(c: CountCondition): boolean {
  return c.eq !== undefined || c.lt !== undefined || c.lte !== undefined || c.neq !== undefined;
}

export class CorrelationState {
  private readonly groups = new Map<string, Group>();
  /** Group → event time until which it stays quiet after an alert (bounded like `groups`). */
  private readonly quietUntil = new Map<string, number>();
  /** Deferred windows in the order they opened (so roughly by closing time): [close time, key, group]. */
  private closing: [number, string, Group][] = [];
  private closingHead = 0;
  /** Per referenced-rule position: the getters of the group-by fields (aliases resolved). */
  private readonly groupGetters: FieldGetter[][];
  private readonly valueGetter?: FieldGetter;
  readonly deferred: boolean;
  /** The condition has a count bound (`field` alone is not one). */
  private readonly hasCondition: boolean;
  /** Groups keep per-value counts (value_count, temporal). */
  private readonly counted: boolean;

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
    this.deferred = hasUpperBound(rule.condition);
    this.hasCondition = Object.keys(rule.condition).some((c) => c !== 'field');
    this.counted = rule.correlationType === 'value_count' || rule.correlationType === 'temporal';
  }

  /** Feeds one event that matched the referenced rule at `pos`; returns the hits this causes. */
  feed(pos: number, ev: RuntimeEvent, now: number): CorrelationHit[] {
    const t = ev.time ?? now;
    const getters = this.groupGetters[pos];
    const groupVals: string[] = [];
    for (const g of getters) {
      const v = firstText(g(ev.data), true);
      // An event without a group-by value belongs to no group (as in a SIEM's `by` clause): counting
      // all such events together would correlate unrelated identities.
      if (v === undefined) return NO_HITS;
      groupVals.push(v);
    }
    let k: number | string = pos;
    if (this.valueGetter) {
      const v = firstText(this.valueGetter(ev.data), false);
      if (v === undefined) return NO_HITS;
      k = v;
    }
    // One group-by field (the usual case): its value is the key; several: their JSON array.
    const key = getters.length === 1 ? groupVals[0] : JSON.stringify(groupVals);
    return this.deferred ? this.feedDeferred(key, groupVals, { t, id: ev.id, k }, ev) : this.feedSliding(key, groupVals, { t, id: ev.id, k }, ev);
  }

  private touch(key: string, vals: string[], start: number): Group {
    let g = this.groups.get(key);
    if (g) this.groups.delete(key);
    else {
      g = { entries: [], start, total: 0, vals, counts: this.counted ? new Map() : undefined };
      if (this.groups.size >= MAX_GROUPS) this.groups.delete(this.groups.keys().next().value as string);
    }
    this.groups.set(key, g);
    return g;
  }

  private static insert(g: Group, e: Entry): void {
    // Insert in time order (usually an append).
    const entries = g.entries;
    let i = entries.length;
    while (i > 0 && entries[i - 1].t > e.t) i--;
    if (i === entries.length) entries.push(e);
    else entries.splice(i, 0, e);
    if (g.counts) g.counts.set(e.k, (g.counts.get(e.k) ?? 0) + 1);
    if (entries.length > MAX_ENTRIES) CorrelationState.dropOldest(g, entries.length - MAX_ENTRIES);
  }

  /** Removes the `n` oldest entries of a group (and their counts). */
  private static dropOldest(g: Group, n: number): void {
    const counts = g.counts;
    if (counts) {
      for (let i = 0; i < n; i++) {
        const k = g.entries[i].k;
        const c = (counts.get(k) ?? 1) - 1;
        if (c === 0) counts.delete(k);
        else counts.set(k, c);
      }
    }
    g.entries.splice(0, n);
  }

  private feedSliding(key: string, vals: string[], entry: Entry, ev: RuntimeEvent): CorrelationHit[] {
    const quiet = this.quietUntil.get(key);
    if (quiet !== undefined) {
      if (entry.t <= quiet) return NO_HITS;
      this.quietUntil.delete(key);
    }
    const g = this.touch(key, vals, entry.t);
    const entries = g.entries;
    CorrelationState.insert(g, entry);
    const span = this.rule.timespanMs;
    const newest = entries[entries.length - 1].t;
    let drop = 0;
    while (drop < entries.length && entries[drop].t < newest - span) drop++;
    if (drop) CorrelationState.dropOldest(g, drop);

    const result = this.evaluate(entries, entries.length, g.counts);
    if (!result) return NO_HITS;
    this.groups.delete(key);
    if (this.quietUntil.size >= MAX_GROUPS) this.quietUntil.delete(this.quietUntil.keys().next().value as string);
    this.quietUntil.set(key, newest + span);
    return [this.hit(vals, ev, result)];
  }

  private feedDeferred(key: string, vals: string[], entry: Entry, ev: RuntimeEvent): CorrelationHit[] {
    const out: CorrelationHit[] = [];
    const open = this.groups.get(key);
    if (open && entry.t > open.start + this.rule.timespanMs) {
      // This event is past the group's window: judge the window first, then open a new one.
      const h = this.close(key, open);
      if (h) out.push(h);
    }
    const fresh = !this.groups.has(key);
    const g = this.touch(key, vals, entry.t);
    if (fresh) this.closing.push([entry.t + this.rule.timespanMs, key, g]);
    CorrelationState.insert(g, entry);
    g.total++;
    if (!g.last || (ev.time ?? 0) >= (g.last.time ?? 0)) g.last = ev;
    return out;
  }

  /** Judges every deferred window that closed before `t` (event time of the stream). */
  advance(t: number): CorrelationHit[] {
    const out: CorrelationHit[] = [];
    while (this.closingHead < this.closing.length && this.closing[this.closingHead][0] < t) {
      const [, key, g] = this.closing[this.closingHead++];
      if (this.groups.get(key) === g) {
        const h = this.close(key, g);
        if (h) out.push(h);
      }
    }
    if (this.closingHead > 1024 && this.closingHead * 2 > this.closing.length) {
      this.closing = this.closing.slice(this.closingHead);
      this.closingHead = 0;
    }
    return out;
  }

  /** End of input: judges every window still open. */
  finish(): CorrelationHit[] {
    const out: CorrelationHit[] = [];
    for (const [key, g] of [...this.groups]) {
      const h = this.close(key, g);
      if (h) out.push(h);
    }
    this.closing = [];
    this.closingHead = 0;
    return out;
  }

  private close(key: string, g: Group): CorrelationHit | undefined {
    this.groups.delete(key);
    if (!g.last) return undefined;
    const result = this.evaluate(g.entries, g.total, g.counts);
    return result ? this.hit(g.vals, g.last, result) : undefined;
  }

  private hit(vals: string[], ev: RuntimeEvent, result: { ids: string[]; count: number }): CorrelationHit {
    const group: Record<string, string> = {};
    this.rule.groupBy.forEach((f, j) => (group[f] = vals[j]));
    return { rule: this.rule, event: ev, eventIds: result.ids.slice(-MAX_EVIDENCE), group, count: result.count };
  }

  /** The count of a window (per correlation type) and whether the condition holds. */
  private evaluate(entries: Entry[], total: number, counts?: Map<string | number, number>): { ids: string[]; count: number } | undefined {
    const r = this.rule;
    const hasCondition = this.hasCondition;
    switch (r.correlationType) {
      case 'event_count':
        return meets(r.condition, total) ? { ids: entries.map((e) => e.id), count: total } : undefined;
      case 'value_count': {
        if (counts && !meets(r.condition, counts.size)) return undefined; // the usual case: no pass over the window
        const distinct = new Map<string | number, string>();
        for (const e of entries) distinct.set(e.k, e.id);
        return meets(r.condition, distinct.size) ? { ids: [...distinct.values()], count: distinct.size } : undefined;
      }
      case 'temporal': {
        if (counts && !(hasCondition ? meets(r.condition, counts.size) : counts.size === r.rules.length)) return undefined;
        const seen = new Map<number | string, string>();
        for (const e of entries) seen.set(e.k, e.id);
        const ok = hasCondition ? meets(r.condition, seen.size) : seen.size === r.rules.length;
        return ok ? { ids: [...seen.values()], count: seen.size } : undefined;
      }
      case 'temporal_ordered': {
        // The longest prefix of `rules` matched by distinct events in time order (earliest first is
        // optimal for a subsequence); the window already bounds the chain to the timespan.
        const ids: string[] = [];
        let p = 0;
        for (const e of entries) {
          if (p < r.rules.length && e.k === p && e.id !== ids[p - 1]) {
            ids.push(e.id);
            p++;
          }
        }
        const ok = hasCondition ? meets(r.condition, p) : p === r.rules.length;
        return ok ? { ids, count: p } : undefined;
      }
    }
  }

  /** Number of groups held (for tests of the bounds). */
  get size(): number {
    return this.groups.size;
  }
}
