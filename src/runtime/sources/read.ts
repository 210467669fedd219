/** Reads inputs into a session, one record at a time, with constant memory (see json-records.ts). */
import type { DetectSession } from '../session.js';
import { followFile } from './follow.js';
import { decodedChunks, type Input } from './inputs.js';
import { RecordSplitter } from './json-records.js';

export async function readInput(session: DetectSession, input: Input): Promise<void> {
  const origin = input.name;
  // Records are numbered by position in the input (screened-out records count too).
  const splitter: RecordSplitter = new RecordSplitter((rec) => session.record(rec, `${origin}#${splitter.stats.records}`), undefined, session.screen);
  try {
    for await (const chunk of decodedChunks(input.chunks())) {
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
  const splitter: RecordSplitter = new RecordSplitter((rec) => session.record(rec, `${path}#${splitter.stats.records}`), undefined, session.screen);
  for await (const chunk of followFile(path, { signal, intervalMs })) {
    session.stats.bytes += chunk.length;
    splitter.push(chunk);
  }
  splitter.end();
  session.inputDone(path, splitter.stats);
}
