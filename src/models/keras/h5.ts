/**
 * Reads the Keras attributes (`model_config`, `keras_version`, `backend`, `training_config`) of an
 * HDF5 file with h5wasm, the HDF5 C library compiled to WebAssembly: the file is written into the
 * module's in-memory file system (MEMFS: no host file access) and opened read-only. Nothing is
 * deserialised as Python; attributes are plain strings.
 */
import h5wasm from 'h5wasm';

export interface H5KerasAttrs {
  modelConfig?: string;
  kerasVersion?: string;
  backend?: string;
  trainingConfig?: string;
  /** Top-level group names (model_weights, optimizer_weights …), for discovery. */
  keys: string[];
}

let counter = 0;
let ready: Promise<unknown> | undefined;

function attrString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

export async function readH5KerasAttrs(bytes: Buffer): Promise<H5KerasAttrs> {
  ready ??= h5wasm.ready;
  const mod = (await ready) as { FS: { writeFile(p: string, d: Uint8Array): void; unlink(p: string): void } };
  const name = `/aigis-${process.pid}-${++counter}.h5`;
  mod.FS.writeFile(name, bytes);
  let file: InstanceType<typeof h5wasm.File> | undefined;
  try {
    file = new h5wasm.File(name, 'r');
    const attrs = file.attrs as Record<string, { value: unknown }>;
    const get = (k: string) => (k in attrs ? attrString(attrs[k].value) : undefined);
    return {
      modelConfig: get('model_config'),
      kerasVersion: get('keras_version'),
      backend: get('backend'),
      trainingConfig: get('training_config'),
      keys: file.keys().slice(0, 50),
    };
  } finally {
    try {
      file?.close();
    } catch {
      /* already closed */
    }
    mod.FS.unlink(name);
  }
}
