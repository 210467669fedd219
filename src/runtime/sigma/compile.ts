/**
 * A Sigma `detection` block compiled once into a predicate, plus the index keys that let the engine
 * skip the rule for events it can never match.
 */
import { parseCondition, type CondNode } from './condition.js';
import { SigmaSyntaxError } from './errors.js';
import type { FieldGetter } from './field.js';
import { compileItem, keywordKey, type EventPredicate } from './modifiers.js';
import { andGate, itemGate, orGate, type Gate } from './gate.js';
import { parseWildcards } from './wildcard.js';

interface Selection {
  match: EventPredicate;
  /** Per index field (same positions as the field list): lower-cased required values, or undefined. */
  keys?: (Set<string> | undefined)[];
  /** Literals one of which the raw record must contain (see gate.ts). */
  gate?: Gate;
}

function plainKeys(value: unknown): Set<string> | undefined {
  const vals = Array.isArray(value) ? value : [value];
  const out = new Set<string>();
  for (const v of vals) {
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    const pieces = parseWildcards(String(v));
    if (pieces.length !== 1 || !('lit' in pieces[0])) return undefined;
    out.add(pieces[0].lit.toLowerCase());
  }
  return out;
}

function compileMap(map: Record<string, unknown>, fields: Map<string, FieldGetter>, indexFields: string[]): Selection {
  const preds: EventPredicate[] = [];
  const gates: Gate[] = [];
  const keys: (Set<string> | undefined)[] = indexFields.map(() => undefined);
  for (const [key, value] of Object.entries(map)) {
    if (key.startsWith('|')) {
      // A keyword map such as `'|all': [a, b]` (spec: "Keywords search").
      const mods = key.slice(1).split('|').filter(Boolean);
      const k = keywordKey(mods);
      preds.push(compileItem(k, value, fields));
      gates.push(itemGate(k, value));
      continue;
    }
    preds.push(compileItem(key, value, fields));
    gates.push(itemGate(key, value));
    const at = indexFields.indexOf(key);
    if (at >= 0) keys[at] = plainKeys(value);
  }
  if (preds.length === 0) throw new SigmaSyntaxError('empty selection');
  const match: EventPredicate = preds.length === 1 ? preds[0] : (e) => preds.every((p) => p(e));
  return { match, keys, gate: andGate(gates) };
}

function compileSelection(name: string, def: unknown, fields: Map<string, FieldGetter>, indexFields: string[]): Selection {
  if (def === null || def === undefined) throw new SigmaSyntaxError(`search identifier "${name}" is empty`);
  if (Array.isArray(def)) {
    if (def.length === 0) throw new SigmaSyntaxError(`search identifier "${name}" is an empty list`);
    if (def.every((d) => d !== null && typeof d === 'object' && !Array.isArray(d))) {
      // A list of maps: OR of the maps.
      const parts = def.map((d) => compileMap(d as Record<string, unknown>, fields, indexFields));
      return { match: (e) => parts.some((p) => p.match(e)), keys: unionKeys(parts), gate: orGate(parts.map((p) => p.gate)) };
    }
    if (def.some((d) => d !== null && typeof d === 'object')) throw new SigmaSyntaxError(`search identifier "${name}" mixes keywords and maps`);
    // A list of keywords: OR, searched anywhere in the event.
    return { match: compileItem('|contains', def, fields), gate: itemGate('|contains', def) };
  }
  if (typeof def === 'object') return compileMap(def as Record<string, unknown>, fields, indexFields);
  // A single keyword.
  return { match: compileItem('|contains', def, fields), gate: itemGate('|contains', def) };
}

function intersect(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  const known = sets.filter((s): s is Set<string> => s !== undefined);
  if (known.length === 0) return undefined;
  return new Set([...known[0]].filter((k) => known.every((s) => s.has(k))));
}

function union(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  if (sets.some((s) => s === undefined)) return undefined;
  return new Set(sets.flatMap((s) => [...(s as Set<string>)]));
}

