import type { Command } from 'commander';
import { analyzers, enrichers } from '../../analyzers/index.js';
import { atLeast, type Severity } from '../../core/severity.js';
import { DEFAULT_SKIP_DIRS } from '../../core/target.js';
import { DEFAULT_READ_BUDGET } from '../../core/buffer-file.js';
import { runPipeline } from '../../pipeline/scan.js';
import { buildReport } from '../../report/build.js';
import { openTarget } from '../../targets/open-target.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { collectList, parseSeverityList, parseSeverityOption, parseSize } from '../options.js';
import { writeReport } from '../output.js';
import { progressReporter } from '../progress.js';

interface ScanFlags {
  format: string;
  output?: string;
  severity?: string;
  failOn?: string;
  skipDirs: string[];
  skipFiles: string[];
  maxFileSize: string;
  timeout: string;
  quiet?: boolean;
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('scan a directory, a file or a container image archive (docker save / OCI) with every static analyzer')
    .argument('[target]', 'directory, file or image archive', '.')
    .option('-f, --format <format>', 'table, json, sarif, markdown', 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--severity <list>', 'only report these severities (comma-separated)')
    .option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is reported')
    .option('--skip-dirs <globs>', 'directory names or globs to skip (repeatable, comma-separated)', collectList, [])
    .option('--skip-files <globs>', 'file globs to skip (repeatable, comma-separated)', collectList, [])
    .option('--max-file-size <size>', 'largest file read whole (bigger files are streamed where a format allows)', '64MB')
    .option('--timeout <ms>', 'time budget per file and analyzer, in milliseconds', '30000')
    .option('-q, --quiet', 'no progress output')
    .action(async (targetPath: string, flags: ScanFlags) => {
      process.exitCode = await scanCommand(targetPath, flags);
    });
}

export async function scanCommand(targetPath: string, flags: ScanFlags): Promise<number> {
  const severities = flags.severity ? parseSeverityList(flags.severity) : undefined;
  const failOn: Severity | undefined = flags.failOn ? parseSeverityOption(flags.failOn) : undefined;
  const target = await openTarget(targetPath, {
    skipDirs: [...DEFAULT_SKIP_DIRS, ...flags.skipDirs],
    skipFiles: flags.skipFiles,
    readBudget: flags.maxFileSize ? parseSize(flags.maxFileSize) : DEFAULT_READ_BUDGET,
  });
  try {
    const result = await runPipeline(target, {
      analyzers,
      enrichers,
      fileTimeoutMs: Number(flags.timeout) || 30_000,
      onProgress: progressReporter(!flags.quiet),
    });
    if (severities) result.findings = result.findings.filter((f) => severities.includes(f.severity));
    const report = buildReport('scan', { name: target.name, type: target.type }, result);
    writeReport(report, flags.format, flags.output);
    return failOn && report.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    await target.close?.();
  }
}
