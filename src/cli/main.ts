#!/usr/bin/env node
/**
 * Entry point. Kept tiny on purpose: `aigis --version` answers before anything else is loaded, and
 * every other run loads the program (commander and the one command it runs) on demand.
 */
import { VERSION } from '../version.js';

// `aigis … | head` closes stdout early: stop quietly, as Unix tools do, instead of crashing.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const first = process.argv[2];
if ((first === '--version' || first === '-V') && process.argv.length === 3) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}
