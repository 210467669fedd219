import type { Command } from 'commander';
import { DEFAULT_SKIP_DIRS } from '../../core/target.js';
import { bomGraphEnricher, foldImports } from '../../discovery/graph.js';
import { runPipeline } from '../../pipeline/scan.js';
import { buildReport } from '../../report/build.js';
import { cyclonedx } from '../../report/cyclonedx.js';
import { inventoryTable } from '../../report/inventory-table.js';
import { withoutGraphOnly } from '../../report/inventory-summary.js';
import { openTarget } from '../../targets/open-target.js';
import { CliError, EXIT_OK } from '../exit.js';
import { collectList } from '../options.js';
import { uploadReport, uploadTarget } from '../upload.js';
import { json } from '../../report/json.js';
import { checkOutput, writeOutput, writeStdout } from '../output.js';
import { formatName } from '../options.js';
import { progressReporter, type ScanProgress } from '../progress.js';
import { resolveScanSettings, type ScanSettings } from '../scan-settings.js';
import type { Report } from '../../core/model.js';
import { parseScanners, selectScanners } from '../select.js';
import { localeOrder } from '../../core/text.js';
import { useOneShotJitBudget } from '../jit-budget.js';

interface BomFlags {
  format?: string;
  output?: string;
  all?: boolean;
  skipDirs?: string[];
  skipFiles?: string[];
  maxFileSize?: string;
  timeout?: string;
  config?: string;
  quiet?: boolean;
  scanners?: string[];
  upload?: string;
}

const FORMATS = ['table', 'json', 'cyclonedx'];

/**
 * Registered analyzers that only ever report findings (never assets), and the attack-path graph's
 * edge analyzer (its nodes are no inventory): `bom` skips them to stay fast. Every other analyzer runs, so assets from other areas (dependency manifests, deep model
 * parsers) join the inventory without changes here.
 */
const FINDINGS_ONLY = new Set(['secrets', 'graph-infra']);

export function registerBom(program: Command): void {
  program
    .command('bom')
    .description('AI bill of materials: models, datasets, providers, AI services, MCP servers, GPU workloads, AI packages (table, json, CycloneDX 1.6)')
    .argument('[target]', 'directory, file or image archive', '.')
    .option('-f, --format <format>', `${FORMATS.join(', ')} (default: table)`)
    .option('-o, --output <file>', 'write the inventory to a file instead of stdout')
    .option('--all', 'table: also list packages that are not AI')
    // No commander defaults: aigis.yaml (skip-dirs, skip-files, max-file-size, timeout) applies here too.
    .option('--skip-dirs <globs>', 'directory names or globs to skip (repeatable, comma-separated)', collectList)
    .option('--skip-files <globs>', 'file globs to skip (repeatable, comma-separated)', collectList)
    .option('--max-file-size <size>', 'largest file read whole (default: 64MB)')
    .option('--timeout <ms>', 'last-resort time guard per file and analyzer, in milliseconds (default: 30000); work budgets decide what is analysed')
    .option('--config <file>', 'settings file (default: ./aigis.yaml, else aigis.yaml at the target root)')
    .option('-q, --quiet', 'no progress output')
    // --check / --skip-check select findings, which bom does not report; --scanners picks which
    // scanner-tagged analyzers add their assets (deep model parsing, IaC inventory); inventory always runs.
    .option('--scanners <list>', 'only these scanners add assets: model, vuln, misconfig (comma-separated; inventory always runs)', collectList)
    .option('--upload <url>', 'also send the inventory (aigis JSON) to an aigis server, e.g. https://aigis.example/api/v1/reports?project=NAME (token: $AIGIS_TOKEN)')
    .action(async (targetPath: string, flags: BomFlags) => {
      useOneShotJitBudget(); // before the analyzers are loaded: their functions start with the larger budget
      process.exitCode = await bomCommand(targetPath, flags);
    });
}

export async function bomCommand(targetPath: string, flags: BomFlags, cwd = process.cwd()): Promise<number> {
  const format = formatName(flags.format ?? 'table');
  if (!FORMATS.includes(format)) throw new CliError(`unknown format "${flags.format}" for bom (use ${FORMATS.join(', ')})`);
  // The walk settings of aigis.yaml apply as for scan; its format/output/ignore keys describe the scan report.
  const settings = await resolveScanSettings(targetPath, { ...flags, format, output: undefined }, cwd, 'bom');
  if (flags.output) checkOutput(flags.output);
  if (flags.upload) uploadTarget(flags.upload);
  // Findings are not part of the inventory; only an upload carries them (the aigis JSON report).
  const report = await bomReport(targetPath, settings, !flags.quiet, { keepFindings: flags.upload !== undefined });
  let text: string;
  if (format === 'cyclonedx') text = cyclonedx(report, { color: false });
  else if (format === 'json') text = `${JSON.stringify({ schemaVersion: 1, tool: report.tool, target: report.target, createdAt: report.createdAt, assets: report.assets, notes: report.notes, stats: report.stats }, null, 2)}\n`;
  else text = inventoryTable({ all: flags.all })(report, { color: false });
  if (flags.output) writeOutput(flags.output, text);
  else writeStdout(text);
  if (flags.upload) await uploadReport(flags.upload, json(report, { color: false }), process.env, flags.quiet);
  return EXIT_OK;
}

/**
 * The inventory as a report (assets and notes): also the MCP `bom` tool. Findings are kept only when
 * asked (`keepFindings`, for `--upload`); without them, the posture checks of the whole-target stage
 * are skipped, which changes no asset.
 */
export async function bomReport(targetPath: string, settings: ScanSettings, progress: boolean | ScanProgress = false, opts: { keepFindings?: boolean } = {}): Promise<Report> {
  const scanners = parseScanners(settings.scanners);
  const target = await openTarget(targetPath, {
    skipDirs: [...DEFAULT_SKIP_DIRS, ...settings.skipDirs],
    skipFiles: settings.skipFiles,
    readBudget: settings.readBudget,
  });
  try {
    const { lazyAnalyzers } = await import('../../analyzers/lazy.js'); // on demand, see scan.ts
    const result = await runPipeline(target, {
      analyzers: selectScanners(lazyAnalyzers.filter((a) => !FINDINGS_ONLY.has(a.name)), scanners),
      enrichers: selectScanners([bomGraphEnricher], scanners),
      fileTimeoutMs: settings.timeoutMs,
      digestLimit: Infinity, // the inventory records the SHA-256 of every model file
      onProgress: typeof progress === 'function' ? progress : progressReporter(progress),
      inventoryOnly: !opts.keepFindings,
    });
    if (!opts.keepFindings) {
      result.findings = [];
      result.suppressed = [];
    }
    result.notes.push(...settings.notes);
    // Graph-only nodes (confidence 0: a CI job that calls no AI) are no inventory, uploaded or not
    // (the same assets either way); a `gha/*` finding of an upload may name such a job.
    result.assets = withoutGraphOnly(result.assets, new Set());
    result.assets = foldImports(result.assets).sort((a, b) => localeOrder(a.kind, b.kind) || localeOrder(a.id, b.id));
    return buildReport('bom', { name: target.name, type: target.type }, result);
  } finally {
    await target.close?.();
  }
}
