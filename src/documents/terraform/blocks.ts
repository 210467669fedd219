/**
 * Block helpers for checks: nested blocks by name, including the `content` of `dynamic "name"` blocks
 * (whose values are unknown per element, but whose shape is declared).
 */
import type { TfBlock } from './types.js';

/** Nested blocks called `name`, and the `content` blocks of `dynamic "name"`. */
export function nested(block: TfBlock, name: string): TfBlock[] {
  const out: TfBlock[] = [];
  for (const b of block.blocks) {
    if (b.type === name) out.push(b);
    else if (b.type === 'dynamic' && b.labels[0] === name) out.push(...b.blocks.filter((c) => c.type === 'content'));
  }
  return out;
}

/** Follows a path of nested block names (`instance_metadata_service_configuration`, `encryption.kms`). */
export function nestedPath(block: TfBlock, path: string[]): TfBlock[] {
  let cur = [block];
  for (const seg of path) cur = cur.flatMap((b) => nested(b, seg));
  return cur;
}
