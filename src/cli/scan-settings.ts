/**
 * Resolves the settings of `aigis scan` from flags, `aigis.yaml` and `.aigisignore`.
 * This is the I/O edge of suppression: it finds and reads the files; parsing and matching are the
 * pure functions of src/suppress/. Precedence: CLI flag > aigis.yaml > built-in default.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Severity, SuppressedFinding } from '../core/model.js';
import { parseConfig, parseIgnoreFile, SuppressionConfigError, type AigisConfig, type IgnoreEntry } from '../suppress/index.js';
import { CliError } from './exit.js';
import { parseSeverityList, parseSeverityOption, parseSize } from './options.js';

export const CONFIG_FILE = 'aigis.yaml';
/** Names looked up by default, in order. */
const CONFIG_NAMES = [CONFIG_FILE, 'aigis.yml'];
export const IGNORE_FILE = '.aigisignore';
const DEFAULT_FORMAT = 'table';
const DEFAULT_MAX_FILE_SIZE = '64MB';
const DEFAULT_TIMEOUT_MS = 30_000;
/** Config and ignore files are small; refuse to read anything bigger. */
const MAX_SETTINGS_FILE = 1024 * 1024;

/** The flags of `aigis scan` as commander gives them (no defaults, so that a set flag is known to be explicit). */
export interface ScanFlags {
  format?: string;
  output?: string;
  severity?: string;
  failOn?: string;
  skipDirs?: string[];
  skipFiles?: string[];
  maxFileSize?: string;
  timeout?: string;
  quiet?: boolean;
  config?: string;
  ignoreFile?: string;
}

export interface IgnoreSet {
  entries: IgnoreEntry[];
  by: SuppressedFinding['by'];
}

export interface ScanSettings {
  format: string;
  output?: string;
  severities?: Severity[];
  failOn?: Severity;
  skipDirs: string[];
  skipFiles: string[];
  readBudget: number;
  timeoutMs: number;
  quiet: boolean;
  /** Files that were read, for messages and docs (`aigis.yaml`, `.aigisignore`). */
  configFile?: string;
  ignoreFile?: string;
  ignores: IgnoreSet[];
}

export function resolveScanSettings(targetPath: string, flags: ScanFlags, cwd = process.cwd()): ScanSettings {
  const targetRoot = directoryOf(path.resolve(cwd, targetPath));
  const configPath = findConfig(flags.config, cwd, targetRoot);
  const shown = (file: string) => displayPath(file, cwd, targetRoot);
  const config: AigisConfig = configPath ? parseOrFail(() => parseConfig(readSettingsFile(configPath.file, configPath.trusted), shown(configPath.file))) : {};
  const ignorePath = findIgnoreFile(flags.ignoreFile, config, configPath?.file, cwd, targetRoot);
  const ignores: IgnoreSet[] = [];
  if (config.ignore?.length) ignores.push({ entries: config.ignore, by: 'config' });
  if (ignorePath) {
    const entries = parseOrFail(() => parseIgnoreFile(readSettingsFile(ignorePath.file, ignorePath.trusted), shown(ignorePath.file)));
    ignores.push({ entries, by: 'ignore-file' });
  }
  const timeout = flags.timeout !== undefined ? Number(flags.timeout) : (config.timeout ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new CliError(`invalid --timeout "${flags.timeout}" (milliseconds)`);
  return {
    format: flags.format ?? config.format ?? DEFAULT_FORMAT,
    output: flags.output ?? config.output,
    severities: flags.severity !== undefined ? parseSeverityList(flags.severity) : config.severity,
    failOn: flags.failOn !== undefined ? parseSeverityOption(flags.failOn) : config.failOn,
    skipDirs: flags.skipDirs?.length ? flags.skipDirs : (config.skipDirs ?? []),
    skipFiles: flags.skipFiles?.length ? flags.skipFiles : (config.skipFiles ?? []),
    readBudget: parseSize(flags.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE),
    timeoutMs: timeout,
    quiet: flags.quiet === true,
    configFile: configPath?.file,
    ignoreFile: ignorePath?.file,
    ignores,
  };
}

interface Found {
  file: string;
  /** Named by the user (flag or config): may be anywhere. Found in the target: must be a regular file, not a link. */
  trusted: boolean;
}

/** `--config FILE` (must exist), else `./aigis.yaml` (or `.yml`), else `<target>/aigis.yaml` (or `.yml`). */
function findConfig(flag: string | undefined, cwd: string, targetRoot: string | undefined): Found | undefined {
  if (flag !== undefined) return { file: mustExist(path.resolve(cwd, flag), '--config'), trusted: true };
  for (const name of CONFIG_NAMES) {
    const inCwd = path.join(cwd, name);
    if (isFile(inCwd)) return { file: inCwd, trusted: true };
  }
  if (targetRoot) {
    for (const name of CONFIG_NAMES) {
      const inTarget = path.join(targetRoot, name);
      if (isRegularFile(inTarget)) return { file: inTarget, trusted: false };
    }
  }
  return undefined;
}

/** `--ignore-file FILE` (must exist), else `ignore-file:` of the config (must exist), else `<target>/.aigisignore`. */
function findIgnoreFile(flag: string | undefined, config: AigisConfig, configFile: string | undefined, cwd: string, targetRoot: string | undefined): Found | undefined {
  if (flag !== undefined) return { file: mustExist(path.resolve(cwd, flag), '--ignore-file'), trusted: true };
  if (config.ignoreFile && configFile) return { file: mustExist(path.resolve(path.dirname(configFile), config.ignoreFile), `ignore-file in ${CONFIG_FILE}`), trusted: true };
  if (targetRoot) {
    const inTarget = path.join(targetRoot, IGNORE_FILE);
    if (isRegularFile(inTarget)) return { file: inTarget, trusted: false };
  }
  return undefined;
}

function readSettingsFile(file: string, trusted: boolean): string {
  try {
    // Re-checked at read time: a settings file found inside the scanned tree must not be a link out of it.
    if (!trusted && !lstatSync(file).isFile()) throw new CliError(`${file} is not a regular file; pass it explicitly with --config / --ignore-file to use it`);
    const st = statSync(file);
    if (st.size > MAX_SETTINGS_FILE) throw new CliError(`${file} is larger than ${MAX_SETTINGS_FILE} bytes`);
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function parseOrFail<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SuppressionConfigError) throw new CliError(err.message);
    throw err;
  }
}

function mustExist(file: string, what: string): string {
  if (!isFile(file)) throw new CliError(`${what}: file not found: ${file}`);
  return file;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Settings files found by default inside the scanned tree must be regular files: a symbolic link
 * there could point out of the target, so it is not followed (name the file with a flag to use it).
 */
function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function directoryOf(p: string): string | undefined {
  try {
    return statSync(p).isDirectory() ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How a settings file is named in messages and notes: relative to the target root when it is inside
 * (like every finding path, so SARIF can point at it), else relative to the working directory, else absolute.
 */
function displayPath(file: string, cwd: string, targetRoot: string | undefined): string {
  for (const base of [targetRoot, cwd]) {
    if (!base) continue;
    const rel = path.relative(base, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return file;
}
