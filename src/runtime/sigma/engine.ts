/**
 * The detection engine: rules compiled once, indexed per event kind by the value of one field
 * (eventName for CloudTrail, objectRef.resource for audit logs, the rule name for Falco), so an event
 * is tested only against the rules that can match it plus the few rules that cannot be indexed.
 * CloudTrail rules that allow any eventName are indexed by a second field, userIdentity.type, when they
 * constrain it (see loader.ts INDEX_FIELDS). Correlation rules receive the matches of the rules they
 * reference.
 */
import type { RuntimeEvent } from '../event.js';
import { CorrelationState, type CorrelationHit } from './correlation.js';
import { compileField, type FieldGetter } from './field.js';
import { INDEX_FIELDS } from './loader.js';
import { ANY, Screener, type Screen, type ScreenIndex } from './screener.js';
import type { AnyRule, CorrelationRule, DetectionRule, EventKind, RuleProblem } from './types.js';

export interface DetectionHit {
  rule: DetectionRule;
  event: RuntimeEvent;
}

export type { Screen } from './screener.js';

export type Hit = ({ type: 'detection' } & DetectionHit) | ({ type: 'correlation' } & CorrelationHit);

interface KindIndex {
  field: FieldGetter;
  byKey: Map<string, DetectionRule[]>;
  /** The second index field (CloudTrail's userIdentity.type): its rules by value, and all of them. */
  second?: { name: string; field: FieldGetter; byKey: Map<string, DetectionRule[]>; all: DetectionRule[] };
  unindexed: DetectionRule[];
  /** Candidate lists for (first value, second value) pairs, built once each (see candidatesFor). */
  merged: Map<string, DetectionRule[]>;
}

const NONE: DetectionRule[] = [];
/** Distinct (eventName, identity type) pairs whose candidate lists are kept. */
const MAX_MERGED = 4096;

export class DetectionEngine {
  readonly detections: DetectionRule[] = [];
  readonly correlations: CorrelationRule[] = [];
  readonly problems: RuleProblem[] = [];
  private readonly index = new Map<EventKind, KindIndex>();
  /** Correlations fed by each detection rule, with the rule's position in the correlation. */
  private readonly feeds = new Map<DetectionRule, { state: CorrelationState; pos: number }[]>();
  /** Detection rules whose own matches are not alerts (referenced by a correlation without `generate`). */
  private readonly silent = new Set<DetectionRule>();
  /** The pre-parse screen, built on first use from screenIndex(). */
  private screener?: Screener;

  /** Correlations judged when their windows close (conditions with an upper bound). */
  private readonly deferred: CorrelationState[] = [];

  /**
   * `refused`: problems of the rules that failed to load; a refused correlation's `silences` keeps its
   * referenced rules from alerting on their own, as they would have been silent had it loaded.
   */
  constructor(rules: AnyRule[], refused: RuleProblem[] = []) {
    for (const r of rules) {
      if (r.type === 'detection') this.detections.push(r);
      else this.correlations.push(r);
    }
    const byRef = new Map<string, DetectionRule>();
    for (const d of this.detections) {
      byRef.set(d.id, d);
      if (d.name) byRef.set(d.name, d);
    }
    const corrByRef = new Map<string, CorrelationRule>();
    for (const c of this.correlations) for (const k of [c.id, c.name]) if (k) corrByRef.set(k, c);
    // Rules (detection or correlation) referenced by a correlation that is not evaluated: they stay
    // silent unless that correlation set `generate` (spec, "Generate").
    const silencedRefs = new Set<string>(refused.flatMap((p) => p.silences ?? []));
    const usable: CorrelationRule[] = [];
    for (const c of this.correlations) {
      const refs: DetectionRule[] = [];
      let ok = true;
      for (const ref of c.rules) {
        const d = byRef.get(ref);
        if (!d) {
          ok = false;
          const chained = corrByRef.has(ref);
          this.problems.push({
            file: c.file,
            ruleId: c.id,
            title: c.title,
            message: chained
              ? `correlation "${c.name ?? c.id}" cannot be evaluated: it refers to correlation "${ref}" (chained correlations are not supported)`
              : `correlation "${c.name ?? c.id}" refers to unknown rule "${ref}"`,
            kind: chained ? 'unsupported' : 'invalid',
            error: true,
          });
          break;
        }
        refs.push(d);
      }
      if (!ok) {
        if (!c.generate) for (const ref of c.rules) silencedRefs.add(ref);
        continue;
      }
      usable.push(c);
      const state = new CorrelationState(c, refs);
      if (state.deferred) this.deferred.push(state);
      refs.forEach((d, pos) => {
        const list = this.feeds.get(d) ?? [];
        list.push({ state, pos });
        this.feeds.set(d, list);
        if (!c.generate) this.silent.add(d);
      });
    }
    // A refused chain's inner correlations are silenced too (only the outermost one would alert).
    this.correlations.splice(0, this.correlations.length, ...usable.filter((c) => !(silencedRefs.has(c.id) || (c.name && silencedRefs.has(c.name)))));
    for (const c of usable) {
      if (this.correlations.includes(c)) continue;
      this.problems.push({ file: c.file, ruleId: c.id, title: c.title, message: 'not evaluated: the correlation that refers to it was refused, and it does not alert on its own', kind: 'unsupported' });
    }
    const silencedStates = new Set(usable.filter((c) => !this.correlations.includes(c)));
    for (const [d, list] of this.feeds) {
      const kept = list.filter((f) => !silencedStates.has(f.state.rule));
      if (kept.length) this.feeds.set(d, kept);
      else this.feeds.delete(d);
    }
    this.deferred.splice(0, this.deferred.length, ...this.deferred.filter((s) => !silencedStates.has(s.rule)));
    for (const d of this.detections) if (silencedRefs.has(d.id) || (d.name && silencedRefs.has(d.name))) this.silent.add(d);

    for (const d of this.detections) {
      if (!d.kind) {
        this.problems.push({
          file: d.file,
          ruleId: d.id,
          title: d.title,
          message: `logsource ${JSON.stringify(d.logsource)} is not read by aigis (CloudTrail, Kubernetes audit, Falco); the rule never runs`,
          kind: 'unsupported',
        });
        continue;
      }
      let idx = this.index.get(d.kind);
      if (!idx) {
        const [first, second] = INDEX_FIELDS[d.kind];
        idx = {
          field: compileField(first),
          byKey: new Map(),
          second: second ? { name: second, field: compileField(second), byKey: new Map(), all: [] } : undefined,
          unindexed: [],
          merged: new Map(),
        };
        this.index.set(d.kind, idx);
      }
      const second = d.indexKeys && idx.second && d.indexField === idx.second.name ? idx.second : undefined;
      const byKey = second ? second.byKey : d.indexKeys ? idx.byKey : undefined;
      if (byKey && d.indexKeys) {
        second?.all.push(d);
        for (const k of d.indexKeys) {
          const list = byKey.get(k) ?? [];
          list.push(d);
          byKey.set(k, list);
        }
      } else idx.unindexed.push(d);
    }
  }

