import type { Command } from 'commander';
import { buildManifest, HashError } from '../../integrity/build.js';
import { toSha256sum, toStatement } from '../../integrity/manifest.js';
import { DEFAULT_IGNORE } from '../../integrity/walk.js';
import { CliError, EXIT_OK } from '../exit.js';
import { checkOutput, writeOutput, writeStdout } from '../output.js';
import { formatName } from '../format-name.js';
import { progressReporter } from '../progress.js';

interface HashFlags {
  output?: string;
  format: string;
  root?: string;
  jobs?: string;
  quiet?: boolean;
  ignore: string[];
}

export function registerHash(program: Command): void {
  program
    .command('hash')
    .description('write an integrity manifest (SHA-256 of every file) for model or dataset directories')
    .argument('<paths...>', 'directories or files to hash')
    .option('-o, --output <file>', 'write the manifest to a file instead of stdout')
    .option('-f, --format <format>', 'in-toto (OpenSSF model signing statement) or sha256sum', 'in-toto')
    .option('--root <dir>', 'names are relative to this directory (default: the directory when one is given, else .)')
    .option('--ignore <path>', 'leave this relative path out (repeatable; recorded in the manifest so verify skips it too)', (v: string, acc: string[]) => [...acc, v], [])
    .option('-j, --jobs <n>', 'at most this many hashing threads (default: number of cores; small jobs use fewer)')
    .option('-q, --quiet', 'no progress output')
    .action(async (paths: string[], flags: HashFlags) => {
      process.exitCode = await hashCommand(paths, flags);
    });
}

export function parseJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--jobs must be a positive integer, got "${jobs}"`);
  return n;
}

export async function hashCommand(paths: string[], flags: HashFlags): Promise<number> {
  const format = formatName(flags.format);
  if (format !== 'in-toto' && format !== 'sha256sum') throw new CliError(`unknown manifest format "${flags.format}" (use in-toto or sha256sum)`);
  if (flags.output) checkOutput(flags.output);
  const concurrency = parseJobs(flags.jobs);
  const report = progressReporter(!flags.quiet);
  let result;
  try {
    result = await buildManifest(paths, {
      root: flags.root,
      concurrency,
      ignore: [...DEFAULT_IGNORE, ...flags.ignore.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''))],
      ignoreAbs: flags.output ? [flags.output] : [],
      onProgress: report,
    });
  } catch (e) {
    if (e instanceof HashError) throw new CliError(e.message);
    throw e;
  }
  if (report) process.stderr.write('\r\x1b[2K');
  for (const s of result.skipped) process.stderr.write(`aigis hash: skipped ${s.name}: ${s.reason}\n`);
  const text = format === 'sha256sum' ? toSha256sum(result.manifest) : `${JSON.stringify(toStatement(result.manifest), null, 2)}\n`;
  if (flags.output) writeOutput(flags.output, text);
  else writeStdout(text);
  return EXIT_OK;
}
