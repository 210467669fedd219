import type { AnalyzerContext } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Finding, Note } from '../../src/core/model.js';
import { secretsAnalyzer } from '../../src/secrets/analyzer.js';
import type { Expected } from './fixtures/corpus/render.js';

export function testContext(): AnalyzerContext {
  return { deadline: Date.now() + 60_000, exists: () => false, open: () => undefined };
}

/** Runs the analyzer as the pipeline would: `match` first, then `analyze` on an in-memory file. */
export async function scan(path: string, content: string | Buffer): Promise<{ findings: Finding[]; notes: Note[]; matched: boolean }> {
  const file = bufferFile(path, content);
  if (!secretsAnalyzer.match(file)) return { findings: [], notes: [], matched: false };
  const r = await secretsAnalyzer.analyze(file, testContext());
  return { findings: r.findings ?? [], notes: r.notes ?? [], matched: true };
}

/** Each finding consumes at most one expected entry of its file and rule whose line it covers. */
export function score(expected: Expected[], findings: Finding[]) {
  const open = expected.map((e) => ({ ...e, hit: false }));
  const falseAlarms: Finding[] = [];
  for (const f of findings) {
    const start = f.location.startLine ?? 0;
    const end = f.location.endLine ?? start;
    const e = open.find((x) => !x.hit && x.file === f.location.path && x.rule === f.ruleId && x.line >= start && x.line <= end);
    if (e) e.hit = true;
    else falseAlarms.push(f);
  }
  const missed = open.filter((e) => !e.hit);
  return { recall: (expected.length - missed.length) / expected.length, missed, falseAlarms };
}

