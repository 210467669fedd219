#!/usr/bin/env node
/**
 * The aigis command line. One verb per command (Trivy-like); each command lives in its own file
 * under commands/ and is registered here with one line.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { CliError, EXIT_ERROR } from './exit.js';
import { registerRules } from './commands/rules.js';
import { registerScan } from './commands/scan.js';
import { registerDb } from './commands/db.js';
import { registerBom } from './commands/bom.js';
import { TargetError } from '../targets/open-target.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('aigis')
    .description('Security scanner for AI infrastructure: AI-BOM, leaked AI keys, unsafe models, vulnerable AI packages, runtime detections')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerScan(program);
  registerRules(program);
  registerDb(program);
  registerBom(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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
    process.stderr.write(`aigis: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
