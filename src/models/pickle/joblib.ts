/**
 * joblib's `NumpyArrayWrapper`: joblib pickles a wrapper object and, right after the wrapper's BUILD
 * opcode, writes the array's raw bytes (or, for object arrays, a whole nested pickle) into the same
 * stream. A walker that does not skip those bytes stops there and misses every global after the
 * first array. The layout follows joblib/numpy_pickle.py (`write_array`/`read_array`).
 */
import type { PValue } from './walker.js';

export interface JoblibArrayLayout {
  /** Object arrays are stored as a nested pickle (protocol 2) instead of raw bytes. */
  hasObject: boolean;
  /** Raw bytes of the array; undefined when the dtype cannot be sized. */
  bytes?: number;
  /** joblib >= 1.2 writes one padding-length byte and that many padding bytes first. */
  aligned: boolean;
}

const WRAPPER_MODULES = new Set(['joblib.numpy_pickle', 'sklearn.externals.joblib.numpy_pickle']);

/** The layout of the array data following a BUILD on `target`, or undefined when it is not a wrapper. */
export function joblibArrayLayout(target: PValue): JoblibArrayLayout | undefined {
  if (target.t !== 'obj' || target.fn.t !== 'global') return undefined;
  if (target.fn.name !== 'NumpyArrayWrapper' || !WRAPPER_MODULES.has(target.fn.module)) return undefined;
  const state = target.state;
  if (state?.t !== 'dict') return undefined;
  const get = (key: string) => state.entries.find(([k]) => k.t === 'str' && k.s === key)?.[1];
  const align = get('numpy_array_alignment_bytes');
  const aligned = align !== undefined && align.t !== 'none';
  const dtype = dtypeInfo(get('dtype'));
  if (dtype.hasObject) return { hasObject: true, aligned };
  const shape = get('shape');
  let count = 1;
  if (shape?.t === 'tuple') {
    for (const d of shape.items) {
      if (d.t !== 'int') return { hasObject: false, aligned };
      count *= Number(d.v);
    }
  } else {
    return { hasObject: false, aligned };
  }
  return { hasObject: false, aligned, bytes: dtype.itemsize === undefined ? undefined : count * dtype.itemsize };
}

const KIND_SIZE: Record<string, number> = { '?': 1, b: 1, B: 1, h: 2, H: 2, e: 2, f: 4, d: 8, g: 16 };

/** Item size of a pickled `numpy.dtype(typestr, align, copy)` with its BUILD state. */
export function dtypeInfo(v: PValue | undefined): { itemsize?: number; hasObject: boolean } {
  if (v?.t !== 'obj' || v.fn.t !== 'global' || v.fn.name !== 'dtype') return { hasObject: false };
  const typestr = v.args.t === 'tuple' && v.args.items[0]?.t === 'str' ? v.args.items[0].s : undefined;
  if (typestr === undefined) return { hasObject: false };
  const hasObject = typestr.startsWith('O') || containsObjectDtype(v.state);
  // state = (version, byteorder, subdescr, names, fields, elsize, alignment, flags)
  const st = v.state;
  const elsize = st?.t === 'tuple' && st.items[5]?.t === 'int' ? Number(st.items[5].v) : -1;
  if (elsize > 0) return { itemsize: elsize, hasObject };
  const m = /^([a-zA-Z?])(\d*)$/.exec(typestr);
  if (!m) return { hasObject };
  const n = m[2] ? Number(m[2]) : undefined;
  if (m[1] === 'U') return { itemsize: n === undefined ? undefined : 4 * n, hasObject };
  return { itemsize: n ?? KIND_SIZE[m[1]], hasObject };
}

function containsObjectDtype(v: PValue | undefined, depth = 0): boolean {
  if (!v || depth > 6) return false;
  if (v.t === 'obj' && v.fn.t === 'global' && v.fn.name === 'dtype' && v.args.t === 'tuple' && v.args.items[0]?.t === 'str') {
    if (v.args.items[0].s.startsWith('O')) return true;
    return containsObjectDtype(v.state, depth + 1);
  }
  if (v.t === 'tuple' || v.t === 'list') return v.items.some((i) => containsObjectDtype(i, depth + 1));
  if (v.t === 'dict') return v.entries.some(([, x]) => containsObjectDtype(x, depth + 1));
  return false;
}
