/** Bounds on what one upload may hold: beyond them it is rejected whole (400), never truncated silently. */
export const MAX_FINDINGS = 100_000;
export const MAX_ASSETS = 100_000;
export const MAX_ALERTS = 100_000;
/** aigis itself lists at most 100 paths per report (src/paths/find.ts); steps are a handful. */
export const MAX_PATHS = 1_000;
export const MAX_PATH_STEPS = 64;
/** Stored text fields are cut at these lengths (a message is for reading, not a data channel). */
export const MAX_TEXT = 4_000;
export const MAX_SHORT = 500;
export const MAX_JSON_DEPTH = 64;

export function cut(value: unknown, max = MAX_TEXT): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = typeof value === 'string' ? value : String(value);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Nesting depth of parsed JSON, to refuse pathological documents before walking them. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v as object)) if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}
