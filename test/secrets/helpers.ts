import type { AnalyzerContext } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Finding, Note } from '../../src/core/model.js';
import { secretsAnalyzer } from '../../src/secrets/analyzer.js';

export function testContext(): AnalyzerContext {
  return { signal: new AbortController().signal, deadline: Date.now() + 60_000, exists: () => false, open: () => undefined };
}

/** Runs the analyzer as the pipeline would: `match` first, then `analyze` on an in-memory file. */
export async function scan(path: string, content: string | Buffer): Promise<{ findings: Finding[]; notes: Note[]; matched: boolean }> {
  const file = bufferFile(path, content);
  if (!secretsAnalyzer.match(file)) return { findings: [], notes: [], matched: false };
  const r = await secretsAnalyzer.analyze(file, testContext());
  return { findings: r.findings ?? [], notes: r.notes ?? [], matched: true };
}