/** AND of parts, field by field: any constrained part constrains the whole. */
function intersectKeys(parts: Selection[]): (Set<string> | undefined)[] | undefined {
  const n = parts.find((p) => p.keys)?.keys?.length ?? 0;
  return n ? Array.from({ length: n }, (_, i) => intersect(parts.map((p) => p.keys?.[i]))) : undefined;
}

/** OR of parts, field by field: the field constrains the whole only when it constrains every part. */
function unionKeys(parts: Selection[]): (Set<string> | undefined)[] | undefined {
  const n = parts.find((p) => p.keys)?.keys?.length ?? 0;
  return n ? Array.from({ length: n }, (_, i) => union(parts.map((p) => p.keys?.[i]))) : undefined;
}

export interface CompiledDetection {
  match: EventPredicate;
  /** The first of the index fields whose value the rule constrains, and the values it allows. */
  indexField?: string;
  indexKeys?: string[];
  gate?: string[];
}

/**
 * `indexFields`: the fields an event kind can be indexed by, in order of preference (eventName first,
 * then userIdentity.type for CloudTrail): the rule is indexed by the first one it constrains to plain
 * values, so that a rule such as "root user activity" (any eventName) still sees only some events.
 */
export function compileDetection(detection: unknown, indexFields: string | string[] | undefined): CompiledDetection {
  const ixFields = indexFields === undefined ? [] : Array.isArray(indexFields) ? indexFields : [indexFields];
  if (detection === null || typeof detection !== 'object' || Array.isArray(detection)) throw new SigmaSyntaxError('detection must be a map');
  const det = detection as Record<string, unknown>;
  // `timeframe` only qualified the deprecated aggregations, which are rejected by the condition parser.
  const cond = det.condition;
  if (cond === undefined) throw new SigmaSyntaxError('detection has no condition');
  const names = Object.keys(det).filter((k) => k !== 'condition' && k !== 'timeframe');
  const fields = new Map<string, FieldGetter>();
  const sels = new Map<string, Selection>();
  for (const n of names) sels.set(n, compileSelection(n, det[n], fields, ixFields));
  const conditions = (Array.isArray(cond) ? cond : [cond]).map((c) => {
    if (typeof c !== 'string') throw new SigmaSyntaxError('condition must be a string or a list of strings');
    return parseCondition(c, names);
  });

  const build = (node: CondNode): Selection => {
    switch (node.type) {
      case 'id':
        return sels.get(node.name) as Selection;
      case 'not': {
        const inner = build(node.item).match;
        return { match: (e) => !inner(e) };
      }
      case 'and':
      case 'or': {
        const parts = node.items.map(build);
        const ms = parts.map((p) => p.match);
        return node.type === 'and'
          ? { match: (e) => ms.every((m) => m(e)), keys: intersectKeys(parts), gate: andGate(parts.map((p) => p.gate)) }
          : { match: (e) => ms.some((m) => m(e)), keys: unionKeys(parts), gate: orGate(parts.map((p) => p.gate)) };
      }
      case 'of': {
        const parts = node.names.map((n) => sels.get(n) as Selection);
        const ms = parts.map((p) => p.match);
        return node.quantifier === 'all'
          ? { match: (e) => ms.every((m) => m(e)), keys: intersectKeys(parts), gate: andGate(parts.map((p) => p.gate)) }
          : { match: (e) => ms.some((m) => m(e)), keys: unionKeys(parts), gate: orGate(parts.map((p) => p.gate)) };
      }
    }
  };
  const built = conditions.map(build);
  const match: EventPredicate = built.length === 1 ? built[0].match : (e) => built.some((b) => b.match(e));
  const keys = unionKeys(built);
  const at = keys ? keys.findIndex((k) => k !== undefined) : -1;
  const gate = orGate(built.map((b) => b.gate));
  if (!keys || at < 0) return { match, gate };
  return { match, indexField: ixFields[at], indexKeys: [...(keys[at] as Set<string>)], gate };
}
