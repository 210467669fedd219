#!/usr/bin/env node
/**
 * Entry point. Kept tiny on purpose: `aigis --version` answers before anything else is loaded, and
 * every other run loads the program (commander and the one command it runs, see program.ts) on demand;
 * an everyday `aigis scan` line does without commander (fast-scan.ts).
 */
import { VERSION } from '../version.js';

// `aigis … | head` closes stdout early: stop quietly, as Unix tools do, instead of crashing.
// Any other stdout error (a full device: ENOSPC, EIO) is a tool error: one line, exit 2, no stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`aigis: cannot write to standard output: ${err.code ?? err.message}\n`);
  process.exit(2); // EXIT_ERROR (exit.ts), not imported so that --version loads nothing else
});

const first = process.argv[2];
if ((first === '--version' || first === '-V') && process.argv.length === 3) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // `aigis scan` with everyday options runs without commander (fast-scan.ts); anything else, and any
  // line the fast path does not read, goes through the program.
  const fast = first === 'scan' ? await (await import('./fast-scan.js')).runScanFast(process.argv) : undefined;
  process.exitCode = fast ?? (await (await import('./program.js')).main(process.argv));
}
