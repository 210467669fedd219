/**
 * The aigis command line. One verb per command (Trivy-like); each command lives in its own file
 * under commands/ and is registered in the COMMANDS table below with one line.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { CliError, EXIT_ERROR } from './exit.js';
import { CACHE_DIR_OPTION, envName } from './options.js';
import { reportError } from './report-error.js';

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
  probe: [() => import('./commands/probe.js').then((m) => m.registerProbe)],
  db: [() => import('./commands/db.js').then((m) => m.registerDb)],
  mcp: [() => import('./commands/mcp.js').then((m) => m.registerMcp)],
  explain: [() => import('./commands/explain.js').then((m) => m.registerExplain)],
  triage: [() => import('./commands/explain.js').then((m) => m.registerTriage)],
  serve: [() => import('./commands/serve.js').then((m) => m.registerServe)],
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
  for (const command of program.commands) addCommonOptions(command);
  // --cache-dir is read where the cache is used (src/vuln/store.ts) through AIGIS_CACHE_DIR.
  program.hook('preAction', (_program, action) => {
    applyEnvironment(action);
    const dir = action.optsWithGlobals().cacheDir as string | undefined;
    if (dir) process.env.AIGIS_CACHE_DIR = path.resolve(dir);
  });
  return program;
}

/**
 * Every command gets `--cache-dir`, and every option an `AIGIS_<OPTION>` environment variable
 * (`--fail-on` → AIGIS_FAIL_ON, `--format` → AIGIS_FORMAT); a flag on the command line beats the
 * variable (commander's precedence), and both beat aigis.yaml.
 */
function addCommonOptions(command: Command): void {
  if (!command.options.some((o) => o.long === '--cache-dir')) {
    command.addOption(new Option(CACHE_DIR_OPTION.flags, CACHE_DIR_OPTION.description));
  }
  for (const option of command.options) {
    if (option.envVar || option.negate || !option.long) continue;
    option.env(envName(option.attributeName()));
  }
  for (const sub of command.commands) addCommonOptions(sub);
}

/**
 * Commander only wires an option's environment variable when the option is added with it; the
 * commands here are registered in their own modules, so the variables are applied before the action:
 * an option not given on the command line takes its variable, through the option's own parser.
 */
function applyEnvironment(command: Command): void {
  for (const option of command.options) {
    const name = option.envVar;
    const value = name ? process.env[name] : undefined;
    if (value === undefined || value === '') continue;
    const key = option.attributeName();
    const source = command.getOptionValueSource(key);
    if (source !== undefined && source !== 'default') continue;
    let parsed: unknown;
    if (option.required || option.optional) parsed = option.parseArg ? option.parseArg(value, undefined) : value;
    else if (/^(?:1|true|yes|on)$/i.test(value)) parsed = true;
    else if (/^(?:0|false|no|off)$/i.test(value)) parsed = false;
    else throw new CliError(`${name}: expected true or false, got "${value}"`);
    command.setOptionValueWithSource(key, parsed, 'env');
  }
}

/** Flags other scanners use for the same job: say which aigis flag does it instead of "unknown option". */
const FOREIGN_FLAGS: Record<string, string> = {
  '--exit-code': 'unknown option --exit-code: use --fail-on <severity> (e.g. --fail-on high) to exit 1 when a finding at or above that severity is reported',
};

function rejectForeignFlags(argv: string[]): void {
  for (const arg of argv.slice(2)) {
    if (arg === '--') return;
    const hint = FOREIGN_FLAGS[arg.split('=')[0]];
    if (hint) throw new CliError(hint);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    rejectForeignFlags(argv);
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse problem is a usage error.
      return err.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    return reportError(err);
  }
}
