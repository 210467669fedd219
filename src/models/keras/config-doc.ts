/**
 * A Keras model configuration flattened for the `model/keras-*` rules: every JSON object with its
 * JSON path, and every string value. Built from the `model_config` attribute of an `.h5` file, the
 * `config.json` of a `.keras` archive, or the layer metadata of a SavedModel's `keras_metadata.pb`.
 */
export interface KerasObject {
  /** JSONPath-like location, e.g. `$.config.layers[2].config.function`. */
  path: string;
  obj: Record<string, unknown>;
}

export interface KerasConfigDoc {
  /** Where the configuration came from, for messages: `model_config attribute`, `config.json` … */
  source: string;
  objects: KerasObject[];
  strings: { path: string; value: string }[];
  kerasVersion?: string;
  backend?: string;
}

const MAX_NODES = 200_000;
const MAX_DEPTH = 200;

export function kerasConfigDoc(config: unknown, source: string, extra: { kerasVersion?: string; backend?: string } = {}): KerasConfigDoc {
  const doc: KerasConfigDoc = { source, objects: [], strings: [], ...extra };
  let count = 0;
  const walk = (v: unknown, path: string, depth: number): void => {
    if (++count > MAX_NODES || depth > MAX_DEPTH) return;
    if (typeof v === 'string') doc.strings.push({ path, value: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    else if (v && typeof v === 'object') {
      doc.objects.push({ path, obj: v as Record<string, unknown> });
      for (const [k, x] of Object.entries(v)) walk(x, /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, depth + 1);
    }
  };
  walk(config, '$', 0);
  return doc;
}

/** `class_name` of a serialized object, if any. */
export function className(obj: Record<string, unknown>): string | undefined {
  return typeof obj.class_name === 'string' ? obj.class_name : undefined;
}

/** Short JSON snippet for evidence (never the whole config). */
export function snippet(v: unknown, max = 160): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
