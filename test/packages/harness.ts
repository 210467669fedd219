/** Runs the packages analyzer over a fixture folder, as the pipeline would (in-memory files). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzerContext } from '../../src/core/analyzer.js';
import type { Asset, Note } from '../../src/core/model.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import { packagesAnalyzer } from '../../src/analyzers/packages.js';

const ROOT = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export async function scanFixture(folder: string): Promise<{ assets: Asset[]; notes: Note[] }> {
  const base = join(ROOT, folder);
  return scanFiles(Object.fromEntries(walk(base).map((p) => [relative(base, p).split('\\').join('/'), readFileSync(p)])));
}

/** Runs the packages analyzer over in-memory files (path → content), e.g. an installed `node_modules` tree. */
export async function scanFiles(content: Record<string, string | Buffer>): Promise<{ assets: Asset[]; notes: Note[] }> {
  const files = new Map(Object.entries(content).map(([rel, c]) => [rel, bufferFile(rel, c)]));
  const ctx: AnalyzerContext = {
    deadline: Date.now() + 60_000,
    exists: (p) => files.has(p),
    open: (p) => files.get(p),
  };
  const assets: Asset[] = [];
  const notes: Note[] = [];
  for (const file of files.values()) {
    if (!packagesAnalyzer.match(file)) continue;
    const res = await packagesAnalyzer.analyze(file, ctx);
    assets.push(...(res.assets ?? []));
    notes.push(...(res.notes ?? []));
  }
  return { assets, notes };
}

/** `name@version|specifier:path:line [pinned] [direct]` lines, sorted, for readable assertions. */
export function summary(assets: Asset[]): string[] {
  return assets
    .flatMap((a) => a.locations.map((l) => `${a.properties.ecosystem}:${a.name}@${a.version ?? a.properties.specifier} ${l.path}:${l.startLine}${a.properties.pinned ? ' pinned' : ''}${a.properties.direct ? ' direct' : ''}`))
    .sort();
}
