import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { DEFAULT_SKIP_DIRS } from '../../core/target.js';
import { DEFAULT_READ_BUDGET } from '../../core/buffer-file.js';
import { bomGraphEnricher, foldImports } from '../../discovery/graph.js';
import { runPipeline } from '../../pipeline/scan.js';
import { buildReport } from '../../report/build.js';
import { cyclonedx } from '../../report/cyclonedx.js';
import { inventoryTable } from '../../report/inventory-table.js';
import { openTarget } from '../../targets/open-target.js';
import { CliError, EXIT_OK } from '../exit.js';
import { collectList, parseSize } from '../options.js';
import { progressReporter } from '../progress.js';

interface BomFlags {
  format: string;
  output?: string;
  all?: boolean;
  skipDirs: string[];
  skipFiles: string[];
  maxFileSize: string;
  timeout: string;
  quiet?: boolean;
}

const FORMATS = ['table', 'json', 'cyclonedx'];

/**
 * Registered analyzers that only ever report findings (never assets): `bom` skips them to stay
 * fast. Every other analyzer runs, so assets from other areas (dependency manifests, deep model
 * parsers) join the inventory without changes here.
 */
const FINDINGS_ONLY = new Set(['secrets']);

export function registerBom(program: Command): void {
  program
    .command('bom')
    .description('AI bill of materials: models, datasets, providers, AI services, MCP servers, GPU workloads, AI packages (table, json, CycloneDX 1.6)')
    .argument('[target]', 'directory, file or image archive', '.')
    .option('-f, --format <format>', FORMATS.join(', '), 'table')
    .option('-o, --output <file>', 'write the inventory to a file instead of stdout')
    .option('--all', 'table: also list packages that are not AI')
    .option('--skip-dirs <globs>', 'directory names or globs to skip (repeatable, comma-separated)', collectList, [])
    .option('--skip-files <globs>', 'file globs to skip (repeatable, comma-separated)', collectList, [])
    .option('--max-file-size <size>', 'largest file read whole', '64MB')
    .option('--timeout <ms>', 'last-resort time guard per file and analyzer, in milliseconds (work budgets decide what is analysed)', '30000')
    .option('-q, --quiet', 'no progress output')
    .action(async (targetPath: string, flags: BomFlags) => {
      process.exitCode = await bomCommand(targetPath, flags);
    });
}

export async function bomCommand(targetPath: string, flags: BomFlags): Promise<number> {
  if (!FORMATS.includes(flags.format)) throw new CliError(`unknown format "${flags.format}" for bom (use ${FORMATS.join(', ')})`);
  const target = await openTarget(targetPath, {
    skipDirs: [...DEFAULT_SKIP_DIRS, ...flags.skipDirs],
    skipFiles: flags.skipFiles,
    readBudget: flags.maxFileSize ? parseSize(flags.maxFileSize) : DEFAULT_READ_BUDGET,
  });
  try {
    const { analyzers } = await import('../../analyzers/index.js'); // on demand, see scan.ts
    const result = await runPipeline(target, {
      analyzers: analyzers.filter((a) => !FINDINGS_ONLY.has(a.name)),
      enrichers: [bomGraphEnricher],
      fileTimeoutMs: Number(flags.timeout) || 30_000,
      digestLimit: Infinity, // the inventory records the SHA-256 of every model file
      onProgress: progressReporter(!flags.quiet),
    });
    result.assets = foldImports(result.assets).sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    const report = buildReport('bom', { name: target.name, type: target.type }, result);
    let text: string;
    if (flags.format === 'cyclonedx') text = cyclonedx(report, { color: false });
    else if (flags.format === 'json') text = `${JSON.stringify({ schemaVersion: 1, tool: report.tool, target: report.target, createdAt: report.createdAt, assets: report.assets, notes: report.notes, stats: report.stats }, null, 2)}\n`;
    else text = inventoryTable({ all: flags.all })(report, { color: false });
    if (flags.output) writeFileSync(flags.output, text);
    else process.stdout.write(text);
    return EXIT_OK;
  } finally {
    await target.close?.();
  }
}
