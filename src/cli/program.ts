/**
 * The aigis command line. One verb per command (Trivy-like); each command lives in its own file
 * under commands/ and is registered in the COMMANDS table below with one line.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { CliError, EXIT_ERROR } from './exit.js';
import { TargetError } from '../targets/target-error.js';

type Register = (program: Command) => void;

/**
 * Every command and the module(s) that register it, loaded on demand: a run loads only the command
 * it runs (start-up time matters for `hash` on one file and for CI steps), help loads them all.
 */
const COMMANDS: Record<string, Array<() => Promise<Register>>> = {
  scan: [() => import('./commands/scan.js').then((m) => m.registerScan)],
  bom: [() => import('./commands/bom.js').then((m) => m.registerBom)],
  hash: [() => import('./commands/hash.js').then((m) => m.registerHash)],
  verify: [() => import('./commands/verify.js').then((m) => m.registerVerify)],
  detect: [() => import('./commands/detect.js').then((m) => m.registerDetect)],
  db: [() => import('./commands/db.js').then((m) => m.registerDb)],
  rules: [() => import('./commands/rules.js').then((m) => m.registerRules), () => import('./commands/rules-export.js').then((m) => m.registerRulesExport)],
};

export async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command();
  program
    .name('aigis')
    .description('Security scanner for AI infrastructure: AI-BOM, leaked AI keys, unsafe models, vulnerable AI packages, runtime detections')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const command = argv[2];
  const names = command !== undefined && Object.hasOwn(COMMANDS, command) ? [command] : Object.keys(COMMANDS);
  for (const name of names) for (const load of COMMANDS[name]) (await load())(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse problem is a usage error.
      return err.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    if (err instanceof CliError || err instanceof TargetError) {
      process.stderr.write(`aigis: ${err.message}\n`);
      return EXIT_ERROR;
    }
    const fsErr = err as NodeJS.ErrnoException;
    if (fsErr && typeof fsErr.code === 'string' && typeof fsErr.path === 'string') {
      // e.g. --output into a missing directory: a tool error with one line, not a stack trace.
      const what = fsErr.syscall === 'open' || fsErr.syscall === 'write' ? 'cannot write' : `cannot ${fsErr.syscall ?? 'access'}`;
      process.stderr.write(`aigis: ${what} ${fsErr.path}: ${fsErr.code}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`aigis: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }
}
