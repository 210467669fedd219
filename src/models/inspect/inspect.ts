/**
 * Inspects one model artifact without loading it: identifies the format by magic bytes
 * (`identifyModelFormat`), walks pickles, opens containers (zip, tar, 7z, gzip, .npy) and recurses
 * into members, within a depth limit, an inflation cap and the file's deadline.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { fileInfo } from '../../core/file-info.js';
import { identifyModelFormat, type ModelFormat } from '../identify.js';
import type { ByteSource } from '../io/byte-source.js';
import { bufferSource, sliceSource } from '../io/byte-source.js';
import { walkPickle } from '../pickle/walker.js';
import { readNpyHeader } from '../containers/npy.js';
import { inspectZip } from './zip.js';
import { inspectTar } from './tar.js';
import { inspect7z } from './sevenzip.js';
import { emptyInspection, type Chain, type Inspection } from './types.js';

export interface InspectOptions {
  /** Epoch ms after which inspection stops with a note. */
  deadline?: number;
  signal?: AbortSignal;
  /** Container nesting depth (a zip in a tar in a zip is depth 3). */
  maxDepth?: number;
  /** Most bytes a compressed member may inflate to (zip bombs stop here). */
  memberCap?: number;
}

export interface Visit {
  ins: Inspection;
  /** Path of the inspected file (its name decides how a top-level compressed stream is read). */
  path: string;
  opts: Required<Omit<InspectOptions, 'signal'>> & { signal?: AbortSignal };
}

export const HEAD_BYTES = 512;

/**
 * joblib's default compression (`compress=3`) is a bare zlib stream, which has no magic of its own
 * (two header bytes with a checksum): recognised here, only for the extensions joblib files use.
 */
const ZLIB_EXTENSIONS = new Set(['.joblib', '.pkl', '.pickle', '.z', '.zlib', '.sav', '.dill']);
export type InspectFormat = ModelFormat | 'zlib';

function identify(name: string, size: number, head: Buffer): InspectFormat | undefined {
  const info = fileInfo(name, size);
  const fmt = identifyModelFormat(info, head);
  if (fmt !== undefined && !(fmt === 'pickle' && looksLikeZlib(head))) return fmt;
  if (ZLIB_EXTENSIONS.has(info.ext) && looksLikeZlib(head)) return 'zlib';
  return fmt;
}

/** zlib header with a 32 KiB window (0x78, what Python's zlib writes); `x` is not a pickle opcode. */
function looksLikeZlib(h: Buffer): boolean {
  return h.length >= 2 && h[0] === 0x78 && ((h[0] << 8) | h[1]) % 31 === 0;
}

export async function inspectArtifact(src: ByteSource, path: string, opts: InspectOptions = {}): Promise<Inspection> {
  const ins = emptyInspection();
  const v: Visit = {
    ins,
    path,
    opts: {
      deadline: opts.deadline ?? Date.now() + 30_000,
      signal: opts.signal,
      maxDepth: opts.maxDepth ?? 4,
      memberCap: opts.memberCap ?? 64 * 1024 * 1024,
    },
  };
  const head = await src.read(0, HEAD_BYTES);
  ins.format = identify(path, src.size, head);
  await visitFormat(v, src, ins.format, [], 0);
  return ins;
}

/** Inspects a member found inside a container (identified by its own magic, not its extension). */
export async function visitMember(v: Visit, src: ByteSource, name: string, chain: Chain, depth: number, head?: Buffer): Promise<InspectFormat | undefined> {
  const h = head ?? (await src.read(0, HEAD_BYTES));
  const fmt = identify(name, src.size, h);
  if (fmt) await visitFormat(v, src, fmt, chain, depth);
  return fmt;
}

export function label(chain: Chain): string {
  return chain.length > 0 ? ` (${chain.join(' → ')})` : '';
}

async function visitFormat(v: Visit, src: ByteSource, fmt: InspectFormat | undefined, chain: Chain, depth: number): Promise<void> {
  if (Date.now() > v.opts.deadline || v.opts.signal?.aborted) {
    v.ins.notes.push({ level: 'warning', message: `time budget exhausted before inspecting${label(chain) || ' the file'}` });
    return;
  }
  switch (fmt) {
    case 'pickle':
      await visitPickle(v, src, chain, 'pickle');
      return;
    case 'zip':
    case 'torch-zip':
      if (depth >= v.opts.maxDepth) return depthNote(v, chain);
      await inspectZip(v, src, chain, depth + 1);
      return;
    case 'tar':
      if (depth >= v.opts.maxDepth) return depthNote(v, chain);
      await inspectTar(v, src, chain, depth + 1);
      return;
    case '7z':
      if (depth >= v.opts.maxDepth) return depthNote(v, chain);
      await inspect7z(v, src, chain, depth + 1);
      return;
    case 'gzip':
    case 'zlib':
      if (depth >= v.opts.maxDepth) return depthNote(v, chain);
      await visitCompressed(v, src, fmt, chain, depth + 1);
      return;
    case 'numpy':
      await visitNpy(v, src, chain);
      return;
    default:
      return;
  }
}

