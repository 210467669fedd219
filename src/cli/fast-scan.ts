/**
 * Start-up fast path of `aigis scan`: the command lines CI runs (a target, long or short options with
 * a value, `-q`, `AIGIS_*` variables) are read here from the option table of scan-options.ts, without
 * loading commander (~125 KB and child_process, a fifth of an empty scan's start-up). Anything else
 * (`--help`, `--version`, an unknown or misspelt flag, `-fjson`, `--`, a missing value, a value that
 * starts with `-`, two targets) returns undefined and goes to commander (program.ts), which gives
 * its usual help and messages. test/cli/fast-scan.test.ts checks both read every line alike.
 */
import path from 'node:path';
import { SCAN_COMMAND, SCAN_OPTIONS } from './commands/scan-options.js';
import { scanCommand } from './commands/scan.js';
import { CliError } from './exit.js';
import { useOneShotJitBudget } from './jit-budget.js';
import { CACHE_DIR_OPTION, envName, type OptionSpec } from './options.js';
import { reportError } from './report-error.js';

interface KnownOption {
  long: string;
  short?: string;
  takesValue: boolean;
  /** Commander's attribute name: `--skip-dirs` → `skipDirs`. */
  attribute: string;
  parse?: OptionSpec['parse'];
}

function known(spec: OptionSpec): KnownOption {
  const m = /^(?:(-[A-Za-z]), )?(--[a-z][a-z0-9-]*)( <[a-z-]+>)?$/.exec(spec.flags);
  if (!m) throw new Error(`fast-scan: unsupported option syntax "${spec.flags}"`);
  const attribute = m[2].slice(2).replace(/-([a-z0-9])/g, (_s, c: string) => c.toUpperCase());
  return { long: m[2], short: m[1], takesValue: m[3] !== undefined, attribute, ...(spec.parse ? { parse: spec.parse } : {}) };
}

/**
 * The target and the flags object commander would give the scan action for `args` (after `scan`),
 * environment variables applied; undefined when the line is not one this path reads.
 */
export function parseScanArgs(args: readonly string[], env: NodeJS.ProcessEnv): { target: string; flags: Record<string, unknown> } | undefined {
  const options = [...SCAN_OPTIONS, CACHE_DIR_OPTION].map(known);
  const byFlag = new Map<string, KnownOption>();
  for (const o of options) {
    byFlag.set(o.long, o);
    if (o.short) byFlag.set(o.short, o);
  }
  const flags: Record<string, unknown> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const option = byFlag.get(eq > 0 ? arg.slice(0, eq) : arg);
    if (!option) return undefined;
    if (!option.takesValue) {
      if (eq > 0) return undefined;
      flags[option.attribute] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    flags[option.attribute] = option.parse ? option.parse(value, flags[option.attribute] as string[] | undefined) : value;
  }
  if (operands.length > 1) return undefined;
  // As program.ts applyEnvironment: a variable fills an option not given on the command line.
  for (const option of options) {
    const name = envName(option.attribute);
    const value = env[name];
    if (value === undefined || value === '' || option.attribute in flags) continue;
    if (option.takesValue) flags[option.attribute] = option.parse ? option.parse(value, undefined) : value;
    else if (/^(?:1|true|yes|on)$/i.test(value)) flags[option.attribute] = true;
    else if (/^(?:0|false|no|off)$/i.test(value)) flags[option.attribute] = false;
    else throw new CliError(`${name}: expected true or false, got "${value}"`);
  }
  return { target: operands[0] ?? SCAN_COMMAND.argument.default, flags };
}

/** Runs `aigis scan …` when the fast path reads the line; undefined otherwise (the caller uses commander). */
export async function runScanFast(argv: readonly string[]): Promise<number | undefined> {
  try {
    const parsed = parseScanArgs(argv.slice(3), process.env);
    if (!parsed) return undefined;
    // As program.ts's preAction hook: the cache directory reaches src/vuln/store.ts through the environment.
    const dir = parsed.flags.cacheDir as string | undefined;
    if (dir) process.env.AIGIS_CACHE_DIR = path.resolve(dir);
    useOneShotJitBudget(); // before the analyzers are loaded, as the commander path does
    process.exitCode = await scanCommand(parsed.target, parsed.flags);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}
