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
  /** True when the config was too large to walk completely. */
  truncated?: boolean;
}

const MAX_NODES = 500_000;

/**
 * Flattens the config with an explicit stack (no recursion: a hostile config nested 100 000 levels
 * deep must neither overflow the JS stack nor hide a layer below a depth limit). Work is bounded by
 * the number of values visited; past it `truncated` is set and the analyzer says so in a note.
 */
export function kerasConfigDoc(config: unknown, source: string, extra: { kerasVersion?: string; backend?: string } = {}): KerasConfigDoc {
  const doc: KerasConfigDoc = { source, objects: [], strings: [], ...extra };
  const stack: [unknown, string][] = [[config, '$']];
  let count = 0;
  while (stack.length > 0) {
    if (++count > MAX_NODES) {
      doc.truncated = true;
      break;
    }
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') doc.strings.push({ path, value: v });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v && typeof v === 'object') {
      doc.objects.push({ path, obj: v as Record<string, unknown> });
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i];
        stack.push([x, /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`]);
      }
    }
  }
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