  /**
   * The rules an event can match: those indexed by its first field's value, those indexed by its
   * second field's value (`ANY`: all of them) and the unindexed ones, in that order. Merged lists are
   * built once per pair and reused.
   */
  private candidatesFor(idx: KindIndex, first: string | undefined, second: string | undefined): DetectionRule[] {
    const a = first === undefined ? NONE : (idx.byKey.get(first) ?? NONE);
    const b = second === undefined || !idx.second ? NONE : second === ANY ? idx.second.all : (idx.second.byKey.get(second) ?? NONE);
    if (b.length === 0 && idx.unindexed.length === 0) return a;
    if (a.length === 0 && b.length === 0) return idx.unindexed;
    if (a.length === 0 && idx.unindexed.length === 0) return b;
    const key = `${first ?? ''}\u0000${b === NONE ? '' : second}`;
    let list = idx.merged.get(key);
    if (!list) {
      list = [...a, ...b, ...idx.unindexed];
      if (idx.merged.size < MAX_MERGED) idx.merged.set(key, list);
    }
    return list;
  }

  /** The screen's view of the CloudTrail index: plain data (rules as their position in `detections`). */
  screenIndex(): ScreenIndex {
    const idx = this.index.get('cloudtrail');
    const pos = new Map(this.detections.map((d, i) => [d, i]));
    const ids = (list: DetectionRule[]): number[] => list.map((d) => pos.get(d) as number);
    return {
      cloudtrail: idx !== undefined,
      first: idx ? [...idx.byKey].map(([k, list]) => [k, ids(list)]) : [],
      second: idx?.second ? { byKey: [...idx.second.byKey].map(([k, list]) => [k, ids(list)]), all: ids(idx.second.all) } : undefined,
      unindexed: idx ? ids(idx.unindexed) : [],
      gates: this.detections.map((d) => d.gate ?? null),
    };
  }

  /**
   * Decides from a record's raw JSON bytes whether it must be parsed (see Screener.screen): 'event' is
   * a CloudTrail event that no rule can match. `from`/`to` delimit the record inside `raw`.
   */
  screen(raw: Buffer, forced?: EventKind, from = 0, to = raw.length): Screen {
    this.screener ??= new Screener(this.screenIndex());
    return this.screener.screen(raw, forced, from, to);
  }

  /** Candidate rules for an event (tests use it to check the index). */
  candidates(ev: RuntimeEvent): DetectionRule[] {
    const idx = this.index.get(ev.kind);
    if (!idx) return [];
    const v = idx.field(ev.data)[0];
    let second: string | undefined;
    if (idx.second) {
      const vals = idx.second.field(ev.data);
      if (vals.length === 1 && typeof vals[0] === 'string') second = vals[0].toLowerCase();
      else if (vals.length > 0) second = ANY;
    }
    return this.candidatesFor(idx, typeof v === 'string' ? v.toLowerCase() : undefined, second);
  }

  /** Runs every candidate rule on one event. `now` stands in for events without a time. */
  process(ev: RuntimeEvent, now?: number): Hit[] {
    const out: Hit[] = [];
    // The clock is read only for an event without a time that reaches a correlation.
    const at = (): number => (now ??= Date.now());
    if (this.deferred.length && ev.time !== undefined) {
      for (const state of this.deferred) for (const hit of state.advance(ev.time)) out.push({ type: 'correlation', ...hit });
    }
    for (const rule of this.candidates(ev)) {
      let matched: boolean;
      try {
        matched = rule.match(ev.data);
      } catch {
        matched = false; // a pathological value (e.g. a regex on a huge field) must not stop the stream
      }
      if (!matched) continue;
      if (!this.silent.has(rule)) out.push({ type: 'detection', rule, event: ev });
      const feeds = this.feeds.get(rule);
      if (feeds) {
        for (const { state, pos } of feeds) for (const hit of state.feed(pos, ev, ev.time ?? at())) out.push({ type: 'correlation', ...hit });
      }
    }
    return out;
  }

  /** End of the input: judges the correlation windows still open (conditions with an upper bound). */
  finish(): Hit[] {
    const out: Hit[] = [];
    for (const state of this.deferred) for (const hit of state.finish()) out.push({ type: 'correlation', ...hit });
    return out;
  }
}
