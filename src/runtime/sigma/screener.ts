/**
 * The pre-parse screen as plain data: which CloudTrail rules each eventName (and identity type) selects
 * and the literal gates of those rules, without the rules' compiled matchers. The engine builds one for
 * its own screen, and `aigis detect` sends the same data to the thread that reads and screens the input
 * while the main thread parses and matches (sources/parallel.ts): one definition of the verdict for both.
 */
import { scanTopLevel } from './screen.js';
import type { EventKind } from './types.js';

/** What the raw text of a record says before it is parsed (see Screener.screen). */
export type Screen = 'parse' | 'event' | 'unrecognised';

/** Rules are numbers here (their position in the engine's list); only sets of them matter. */
export interface ScreenIndex {
  /** False when no rule reads CloudTrail: every CloudTrail event is one no rule can match. */
  cloudtrail: boolean;
  /** Lower-cased eventName → rules indexed by it. */
  first: [string, number[]][];
  /** The second index field (userIdentity.type): its rules by lower-cased value, and all of them. */
  second?: { byKey: [string, number[]][]; all: number[] };
  /** CloudTrail rules indexed by neither field: candidates for every event. */
  unindexed: number[];
  /** Per rule: the lower-cased literals one of which its record must contain (null: none known). */
  gates: (string[] | null)[];
}

const MAX_NAME = 256;
/** A second-field value that cannot be told (several values, not a string): every rule of the field. */
export const ANY = '\u0000any';
/** Distinct (eventName, identity type) pairs whose candidate lists are kept. */
const MAX_MERGED = 4096;
const NONE: number[] = [];

export class Screener {
  private readonly first: Map<string, number[]>;
  private readonly second?: { byKey: Map<string, number[]>; all: number[] };
  private readonly merged = new Map<string, number[]>();
  /** Per candidate list: one case-insensitive regex of all their gate literals (null: a rule has none). */
  private readonly gateOf = new Map<number[], RegExp | null>();

  constructor(private readonly index: ScreenIndex) {
    this.first = new Map(index.first);
    if (index.second) this.second = { byKey: new Map(index.second.byKey), all: index.second.all };
  }

  /** Candidate rules of a CloudTrail record by its two index values (the engine's candidatesFor). */
  private candidates(first: string, second: string | undefined): number[] {
    const a = this.first.get(first) ?? NONE;
    const b = second === undefined || !this.second ? NONE : second === ANY ? this.second.all : (this.second.byKey.get(second) ?? NONE);
    const u = this.index.unindexed;
    if (b.length === 0 && u.length === 0) return a;
    if (a.length === 0 && b.length === 0) return u;
    if (a.length === 0 && u.length === 0) return b;
    const key = `${first}\u0000${b === NONE ? '' : second}`;
    let list = this.merged.get(key);
    if (!list) {
      list = [...a, ...b, ...u];
      if (this.merged.size < MAX_MERGED) this.merged.set(key, list);
    }
    return list;
  }

  private gate(list: number[]): RegExp | null {
    let gate = this.gateOf.get(list);
    if (gate === undefined) {
      const gates = list.map((r) => this.index.gates[r]);
      const lits = gates.every((g) => g) ? [...new Set(gates.flatMap((g) => g as string[]))] : undefined;
      // Case-insensitive without the u flag: ASCII literals never match the latin1 stand-ins of UTF-8 bytes.
      gate = lits ? new RegExp(lits.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i') : null;
      if (this.gateOf.size < MAX_MERGED) this.gateOf.set(list, gate);
    }
    return gate;
  }

  /**
   * Decides from a record's raw JSON bytes whether it must be parsed: 'event' is a CloudTrail event that
   * no rule can match (its eventName selects no rule, and no literal gate of the remaining candidates
   * occurs in it). Any doubt gives 'parse': a record the top-level scan does not understand, an
   * eventName with escapes or given twice, a backslash when a gate must be tested (escapes could hide
   * a literal), a top-level key spelt with an escape, records of other kinds. Only CloudTrail is
   * screened: it is the bulk of any input. `from`/`to` delimit the record inside `raw`.
   */
  screen(raw: Buffer, forced: EventKind | undefined, from: number, to: number): Screen {
    if (forced && forced !== 'cloudtrail') return 'parse';
    const top = scanTopLevel(raw, from, to);
    if (!top.ok || top.keyEscape) return 'parse';
    // classify(): CloudTrail when the top level has eventSource and eventName strings.
    const ct = forced ? top.nameStart >= 0 : top.nameStart >= 0 && top.source;
    if (!ct || top.nameTwice) return 'parse';
    const i = top.nameStart;
    const end = top.nameEnd;
    if (end - i > MAX_NAME) return 'parse';
    for (let k = i; k < end; k++) if (raw[k] === 0x5c) return 'parse'; // an escaped name: let JSON.parse decode it
    if (!this.index.cloudtrail) return 'event';
    // Names are ASCII in CloudTrail; latin1 keeps any other byte distinct (no false index hits).
    const name = raw.toString('latin1', i, end).toLowerCase();
    // The identity type: ANY when the bytes cannot tell it (an escape anywhere may spell the key).
    let type: string | undefined;
    if (this.second) {
      if (top.typeAny || top.backslash || top.typeEnd - top.typeStart > MAX_NAME) type = ANY;
      else if (top.typeStart >= 0) type = raw.toString('latin1', top.typeStart, top.typeEnd).toLowerCase();
    }
    const candidates = this.candidates(name, type);
    if (candidates.length === 0) return 'event';
    const gate = this.gate(candidates);
    if (gate === null || top.backslash) return 'parse';
    return gate.test(raw.toString('latin1', from, to)) ? 'parse' : 'event';
  }
}