function depthNote(v: Visit, chain: Chain): void {
  v.ins.notes.push({ level: 'warning', message: `archive nesting deeper than ${v.opts.maxDepth} levels not inspected${label(chain)}` });
  v.ins.anomalies.push({ chain, kind: 'nesting', message: `archives nested more than ${v.opts.maxDepth} levels deep; the innermost were not inspected` });
}

export async function visitPickle(v: Visit, src: ByteSource, chain: Chain, carrier: string): Promise<void> {
  const scan = await walkPickle(src, { deadline: v.opts.deadline, signal: v.opts.signal });
  if (scan.error && scan.globals.length === 0 && scan.tampering.length === 0 && scan.pickles === 0) {
    // Nothing was imported before the stream broke: most likely not a pickle at all (a .bin that
    // starts with a byte that is also an opcode). Worth an info note, not a warning.
    v.ins.notes.push({ level: scan.opcodes <= 1 ? 'warning' : 'info', message: `not a valid pickle${label(chain)}: ${scan.error.message}` });
    return;
  }
  v.ins.pickles.push({ chain, scan, carrier: scan.legacyTorch ? 'legacy torch checkpoint' : carrier });
  if (scan.error) {
    v.ins.notes.push({
      level: 'warning',
      message: `pickle ${scan.error.truncated ? 'is truncated' : 'is malformed'}${label(chain)}: ${scan.error.message}; ${scan.globals.length} global(s) seen before the error are reported`,
    });
  }
  if (scan.budget) {
    const rest = scan.importScan ? (scan.importScan.complete ? '; the rest of the stream was decoded for imports' : `; ${scan.importScan.stopped ?? 'the import scan stopped'}`) : '';
    v.ins.notes.push({ level: 'warning', message: `pickle walk stopped${label(chain)}: ${scan.budget}${rest}; globals seen so far are reported` });
  }
}

/** gzip (joblib `compress='gzip'`, .gz) and zlib (joblib's default) streams, inflated up to the member cap. */
async function visitCompressed(v: Visit, src: ByteSource, kind: 'gzip' | 'zlib', chain: Chain, depth: number): Promise<void> {
  const raw = await src.read(0, Math.min(src.size, v.opts.memberCap));
  let out: Buffer;
  try {
    const opts = { maxOutputLength: v.opts.memberCap };
    out = kind === 'gzip' ? gunzipSync(raw, opts) : inflateSync(raw, opts);
  } catch (e) {
    v.ins.notes.push({ level: 'warning', message: `${kind} stream not inspected${label(chain)}: ${(e as Error).message}` });
    v.ins.anomalies.push({ chain, kind: 'compressed-stream', message: `${kind} stream could not be decompressed within the budget: ${(e as Error).message}` });
    return;
  }
  // The decompressed stream keeps the outer name so that extension-based identification still works
  // (`model.pkl.gz` → `model.pkl`); a top-level joblib/pickle file compressed whole stays a pickle.
  const outer = chain.length > 0 ? chain[chain.length - 1] : v.path.slice(v.path.lastIndexOf('/') + 1);
  const name = /\.(gz|z|zlib)$/i.test(outer) ? outer.replace(/\.(gz|z|zlib)$/i, '') : chain.length > 0 ? outer : 'decompressed.pkl';
  await visitMember(v, bufferSource(out), name || 'decompressed.pkl', [...chain, `(${kind})`], depth);
}

async function visitNpy(v: Visit, src: ByteSource, chain: Chain): Promise<void> {
  const h = await readNpyHeader(src);
  if (!h) {
    v.ins.notes.push({ level: 'warning', message: `invalid .npy header${label(chain)}` });
    return;
  }
  if (!h.hasObject) return;
  v.ins.objectArrays.push({ chain, descr: h.descr });
  await visitPickle(v, sliceSource(src, h.dataOffset, src.size - h.dataOffset), chain, 'NumPy object array');
}
