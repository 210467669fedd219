/**
 * Dotted Sigma field names (`userIdentity.arn`) resolved into nested JSON. Two event shapes need more
 * than a plain split on dots:
 * - flattened keys that contain dots themselves: Falco's `output_fields` (`container.image.repository`)
 *   and Kubernetes resource names (`nvidia.com/gpu`). At each level the longest key that exists wins
 *   over the single segment, so `a.b.c` finds `{ "a": { "b.c": 1 } }` and `{ "a.b.c": 1 }` alike.
 * - arrays on the way (`requestParameters.containerDefinitions.command`): every element is visited, and
 *   the field has all the values found (Sigma backends treat multi-valued fields as "any value matches").
 */

export type FieldGetter = (event: unknown) => unknown[];

const MAX_DEPTH = 64;

export function compileField(name: string): FieldGetter {
  const parts = name.split('.');
  // joined[i][j] = parts[i..j] joined with dots, so no string is built while matching.
  const joined: string[][] = parts.map((_, i) => parts.map((__, j) => (j >= i ? parts.slice(i, j + 1).join('.') : '')));
  const n = parts.length;
  if (n === 1) {
    const key = parts[0];
    return (event) => {
      if (event === null || typeof event !== 'object') return [];
      const v = (event as Record<string, unknown>)[key];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    };
  }
  const walk = (node: unknown, i: number, out: unknown[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (i === n) {
      if (Array.isArray(node)) for (const e of node) out.push(e);
      else out.push(node);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const e of node) walk(e, i, out, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    // Longest existing key first (flattened keys), then shorter ones.
    for (let j = n - 1; j >= i; j--) {
      const key = joined[i][j];
      if (Object.prototype.hasOwnProperty.call(obj, key)) walk(obj[key], j + 1, out, depth + 1);
    }
  };
  return (event) => {
    const out: unknown[] = [];
    walk(event, 0, out, 0);
    return out;
  };
}

/**
 * Presence of a field (Sigma `|exists`): true when the path leads to a key that is there, whatever its
 * value, `null` and `[]` included (CloudTrail writes `"requestParameters": null` for calls without
 * parameters; the field exists).
 */
export function compilePresence(name: string): (event: unknown) => boolean {
  const parts = name.split('.');
  const n = parts.length;
  const joined: string[][] = parts.map((_, i) => parts.map((__, j) => (j >= i ? parts.slice(i, j + 1).join('.') : '')));
  const walk = (node: unknown, i: number, depth: number): boolean => {
    if (i === n) return true;
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((e) => walk(e, i, depth + 1));
    const obj = node as Record<string, unknown>;
    for (let j = n - 1; j >= i; j--) {
      const key = joined[i][j];
      if (Object.prototype.hasOwnProperty.call(obj, key) && walk(obj[key], j + 1, depth + 1)) return true;
    }
    return false;
  };
  return (event) => walk(event, 0, 0);
}
