/** Reads inputs into a session, one record at a time, with constant memory (see json-records.ts). */
import type { DetectSession } from '../session.js';
import { followFile } from './follow.js';
import { decodedChunks, type Input } from './inputs.js';
import { RecordSplitter } from './json-records.js';

export async function readInput(session: DetectSession, input: Input): Promise<void> {
  let n = 0;
  const origin = input.name;
  const splitter = new RecordSplitter((rec) => session.record(rec, `${origin}#${++n}`));
  try {
    for await (const chunk of decodedChunks(input.open())) {
      session.stats.bytes += chunk.length;
      splitter.push(chunk);
    }
    splitter.end();
  } catch (err) {
    splitter.end();
    session.notes.push({ level: 'error', path: origin, message: `read failed: ${(err as Error).message}`, source: 'detect' });
  }
  session.inputDone(origin, splitter.stats);
}

/** `--follow`: JSON lines appended to a file are detected as they arrive, until the signal aborts. */
export async function followInput(session: DetectSession, path: string, signal: AbortSignal, intervalMs?: number): Promise<void> {
  let n = 0;
  const splitter = new RecordSplitter((rec) => session.record(rec, `${path}#${++n}`));
  for await (const chunk of followFile(path, { signal, intervalMs })) {
    session.stats.bytes += chunk.length;
    splitter.push(chunk);
  }
  splitter.end();
  session.inputDone(path, splitter.stats);
}
