/**
 * One detection run: records in, findings out. Sources (files, stdin, the falcosidekick listener)
 * push parsed records; the session classifies them, applies --since/--until, runs the engine and turns
 * hits into findings (de-duplicated by rule and event, capped so a noisy rule cannot exhaust memory).
 */
import type { Finding, Note, RuleMeta } from '../core/model.js';
import { localeOrder } from '../core/text.js';
import { hitToFinding, metaFor } from './alerts.js';
import { classify, makeEvent } from './event.js';
import { DetectionEngine, type Hit } from './sigma/engine.js';
import type { ScreenIndex } from './sigma/screener.js';
import type { AnyRule, EventKind, RuleProblem } from './sigma/types.js';
import type { SplitStats } from './sources/json-records.js';

export const MAX_FINDINGS = 100_000;
/** De-duplication keys remembered (duplicates are adjacent: one audit event logged at several stages). */
const MAX_SEEN = 50_000;

export interface SessionOptions {
  /** Force the kind of every record instead of detecting it per record. */
  source?: EventKind;
  since?: number;
  until?: number;
  /** Called for each new finding as it happens (jsonl streaming, --follow, --listen). */
  onFinding?: (f: Finding) => void;
  /**
   * Keep findings in memory for a report (default). Streaming output sets it to false so that memory
   * stays flat however many alerts fire; `counts` still records them.
   */
  keep?: boolean;
  /** Problems of the rules that failed to load (a refused correlation silences its helper rules). */
  refused?: RuleProblem[];
  /** Applied to each value an alert takes from its event (see hitToFinding): streaming's redaction. */
  clean?: (s: string) => string;
  /** Called for every record parsed (heap-pacer.ts keeps long runs' memory flat). */
  onRecord?: () => void;
}

export interface DetectStats {
  events: number;
  /** Records that were not CloudTrail, audit or Falco events. */
  unrecognised: number;
  /** Records outside --since/--until. */
  outOfRange: number;
  malformed: number;
  inputs: number;
  /** Bytes read (after decompression). */
  bytes: number;
}

export class DetectSession {
  readonly engine: DetectionEngine;
  readonly findings: Finding[] = [];
  readonly notes: Note[] = [];
  readonly stats: DetectStats = { events: 0, unrecognised: 0, outOfRange: 0, malformed: 0, inputs: 0, bytes: 0 };
  private seen = new Set<string>();
  /** Alerts per severity, kept or not. */
  readonly counts: Record<string, number> = {};
  private capped = false;
  private readonly ruleMetas = new Map<string, RuleMeta>();

  constructor(rules: AnyRule[], private readonly opts: SessionOptions = {}) {
    this.engine = new DetectionEngine(rules, opts.refused);
  }

  /** Problems of the loaded rules, as report notes. */
  ruleNotes(problems: RuleProblem[]): Note[] {
    return [...problems, ...this.engine.problems].map((p) => ({
      level: p.kind === 'unsupported' && !p.error ? 'warning' : 'error',
      path: p.file,
      message: `${p.ruleId ? `rule ${p.ruleId}${p.title ? ` (${p.title})` : ''}: ` : ''}${p.message}`,
      source: 'sigma',
    }));
  }

  /** Pre-parse screen for the splitter: false when the record cannot match any rule (it is counted here). */
  readonly screen = (raw: Buffer, from = 0, to = raw.length): boolean => {
    if (!this.screens) return true;
    const verdict = this.engine.screen(raw, this.opts.source, from, to);
    if (verdict === 'parse') return true;
    if (verdict === 'event') this.stats.events++;
    else this.stats.unrecognised++;
    return false;
  };

  /**
   * What a screening thread needs to give the same verdicts as `screen` (sources/parallel.ts);
   * undefined when every record must be parsed (--since/--until read each event's time).
   */
  screenSpec(): { index: ScreenIndex; forced?: EventKind } | undefined {
    return this.screens ? { index: this.engine.screenIndex(), forced: this.opts.source } : undefined;
  }

  /** Records are screened before parsing (not under --since/--until, which read each event's time). */
  get screens(): boolean {
    return this.opts.since === undefined && this.opts.until === undefined;
  }

  /** Records a screening thread skipped: counted as `screen` counts them. */
  addScreened(events: number, unrecognised: number): void {
    this.stats.events += events;
    this.stats.unrecognised += unrecognised;
  }

  record(rec: Record<string, unknown>, origin: string): void {
    this.opts.onRecord?.();
    const kind = this.opts.source ?? classify(rec);
    if (!kind) {
      this.stats.unrecognised++;
      return;
    }
    const ev = makeEvent(kind, rec, origin);
    if (this.opts.since !== undefined || this.opts.until !== undefined) {
      if (ev.time === undefined || (this.opts.since !== undefined && ev.time < this.opts.since) || (this.opts.until !== undefined && ev.time > this.opts.until)) {
        this.stats.outOfRange++;
        return;
      }
    }
    this.stats.events++;
    this.emit(this.engine.process(ev));
  }

  /** End of all input: correlation windows still open are judged (conditions with an upper bound). */
  finish(): void {
    this.emit(this.engine.finish());
  }

  private emit(hits: Hit[]): void {
    for (const hit of hits) {
      const meta = metaFor(hit.rule);
      const ids = hit.type === 'correlation' ? hit.eventIds.join(',') : hit.event.id;
      const key = `${meta.id}\u0000${ids}`;
      if (this.seen.has(key)) continue; // the same audit event logged at several stages
      if (this.seen.size >= MAX_SEEN) this.seen = new Set();
      const keep = this.opts.keep !== false;
      if (keep && this.findings.length >= MAX_FINDINGS) {
        if (!this.capped) {
          this.capped = true;
          this.notes.push({ level: 'warning', message: `more than ${MAX_FINDINGS} alerts; later alerts are dropped`, source: 'detect' });
        }
        continue;
      }
      this.seen.add(key);
      this.ruleMetas.set(meta.id, meta);
      const f = hitToFinding(hit, this.opts.clean);
      this.counts[f.severity] = (this.counts[f.severity] ?? 0) + 1;
      if (keep) this.findings.push(f);
      this.opts.onFinding?.(f);
    }
  }

  /** Folds the splitter's counts of one input into the run, with a note when records were malformed. */
  inputDone(name: string, split: SplitStats): void {
    this.stats.inputs++;
    this.stats.malformed += split.malformed;
    if (split.malformed) {
      this.notes.push({
        level: 'warning',
        path: name,
        message: `${split.malformed} malformed record(s) skipped${split.problems.length ? `: ${split.problems.join('; ')}` : ''}`,
        source: 'detect',
      });
    }
  }

  /** Metadata of the rules that fired (the report's `rules`). */
  firedRules(): RuleMeta[] {
    return [...this.ruleMetas.values()].sort((a, b) => localeOrder(a.id, b.id));
  }
}
