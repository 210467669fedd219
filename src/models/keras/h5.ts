/**
 * Reads the Keras attributes (`model_config`, `keras_version`, `backend`, `training_config`) of an
 * HDF5 file with h5wasm, for the files the direct reader (h5-lite.ts, tried first) leaves to HDF5, the HDF5 C library compiled to WebAssembly: the file is written into the
 * module's in-memory file system (MEMFS: no host file access) and opened read-only. Nothing is
 * deserialised as Python; attributes are plain strings.
 *
 * Why a worker: h5wasm is synchronous, and corrupted files make HDF5 loop forever or ask for
 * gigabytes (issue 9). The parse therefore runs in a `worker_threads` Worker that the scan can
 * terminate. Its budgets, in order of preference:
 * - WASM memory: `WebAssembly.Memory.prototype.grow` is wrapped inside the worker so the heap never
 *   grows past `H5_WASM_MEMORY_BYTES`; HDF5 sees a failed malloc and returns an error. Deterministic.
 * - JS heap: `resourceLimits` on the worker (V8 stops it when exceeded). Deterministic.
 * - Wall clock: a last resort for loops inside HDF5, which no work counter can see. Generous, and
 *   also tied to the scan's own per-file abort signal. Its outcome is reported as "analysis stopped".
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface H5KerasAttrs {
  modelConfig?: string;
  kerasVersion?: string;
  backend?: string;
  trainingConfig?: string;
  /** Top-level group names (model_weights, optimizer_weights …), for discovery. */
  keys: string[];
}

/** Largest WASM heap an HDF5 parse may grow to (h5wasm itself starts at 16 MiB). */
export const H5_WASM_MEMORY_BYTES = 256 * 1024 * 1024;
/** Wall-clock guard for one parse: only for loops inside HDF5 that no budget can count. */
export const H5_GUARD_MS = 20_000;
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, codeRangeSizeMb: 64, stackSizeMb: 4 };

/** Why a parse did not finish: the caller reports the file as not fully analysed. */
export class H5StoppedError extends Error {
  constructor(
    message: string,
    /** `loop`: the direct reader (h5-lite.ts) found a structure HDF5 loops on, and HDF5 was not run. */
    readonly kind: 'memory' | 'time' | 'crash' | 'loop',
  ) {
    super(message);
    this.name = 'H5StoppedError';
  }
}

export interface H5Options {
  /** Wall-clock guard in ms (default H5_GUARD_MS). */
  guardMs?: number;
  /** The scan's per-file abort: terminates the worker at once. */
  signal?: AbortSignal;
}

/**
 * The worker, as a script evaluated with `eval: true` so that it runs the same from the compiled
 * build and from the TypeScript sources under test. It imports h5wasm by file URL.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// HDF5 prints its diagnostic stack on every malformed file; the parent reports errors as notes.
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};
let denied = false;
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (delta) {
  if (this.buffer.byteLength + delta * 65536 > workerData.maxWasmBytes) {
    denied = true;
    throw new RangeError('HDF5 memory budget');
  }
  return grow.call(this, delta);
};
function attrString(v) {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}
const ready = import(workerData.h5wasmUrl).then(async (m) => {
  const h5 = m.default;
  const mod = await h5.ready;
  return { h5, mod };
});
let counter = 0;
parentPort.on('message', async ({ id, bytes }) => {
  denied = false;
  let reply;
  try {
    const { h5, mod } = await ready;
    parentPort.postMessage({ id, started: true });
    const name = '/aigis-' + ++counter + '.h5';
    mod.FS.writeFile(name, bytes);
    let file;
    try {
      file = new h5.File(name, 'r');
      const attrs = file.attrs;
      const get = (k) => (k in attrs ? attrString(attrs[k].value) : undefined);
      reply = { id, ok: true, attrs: { modelConfig: get('model_config'), kerasVersion: get('keras_version'), backend: get('backend'), trainingConfig: get('training_config'), keys: file.keys().slice(0, 50) } };
    } finally {
      try { file && file.close(); } catch {}
      try { mod.FS.unlink(name); } catch {}
    }
  } catch (e) {
    reply = { id, ok: false, error: String((e && e.message) || e), memory: denied };
  }
  parentPort.postMessage(reply);
});
`;

type Reply = { id: number; started: true } | { id: number; ok: true; attrs: H5KerasAttrs } | { id: number; ok: false; error: string; memory: boolean };

let h5wasmUrl: string | undefined;

/** File URL of h5wasm's ESM entry, found the way Node resolves the package from this module. */
function resolveH5wasm(): string {
  if (h5wasmUrl) return h5wasmUrl;
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('h5wasm') ?? []) {
    const pkgFile = path.join(dir, 'h5wasm', 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { module?: string; exports?: { '.'?: { import?: string } } };
    const entry = pkg.exports?.['.']?.import ?? pkg.module ?? 'dist/esm/hdf5_hl.js';
    h5wasmUrl = pathToFileURL(path.join(dir, 'h5wasm', entry)).href;
    return h5wasmUrl;
  }
  throw new Error('h5wasm is not installed');
}

