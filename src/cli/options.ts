import { CliError } from './exit.js';
import { parseSeverity, SEVERITIES, type Severity } from '../core/severity.js';

/** `--severity critical,high` → the listed severities. */
export function parseSeverityList(value: string): Severity[] {
  return value.split(',').map((v) => {
    const s = parseSeverity(v);
    if (!s) throw new CliError(`unknown severity "${v}" (use ${SEVERITIES.join(', ')})`);
    return s;
  });
}

export function parseSeverityOption(value: string): Severity {
  const s = parseSeverity(value);
  if (!s) throw new CliError(`unknown severity "${value}" (use ${SEVERITIES.join(', ')})`);
  return s;
}

/** Repeatable, comma-separated list option. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** `10MB`, `512k`, `1g` or a plain number of bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new CliError(`invalid size "${value}" (examples: 10MB, 512k, 1g)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

/**
 * `--skip-dirs` / `--skip-files` globs (flags or aigis.yaml): a malformed glob (`[abc`, `{a,b`) is a
 * usage error, not a pattern that silently matches nothing.
 */
export async function checkGlobs(globs: string[], what: string): Promise<string[]> {
  if (!globs.length) return globs;
  const { default: picomatch } = await import('picomatch');
  for (const g of globs) {
    try {
      picomatch.makeRe(g, { strictBrackets: true });
    } catch (err) {
      throw new CliError(`invalid ${what} glob "${g}": ${(err as Error).message}`);
    }
  }
  return globs;
}

export { formatName } from './format-name.js';

/** The environment variable of an option: `skipDirs` → `AIGIS_SKIP_DIRS` (program.ts, fast-scan.ts). */
export function envName(attribute: string): string {
  return `AIGIS_${attribute.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** An option as data (commands/scan-options.ts): commander registers it, the scan fast path reads it. */
export interface OptionSpec {
  /** Commander's flags syntax: `-f, --format <format>`, `--skip-dirs <globs>`, `-q, --quiet`. */
  flags: string;
  description: string;
  /** Commander's argument parser: `(value, previous)`; repeatable options collect. */
  parse?: (value: string, previous?: string[]) => string[];
}

/** Added to every command by program.ts (the vulnerability database's cache). */
export const CACHE_DIR_OPTION: OptionSpec = { flags: '--cache-dir <dir>', description: 'cache directory of the vulnerability database (default: ~/.cache/aigis)' };
