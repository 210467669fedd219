/**
 * Size bounds for everything the MCP server returns: a model's context is small and a scan of a
 * large tree is not. Lists are paged (an opaque cursor names the cached report and the offset), a page
 * stops at `limit` items or MAX_PAGE_CHARS of JSON, whichever comes first, and every string and array
 * inside an item is cut (`bounded`).
 */
export const MAX_PAGE_CHARS = 48_000;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_STRING = 2_000;
const MAX_ARRAY = 100;
const MAX_DEPTH = 8;

/** A deep copy with long strings and arrays cut, so one item cannot exceed the page budget. */
export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const out = value.slice(0, MAX_ARRAY).map((v) => bounded(v, depth + 1));
    if (value.length > MAX_ARRAY) out.push(`…(+${value.length - MAX_ARRAY} more)`);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = bounded(v, depth + 1);
  return out;
}

export interface Cursor {
  /** Key of the cached result the page is cut from. */
  key: string;
  offset: number;
}

export class CursorError extends Error {}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.offset])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1]) && v[1] >= 0) return { key: v[0], offset: v[1] };
  } catch {
    // fall through
  }
  throw new CursorError('invalid cursor: pass back the nextCursor of the previous page unchanged');
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
  /** Present when more items follow. */
  nextCursor?: string;
}

/** One page of `all` from `offset`: at most `limit` items and MAX_PAGE_CHARS of JSON (at least one item). */
export function page<T>(all: readonly T[], key: string, offset: number, limit = DEFAULT_LIMIT, map: (t: T) => unknown = (t) => t): Page<unknown> {
  const n = Math.min(Math.max(1, limit), MAX_LIMIT);
  const items: unknown[] = [];
  let size = 0;
  let i = offset;
  for (; i < all.length && items.length < n; i++) {
    const item = bounded(map(all[i]));
    const len = JSON.stringify(item).length + 1;
    if (items.length && size + len > MAX_PAGE_CHARS) break;
    items.push(item);
    size += len;
  }
  return { total: all.length, offset, items, ...(i < all.length ? { nextCursor: encodeCursor({ key, offset: i }) } : {}) };
}
