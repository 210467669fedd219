/** Writes a small file tree for a test: `files` maps paths relative to `dir/name` to their text. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeTree(dir: string, name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
