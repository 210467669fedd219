/**
 * How a failed run ends (commander's own parse errors aside, see program.ts): one line on stderr and
 * exit 2. Without commander, so that the scan fast path (fast-scan.ts) ends the same way.
 */
import { TargetError } from '../targets/target-error.js';
import { CliError, EXIT_ERROR } from './exit.js';

export function reportError(err: unknown): number {
  if (err instanceof CliError || err instanceof TargetError) {
    process.stderr.write(`aigis: ${err.message}\n`);
    return EXIT_ERROR;
  }
  const fsErr = err as NodeJS.ErrnoException;
  if (fsErr && typeof fsErr.code === 'string' && typeof fsErr.syscall === 'string') {
    // Every I/O error (a missing directory, a full disk, EIO) is a tool error with one line, not a stack trace.
    const what = fsErr.syscall === 'open' || fsErr.syscall === 'write' ? 'cannot write' : `cannot ${fsErr.syscall}`;
    process.stderr.write(`aigis: ${what}${fsErr.path ? ` ${fsErr.path}` : ''}: ${fsErr.code}\n`);
    return EXIT_ERROR;
  }
  process.stderr.write(`aigis: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT_ERROR;
}
