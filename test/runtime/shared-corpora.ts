/**
 * The shared corpora live beside the checkout (`../shared/corpora`, as in CI); developer worktrees one
 * level deeper (`/work/wt/<name>`) find them at `../../shared`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function corpus(...parts: string[]): string {
  for (const base of ['../shared/corpora', '../../shared/corpora']) {
    const p = resolve(base, ...parts);
    if (existsSync(p)) return p;
  }
  return resolve('../shared/corpora', ...parts);
}
