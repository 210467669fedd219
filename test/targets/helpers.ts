/** Shared helpers for target tests: a test analyzer that reads every file it is given. */
import type { Analyzer, ScanFile } from '../../src/core/analyzer.js';
import type { Target } from '../../src/core/target.js';
import { DEFAULT_SKIP_DIRS } from '../../src/core/target.js';

export const options = (over: Partial<{ skipDirs: string[]; skipFiles: string[]; readBudget: number }> = {}) => ({
  skipDirs: DEFAULT_SKIP_DIRS,
  skipFiles: [],
  readBudget: 64 * 1024 * 1024,
  ...over,
});

/** Matches every file and reads it whole, recording what it saw; errors surface as pipeline notes. */
export function readingAnalyzer(seen = new Map<string, string | undefined>()): Analyzer & { seen: Map<string, string | undefined> } {
  return {
    name: 'reader',
    version: 1,
    rules: [],
    seen,
    match: () => true,
    async analyze(file: ScanFile) {
      await file.bytes();
      seen.set(file.path, await file.text());
      return {};
    },
  };
}

/** Every file's content as text (binary as hex), via index + open. */
export async function readAll(target: Target): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const infos = await target.index();
  for await (const f of target.open(infos)) out.set(f.path, await f.bytes());
  return out;
}
