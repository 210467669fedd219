/**
 * Programmatic use of aigis: `import { scan } from 'aigis'`.
 *
 *   const report = await scan('path/to/repo', { severity: ['critical', 'high'] });
 *   for (const f of report.findings) console.log(f.ruleId, f.location.path, f.stableFingerprint);
 *   process.stdout.write(render(report, 'sarif'));
 *
 * The same pipeline, settings files and suppression rules as `aigis scan` (aigis.yaml and
 * .aigisignore are read as the CLI reads them); nothing is written and no progress is shown.
 */
import { scanReport } from './cli/commands/scan.js';
import { resolveScanSettings } from './cli/scan-settings.js';
import type { Report, Severity } from './core/model.js';
import { formatters } from './report/index.js';

export type { Asset, AssetKind, Finding, FindingCategory, Location, Note, References, Report, RuleMeta, Severity, SuppressedFinding } from './core/model.js';
export { CliError as AigisError } from './cli/exit.js';

export interface ScanOptions {
  /** Only report these severities. */
  severity?: Severity[];
  /** Directory names or globs to skip (in addition to the defaults such as node_modules and .git). */
  skipDirs?: string[];
  /** File globs to skip. */
  skipFiles?: string[];
  /** Largest file read whole, e.g. `64MB` or a number of bytes. */
  maxFileSize?: string | number;
  /** Time budget per file and analyzer, in milliseconds. */
  timeoutMs?: number;
  /** Settings file (default: ./aigis.yaml, else aigis.yaml at the target root, as the CLI). */
  config?: string;
  /** Suppressions file (default: .aigisignore at the target root). */
  ignoreFile?: string;
  /** A previous JSON report: only findings not in it are returned. */
  baseline?: string;
  /** Trivy or Grype JSON reports of images the target's workloads run (`--vuln-report`). */
  vulnReports?: string[];
  /** Directory that relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Only these scanners: `secret`, `model`, `vuln`, `misconfig` (inventory always runs). */
  scanners?: string[];
  /** Only report these rule ids or globs (`tf/*`). */
  check?: string[];
  /** Never report these rule ids or globs. */
  skipCheck?: string[];
}

/** Scans a directory, a file or a container image archive and returns the report. Throws AigisError on bad settings or a missing target. */
export async function scan(target: string, options: ScanOptions = {}): Promise<Report> {
  const settings = await resolveScanSettings(
    target,
    {
      severity: options.severity?.join(','),
      skipDirs: options.skipDirs,
      skipFiles: options.skipFiles,
      maxFileSize: options.maxFileSize === undefined ? undefined : String(options.maxFileSize),
      timeout: options.timeoutMs === undefined ? undefined : String(options.timeoutMs),
      config: options.config,
      ignoreFile: options.ignoreFile,
      baseline: options.baseline,
      scanners: options.scanners,
      check: options.check,
      skipCheck: options.skipCheck,
      vulnReport: options.vulnReports,
      quiet: true,
    },
    options.cwd,
  );
  return scanReport(target, settings, { cwd: options.cwd });
}

/** Output formats of `aigis scan`. */
export type Format = 'table' | 'json' | 'jsonl' | 'sarif' | 'markdown' | 'cyclonedx' | 'html';

/** Renders a report as `aigis scan --format` would (no colour). */
export function render(report: Report, format: Format): string {
  const formatter = formatters[format];
  if (!formatter) throw new Error(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  return formatter(report, { color: false });
}
