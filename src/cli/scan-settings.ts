/**
 * Resolves the settings of `aigis scan` (and the parts that apply to `bom` and `detect`) from flags,
 * `AIGIS_*` environment variables (commander maps them onto the flags), `aigis.yaml` and `.aigisignore`.
 * This is the I/O edge of suppression: it finds and reads the files; parsing and matching are the
 * pure functions of src/suppress/. Precedence: CLI flag > environment > aigis.yaml > built-in default.
 *
 * Trust: a config named with `--config` (or found in a working directory outside the target) is the
 * user's own. An `aigis.yaml` found inside the scanned target belongs to the target, which is
 * untrusted: it may suppress findings, visibly (its `ignore`, `skip-check` and `severity` make findings
 * suppressed by the config, counted and listed, not dropped), and skip files (applied, with a warning
 * note naming the globs), but never choose where or how the report is written (`output`, `format`),
 * which scanners or rules run, nor read a file outside the target (`ignore-file: ../../etc/passwd`).
 * Those keys are ignored with a note in the report.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Note, Severity, SuppressedFinding } from '../core/model.js';
import { BaselineError, parseBaseline } from '../suppress/baseline.js';
import type { AigisConfig } from '../suppress/config.js';
import { SuppressionConfigError } from '../suppress/config-error.js';
import type { IgnoreEntry } from '../suppress/ignore-entry.js';
import { CliError } from './exit.js';
import { checkGlobs, parseSeverityList, parseSeverityOption, parseSize } from './options.js';
import { formatName } from './options.js';

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
  baseline?: string;
  /** Selection flags (see select.ts); aigis.yaml's `scanners`, `check`, `skip-check` apply under them. */
  scanners?: string[];
  check?: string[];
  skipCheck?: string[];
  /** `--vuln-report FILE` (repeatable): Trivy or Grype JSON of an image; flag only, never from aigis.yaml. */
  vulnReport?: string[];
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
  /** Fingerprints of a previous report (`--baseline`): findings with one of these are not reported. */
  baseline?: { file: string; known: Set<string> };
  /** `--scanners` (or `scanners:` of a trusted config). */
  scanners?: string[];
  /** `--check` / `--skip-check` (or `check:` / `skip-check:` of a trusted config). */
  check?: string[];
  skipCheck?: string[];
  /**
   * `skip-check:` of the target's own config: honoured as suppressions (the findings stay in the
   * report as suppressed by the config), never as a silent drop.
   */
  suppressRules?: { patterns: string[]; source: string };
  /**
   * `severity:` of the target's own config: findings of the other severities become suppressed by the
   * config (counted and listed), never dropped silently.
   */
  suppressSeverities?: { severities: Severity[]; source: string };
  /** Imported vulnerability reports (`--vuln-report`), as given and resolved against the working directory. */
  vulnReports: { file: string; shown: string }[];
  /** Settings the target's own config tried to set and was not allowed to (see the header). */
  notes: Note[];
}

/** Which command the settings are for: `bom` uses only the walk settings, `detect` has no target tree. */
export type SettingsCommand = 'scan' | 'bom' | 'detect';

/**
 * Asynchronous only to load the YAML parser (~260 KB of JavaScript) when there is an aigis.yaml or an
 * ignore file to read: a run without them, like most CI scans, does not pay for it at start-up.
 */