/** The idle worker, kept (unreferenced, so it never holds the process open) to skip h5wasm start-up. */
const idle: Worker[] = [];
const MAX_IDLE = 1;
let nextId = 0;

function spawn(): Worker {
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { h5wasmUrl: resolveH5wasm(), maxWasmBytes: H5_WASM_MEMORY_BYTES },
    resourceLimits: RESOURCE_LIMITS,
  });
  w.unref();
  return w;
}

/** The parse in progress (or the last one): the next waits for it. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * One parse at a time, over one reused worker: starting h5wasm (4 MB of JavaScript with the WASM
 * inside) costs a worker ~0.3 s of CPU, far more than parsing a model's header, so two HDF5 files
 * met at once share the worker instead of starting a second one (issue 15). The guard of each parse
 * counts from its own start, not from its wait in the queue.
 */
export function readH5KerasAttrs(bytes: Buffer, opts: H5Options = {}): Promise<H5KerasAttrs> {
  const run = queue.then(() => parseOnce(bytes, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function parseOnce(bytes: Buffer, opts: H5Options): Promise<H5KerasAttrs> {
  if (opts.signal?.aborted) throw new H5StoppedError('HDF5 analysis stopped: the file time budget was already spent', 'time');
  const worker = idle.pop() ?? spawn();
  const id = ++nextId;
  const guardMs = opts.guardMs ?? H5_GUARD_MS;
  worker.ref(); // while a parse is pending, the worker keeps the process alive
  return new Promise<H5KerasAttrs>((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep && idle.length < MAX_IDLE) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      fn();
    };
    const onMessage = (r: Reply) => {
      if (r.id !== id) return;
      // The guard counts from the start of the parse, not from worker start-up (slow on a loaded machine).
      if ('started' in r) timer = setTimeout(onGuard, guardMs);
      else if (r.ok) finish(true, () => resolve(r.attrs));
      else if (r.memory) finish(false, () => reject(new H5StoppedError(`HDF5 analysis stopped: the parser needed more than ${H5_WASM_MEMORY_BYTES >> 20} MiB (memory budget); ${r.error}`, 'memory')));
      else finish(true, () => reject(new Error(r.error)));
    };
    const onError = (e: Error) => {
      const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(false, () => reject(new H5StoppedError(oom ? 'HDF5 analysis stopped: the parser exceeded its heap limit (memory budget)' : `HDF5 analysis stopped: the parser failed (${e.message})`, oom ? 'memory' : 'crash')));
    };
    const onExit = () => finish(false, () => reject(new H5StoppedError('HDF5 analysis stopped: the parser exited', 'crash')));
    const onAbort = () => finish(false, () => reject(new H5StoppedError('HDF5 analysis stopped: the file time budget ran out while HDF5 was parsing', 'time')));
    const onGuard = () => finish(false, () => reject(new H5StoppedError(`HDF5 analysis stopped: the parser ran for more than ${guardMs / 1000} s (malformed file loops)`, 'time')));
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // A copy goes to the worker: the caller's buffer may be memoised for other analyzers.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}
