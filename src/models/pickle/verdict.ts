/**
 * Classifies a pickle global with the tables of `globals-data.ts`: dangerous (code execution or
 * system access), allowed (known ML building blocks) or unknown.
 */
import { ALLOW_OVER_DENY, ALLOWLIST, DENYLIST, PYX_UNPICKLE_PACKAGES, type DenyEntry } from './globals-data.js';

export type Verdict =
  | { kind: 'dangerous'; entry: DenyEntry; matched: string }
  | { kind: 'allowed' }
  | { kind: 'unknown' };

const EXACT = new Set<string>();
const SUBTREE: string[] = [];
const CLASSES: string[] = [];
for (const a of ALLOWLIST) {
  if (a.endsWith('.*')) SUBTREE.push(a.slice(0, -1));
  else if (a.endsWith('.^')) CLASSES.push(a.slice(0, -1));
  else EXACT.add(a);
}

/** Dunder attributes that walk from a harmless object to globals, builtins or code. */
const DUNDER_WALK = /(^|\.)__(globals|builtins|subclasses|mro|bases|base|class|code|closure|dict|getattribute|reduce|reduce_ex|setstate|init_subclass|loader|spec|import|self__|func__|wrapped__)__?(\.|$)/;

/**
 * Verdicts already given, by `<module length>:module.name` (unambiguous whatever bytes the names hold): each rule that reads a pickle's globals (code execution,
 * system access, module tampering, unknown global) classifies every global again, and the same
 * globals recur across the files of a scan. Bounded: a hostile pickle of many distinct globals
 * empties it rather than growing it. Verdicts are frozen, as they are shared.
 */
const VERDICTS = new Map<string, Verdict>();
const MAX_VERDICTS = 4096;

export function classifyGlobal(module: string, name: string): Verdict {
  const key = `${module.length}:${module}.${name}`;
  let v = VERDICTS.get(key);
  if (v === undefined) {
    if (VERDICTS.size >= MAX_VERDICTS) VERDICTS.clear();
    VERDICTS.set(key, (v = Object.freeze(classify(module, name))));
  }
  return v;
}

function classify(module: string, name: string): Verdict {
  const path = `${module}.${name}`;
  if (ALLOW_OVER_DENY.some((p) => path.startsWith(p)) && !DUNDER_WALK.test(name)) return { kind: 'allowed' };
  // Walk from the longest prefix: `os.path.join` matches `os`, `torch.jit.load` matches `torch.jit`.
  const parts = path.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const key = parts.slice(0, i).join('.');
    const entry = DENYLIST[key];
    if (entry) return { kind: 'dangerous', entry, matched: key };
  }
  if (DUNDER_WALK.test(name)) {
    return { kind: 'dangerous', entry: { category: 'code-execution', why: 'walks dunder attributes to reach globals or code' }, matched: path };
  }
  if (EXACT.has(path)) return { kind: 'allowed' };
  for (const prefix of SUBTREE) if (path.startsWith(prefix)) return { kind: 'allowed' };
  for (const prefix of CLASSES) {
    if (path.startsWith(prefix)) {
      const last = parts[parts.length - 1];
      if (/^_?[A-Z]/.test(last) && !name.includes('.')) return { kind: 'allowed' };
    }
  }
  if (/^__pyx_unpickle_\w+$/.test(name) && PYX_UNPICKLE_PACKAGES.some((p) => module.startsWith(p))) return { kind: 'allowed' };
  return { kind: 'unknown' };
}
