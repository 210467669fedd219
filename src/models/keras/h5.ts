/**
 * Reads the Keras attributes (`model_config`, `keras_version`, `backend`, `training_config`) of an
 * HDF5 file with h5wasm, the HDF5 C library compiled to WebAssembly: the file is written into the
 * module's in-memory file system (MEMFS: no host file access) and opened read-only. Nothing is
 * deserialised as Python; attributes are plain strings.
 */
type H5Wasm = typeof import('h5wasm').default;

export interface H5KerasAttrs {
  modelConfig?: string;
  kerasVersion?: string;
  backend?: string;
  trainingConfig?: string;
  /** Top-level group names (model_weights, optimizer_weights …), for discovery. */
  keys: string[];
}

let counter = 0;
let loading: Promise<{ h5: H5Wasm; mod: MemFs }> | undefined;
type MemFs = { FS: { writeFile(p: string, d: Uint8Array): void; unlink(p: string): void } };

/** HDF5 prints its error stack (HDF5-DIAG …) through the console.error captured when the module starts. */
const HDF5_DIAG = /^(?:HDF5-DIAG|\s+#\d{3}:|\s+(?:major|minor):)/;

/**
 * Loads h5wasm once. The WASM module binds `console.error` when it is instantiated, so a filter is
 * installed for the duration of the import: HDF5's diagnostic stack on malformed files (which we
 * report as a note) stays off the user's terminal, while every other message passes through.
 */
function load(): Promise<{ h5: H5Wasm; mod: MemFs }> {
  loading ??= (async () => {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && HDF5_DIAG.test(args[0])) return;
      original.apply(console, args);
    };
    try {
      const h5 = (await import('h5wasm')).default;
      const mod = (await h5.ready) as unknown as MemFs;
      return { h5, mod };
    } finally {
      console.error = original;
    }
  })();
  return loading;
}

function attrString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

export async function readH5KerasAttrs(bytes: Buffer): Promise<H5KerasAttrs> {
  const { h5: h5wasm, mod } = await load();
  const name = `/aigis-${process.pid}-${++counter}.h5`;
  mod.FS.writeFile(name, bytes);
  let file: InstanceType<H5Wasm['File']> | undefined;
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