export async function resolveScanSettings(targetPath: string | undefined, flags: ScanFlags, cwd = process.cwd(), command: SettingsCommand = 'scan'): Promise<ScanSettings> {
  const targetRoot = targetPath === undefined ? undefined : directoryOf(path.resolve(cwd, targetPath));
  const configPath = findConfig(flags.config, cwd, targetRoot);
  const shown = (file: string) => displayPath(file, cwd, targetRoot);
  let config: AigisConfig = {};
  if (configPath) {
    const text = readSettingsFile(configPath.file, configPath.trusted);
    const { parseConfig } = await import('../suppress/config.js');
    config = parseOrFail(() => parseConfig(text, shown(configPath.file)));
  }
  const notes: Note[] = [];
  let suppressRules: ScanSettings['suppressRules'];
  let suppressSeverities: ScanSettings['suppressSeverities'];
  if (configPath && !configPath.trusted) {
    for (const key of ['format', 'output'] as const) {
      if (config[key] === undefined) continue;
      notes.push(untrustedNote(shown(configPath.file), `"${key}" is ignored: a config inside the scanned target may not choose how or where the report is written (use --${key}, or name the file with --config to trust it)`));
      delete config[key];
    }
    // The target may suppress, visibly; it may not choose which scanners run or which rules alone count.
    for (const key of ['scanners', 'check'] as const) {
      if (config[key] === undefined) continue;
      notes.push(untrustedNote(shown(configPath.file), `"${key}" is ignored: a config inside the scanned target may only suppress findings (use --${key}, or name the file with --config to trust it)`));
      delete config[key];
    }
    if (config.skipCheck?.length) suppressRules = { patterns: config.skipCheck, source: shown(configPath.file) };
    delete config.skipCheck;
    if (config.severity && flags.severity === undefined) suppressSeverities = { severities: config.severity, source: shown(configPath.file) };
    delete config.severity;
    // What the target's config leaves unread is applied (vendored trees, fixtures), and said in the report.
    for (const [key, value] of [['skip-dirs', config.skipDirs], ['skip-files', config.skipFiles]] as const) {
      if (!value?.length || (key === 'skip-dirs' ? flags.skipDirs : flags.skipFiles)?.length) continue;
      notes.push(untrustedNote(shown(configPath.file), `"${key}" of a config inside the scanned target is applied: ${value.map((g) => JSON.stringify(g)).join(', ')} not scanned (pass --${key} to override it, or name the file with --config to trust it)`));
    }
    if (config.maxFileSize !== undefined && flags.maxFileSize === undefined) {
      notes.push(untrustedNote(shown(configPath.file), `"max-file-size: ${config.maxFileSize}" of a config inside the scanned target is applied: larger files are not read (pass --max-file-size to override it)`));
    }
  }
  const ignorePath = findIgnoreFile(flags.ignoreFile, config, configPath, cwd, targetRoot, (msg) => notes.push(untrustedNote(shown(configPath!.file), msg)));
  const ignores: IgnoreSet[] = [];
  if (config.ignore?.length) ignores.push({ entries: config.ignore, by: 'config' });
  if (ignorePath) {
    const text = readSettingsFile(ignorePath.file, ignorePath.trusted);
    const { parseIgnoreFile } = await import('../suppress/ignore-entry.js');
    const entries = parseOrFail(() => parseIgnoreFile(text, shown(ignorePath.file)));
    ignores.push({ entries, by: 'ignore-file' });
  }
  const timeout = flags.timeout !== undefined ? Number(flags.timeout) : (config.timeout ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new CliError(`invalid --timeout "${flags.timeout}" (milliseconds)`);
  // `format` and `output` of aigis.yaml describe the scan report; bom and detect have their own.
  const reportKeys = command === 'scan';
  return {
    format: formatName(flags.format ?? (reportKeys ? config.format : undefined) ?? DEFAULT_FORMAT),
    output: flags.output ?? (reportKeys ? config.output : undefined),
    severities: flags.severity !== undefined ? parseSeverityList(flags.severity) : config.severity,
    failOn: flags.failOn !== undefined ? parseSeverityOption(flags.failOn) : config.failOn,
    skipDirs: await checkGlobs(flags.skipDirs?.length ? flags.skipDirs : (config.skipDirs ?? []), '--skip-dirs'),
    skipFiles: await checkGlobs(flags.skipFiles?.length ? flags.skipFiles : (config.skipFiles ?? []), '--skip-files'),
    readBudget: parseSize(flags.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE),
    timeoutMs: timeout,
    quiet: flags.quiet === true,
    configFile: configPath?.file,
    ignoreFile: ignorePath?.file,
    ignores,
    baseline: flags.baseline !== undefined ? readBaseline(path.resolve(cwd, flags.baseline), flags.baseline) : undefined,
    scanners: flags.scanners?.length ? flags.scanners : config.scanners,
    check: flags.check?.length ? flags.check : config.check,
    skipCheck: flags.skipCheck?.length ? flags.skipCheck : config.skipCheck,
    suppressRules,
    suppressSeverities,
    vulnReports: (flags.vulnReport ?? []).map((f) => ({ file: path.resolve(cwd, f), shown: f })),
    notes,
  };
}

/** Reports can be large (a baseline of a big repository): allow more than a settings file. */
const MAX_BASELINE = 256 * 1024 * 1024;

function readBaseline(file: string, shown: string): { file: string; known: Set<string> } {
  let text: string;
  try {
    if (statSync(file).size > MAX_BASELINE) throw new CliError(`--baseline ${shown}: larger than ${MAX_BASELINE} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`--baseline ${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return { file: shown, known: parseBaseline(text, shown) };
  } catch (err) {
    if (err instanceof BaselineError) throw new CliError(err.message);
    throw err;
  }
}

function untrustedNote(configShown: string, message: string): Note {
  return { level: 'warning', path: configShown, message, source: 'config' };
}

interface Found {
  file: string;
  /** Named by the user (flag or config): may be anywhere. Found in the target: must be a regular file, not a link. */
  trusted: boolean;
}

/**
 * `--config FILE` (must exist), else `./aigis.yaml` (or `.yml`), else `<target>/aigis.yaml` (or `.yml`).
 * Only `--config` and a working-directory config outside the target are trusted.
 */
function findConfig(flag: string | undefined, cwd: string, targetRoot: string | undefined): Found | undefined {
  if (flag !== undefined) return { file: mustExist(path.resolve(cwd, flag), '--config'), trusted: true };
  for (const name of CONFIG_NAMES) {
    const inCwd = path.join(cwd, name);
    if (targetRoot && isInside(inCwd, targetRoot)) {
      if (isRegularFile(inCwd)) return { file: inCwd, trusted: false };
    } else if (isFile(inCwd)) return { file: inCwd, trusted: true };
  }
  if (targetRoot) {
    for (const name of CONFIG_NAMES) {
      const inTarget = path.join(targetRoot, name);
      if (isRegularFile(inTarget)) return { file: inTarget, trusted: false };
    }
  }
  return undefined;
}

/**
 * `--ignore-file FILE` (must exist), else `ignore-file:` of the config (must exist), else `<target>/.aigisignore`.
 * The `ignore-file:` of an untrusted config must name a regular file inside the target; anything
 * else is refused with a note (and the default `.aigisignore` is used instead).
 */
function findIgnoreFile(
  flag: string | undefined,
  config: AigisConfig,
  configPath: Found | undefined,
  cwd: string,
  targetRoot: string | undefined,
  refuse: (message: string) => void,
): Found | undefined {
  if (flag !== undefined) return { file: mustExist(path.resolve(cwd, flag), '--ignore-file'), trusted: true };
  if (config.ignoreFile && configPath) {
    const file = path.resolve(path.dirname(configPath.file), config.ignoreFile);
    if (configPath.trusted) return { file: mustExist(file, `ignore-file in ${CONFIG_FILE}`), trusted: true };
    if (targetRoot && isRegularFile(file) && isInside(file, targetRoot)) return { file, trusted: false };
    refuse(`"ignore-file: ${config.ignoreFile}" is refused: a config inside the scanned target may only name a regular file inside the target`);
  }
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

/** `file` (its directory resolved through links) lies inside `root`. */
function isInside(file: string, root: string): boolean {
  let dir: string;
  let realRoot: string;
  try {
    dir = realpathSync(path.dirname(file));
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const rel = path.relative(realRoot, path.join(dir, path.basename(file)));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
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
