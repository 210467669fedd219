import type { Command } from 'commander';
import type { Analyzer, Enricher, LazyAnalyzer, LazyEnricher } from '../../core/analyzer.js';
import type { Finding, Note, Report, SuppressedFinding } from '../../core/model.js';
import { atLeast, severityRank } from '../../core/severity.js';
import { DEFAULT_SKIP_DIRS } from '../../core/target.js';
import { runPipeline, type PipelineResult } from '../../pipeline/scan.js';
import { buildReport } from '../../report/build.js';
import { applyBaseline } from '../../suppress/baseline.js';
import { assignOccurrences } from '../../core/finding.js';
import { openTarget } from '../../targets/open-target.js';
import { FORMAT_NAMES, isFormatName } from '../../report/formats.js';
import { json } from '../../report/json.js';
import { withoutGraphOnly } from '../../report/inventory-summary.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { SCAN_COMMAND, SCAN_OPTIONS } from './scan-options.js';
import type { ImportedReport } from '../../vuln/import/model.js';
import { checkOutput } from '../output.js';
import { writeReport } from '../write-report.js';
import { uploadReport, uploadTarget } from '../upload.js';
import { progressReporter, type ScanProgress } from '../progress.js';
import { parseScanners, ruleSelector, selectFindings, selectScanners, unmatchedRulePatterns, type Selection } from '../select.js';
import { resolveScanSettings, type IgnoreSet, type ScanFlags, type ScanSettings } from '../scan-settings.js';
import { localeOrder } from '../../core/text.js';
import { ruleCatalog } from '../../analyzers/rule-catalog.js';
import { useOneShotJitBudget } from '../jit-budget.js';

export function registerScan(program: Command): void {
  const command = program
    .command(SCAN_COMMAND.name)
    .description(SCAN_COMMAND.description)
    .argument(SCAN_COMMAND.argument.name, SCAN_COMMAND.argument.description, SCAN_COMMAND.argument.default);
  for (const o of SCAN_OPTIONS) {
    if (o.parse) command.option(o.flags, o.description, o.parse);
    else command.option(o.flags, o.description);
  }
  command.action(async (targetPath: string, flags: ScanFlags) => {
    useOneShotJitBudget(); // before the analyzers are loaded: their functions start with the larger budget
    process.exitCode = await scanCommand(targetPath, flags);
  });
}

/** Selection flags (--scanners, --check, --skip-check); see ../select.ts. */
export interface SelectFlags {
  scanners?: string[];
  check?: string[];
  skipCheck?: string[];
}

/** Test seam: tests inject a tiny analyzer here instead of touching the production registry. */
export interface ScanDeps {
  analyzers?: Analyzer[];
  enrichers?: Enricher[];
  /** YYYY-MM-DD used to decide whether ignore entries have expired. */
  today?: string;
  cwd?: string;
  /** Called as files are analysed (the MCP server turns it into progress notifications); replaces the TTY progress. */
  onProgress?: ScanProgress;
}

export async function scanCommand(targetPath: string, flags: ScanFlags & SelectFlags & { upload?: string }, deps: ScanDeps = {}): Promise<number> {
  const settings = await resolveScanSettings(targetPath, flags, deps.cwd);
  if (flags.upload) uploadTarget(flags.upload); // a bad URL fails before the scan
  // Fail on a bad --format or an unwritable --output before scanning, not after.
  if (!isFormatName(settings.format)) throw new CliError(`unknown format "${settings.format}" (use ${FORMAT_NAMES.join(', ')})`);
  if (settings.output) checkOutput(settings.output);
  const report = await scanReport(targetPath, settings, deps);
  await writeReport(report, settings.format, settings.output);
  if (flags.upload) await uploadReport(flags.upload, json(report, { color: false }), process.env, settings.quiet);
  const failOn = settings.failOn;
  return failOn && report.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

/** The scan itself, without output: also the programmatic `scan()` of src/index.ts. */
export async function scanReport(targetPath: string, settings: ScanSettings, deps: ScanDeps = {}, selection?: Selection): Promise<Report> {
  const { scanners, keepRule } = selection ?? (await selectionOf(settings));
  // Named by the user: read before the scan, so that a missing file fails fast (content problems are notes).
  const imported = await importVulnReports(settings);
  const target = await openTarget(targetPath, {
    skipDirs: [...DEFAULT_SKIP_DIRS, ...settings.skipDirs],
    skipFiles: settings.skipFiles,
    readBudget: settings.readBudget,
  });
  try {
    // Loaded on demand: the registry's entries load each analyzer only for the file types the target
    // has (src/analyzers/lazy.ts), which other commands and small targets should not pay for.
    const registry = deps.analyzers && deps.enrichers ? undefined : await import('../../analyzers/lazy.js');
    const result = await runPipeline(target, {
      analyzers: selectScanners<Analyzer | LazyAnalyzer>(deps.analyzers ?? registry!.lazyAnalyzers, scanners),
      // Imported reports first: their findings are there for the whole-report enrichers that follow (attack paths).
      enrichers: selectScanners<Enricher | LazyEnricher>([...(imported.enricher ? [imported.enricher] : []), ...(deps.enrichers ?? registry!.lazyEnrichers)], scanners),
      fileTimeoutMs: settings.timeoutMs,
      onProgress: deps.onProgress ?? progressReporter(!settings.quiet),
    });
    result.notes.push(...settings.notes, ...imported.notes);
    // Occurrence indexes of stable fingerprints are fixed before any suppression or baseline matches them.
    assignOccurrences([...result.findings, ...result.suppressed.map((s) => s.finding)]);
    result.findings = selectFindings(result.findings, keepRule);
    result.suppressed = selectFindings(result.suppressed, keepRule);
    if (settings.suppressRules) await suppressByRule(result, settings.suppressRules);
    if (settings.suppressSeverities) suppressBySeverity(result, settings.suppressSeverities);
    if (settings.ignores.length) await applySuppressionSets(result, settings.ignores, deps.today);
    suppressPathsThroughSuppressed(result);
    if (settings.baseline) {
      const { kept, known } = applyBaseline(result.findings, settings.baseline.known);
      result.findings = kept;
      result.notes.push({ level: 'info', message: `${known} ${known === 1 ? 'finding' : 'findings'} already in the baseline ${settings.baseline.file} not reported`, source: 'baseline' });
    }
    const severities = settings.severities;
    if (severities) {
      result.findings = result.findings.filter((f) => severities.includes(f.severity));
      result.suppressed = result.suppressed.filter((s) => severities.includes(s.finding.severity));
    }
    if (result.paths) keepReportedPaths(result);
    result.assets = withoutGraphOnly(result.assets, namedAssets(result));
    // Files finish in any order; sort suppressed findings so that reports are stable run to run.
    result.suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
    return buildReport('scan', { name: target.name, type: target.type }, result);
  } finally {
    await target.close?.();
  }
}

/**
 * Paths whose own finding was filtered out (--check, --severity, an ignore entry, the baseline) leave
 * the `paths` section too, and no finding keeps pointing at them.
 */
function keepReportedPaths(result: PipelineResult): void {
  const kept = new Set<string>();
  for (const f of result.findings) if (f.ruleId.startsWith('path/') && typeof f.properties?.pathId === 'string') kept.add(f.properties.pathId);
  const section = result.paths!;
  const items = section.items.filter((p) => kept.has(p.id));
  result.paths = { ...section, items };
  for (const f of [...result.findings, ...result.suppressed.map((s) => s.finding)]) {
    if (!f.onPaths) continue;
    const on = f.onPaths.filter((id) => kept.has(id));
    if (on.length) f.onPaths = on;
    else delete f.onPaths;
  }
}

/**
 * The assets a graph-only node (confidence 0: a workload no analyzer inventoried as AI) needs to be
 * named by to stay in the report: a step of a reported path, or a finding (reported or suppressed).
 */
function namedAssets(result: PipelineResult): Set<string> {
  const named = new Set((result.paths?.items ?? []).flatMap((p) => p.steps.map((s) => s.assetId)));
  for (const f of [...result.findings, ...result.suppressed.map((s) => s.finding)]) if (f.assetId) named.add(f.assetId);
  return named;
}

/** `--vuln-report` files, read and parsed, and the enricher that joins them (the modules load only when there are some). */
async function importVulnReports(settings: ScanSettings): Promise<{ notes: Note[]; enricher?: Enricher }> {
  if (!settings.vulnReports.length) return { notes: [] };
  const [{ readVulnReports, VulnReportError }, { vulnReportEnricher }] = await Promise.all([import('../../vuln/import/read.js'), import('../../vuln/import/enricher.js')]);
  let imported: { reports: ImportedReport[]; notes: Note[] };
  try {
    imported = readVulnReports(settings.vulnReports);
  } catch (err) {
    if (err instanceof VulnReportError) throw new CliError(err.message);
    throw err;
  }
  return { notes: imported.notes, ...(imported.reports.length ? { enricher: vulnReportEnricher(imported.reports) } : {}) };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    localeOrder(a.location.path ?? '', b.location.path ?? '') ||
    (a.location.startLine ?? 0) - (b.location.startLine ?? 0) ||
    localeOrder(a.ruleId, b.ruleId) ||
    localeOrder(a.fingerprint, b.fingerprint)
  );
}

/** `--scanners`, `--check`, `--skip-check` (flags, or a trusted aigis.yaml under them). */
export async function selectionOf(settings: Pick<ScanSettings, 'scanners' | 'check' | 'skipCheck'>): Promise<Selection> {
  for (const [name, patterns] of [['--check', settings.check], ['--skip-check', settings.skipCheck]] as const) {
    if (!patterns?.length) continue;
    const catalog = ruleCatalog();
    const ids = [...Object.values(catalog.analyzers), ...Object.values(catalog.enrichers)].flat().map((r) => r.id);
    const unknown = await unmatchedRulePatterns(patterns, ids);
    if (unknown.length) throw new CliError(`${name} ${unknown.map((p) => `"${p}"`).join(', ')} match${unknown.length === 1 ? 'es' : ''} no rule of a scan (see aigis rules)`);
  }
  return { scanners: parseScanners(settings.scanners), keepRule: await ruleSelector(settings.check, settings.skipCheck) };
}

/** `skip-check:` of the target's own aigis.yaml: matching findings become suppressed (visible), not dropped. */
async function suppressByRule(result: PipelineResult, rules: NonNullable<ScanSettings['suppressRules']>): Promise<void> {
  const match = (await ruleSelector(rules.patterns, undefined))!;
  const kept: Finding[] = [];
  for (const f of result.findings) {
    if (match(f.ruleId)) result.suppressed.push({ finding: f, by: 'config', reason: `skip-check in ${rules.source}` });
    else kept.push(f);
  }
  result.findings = kept;
}

/** `severity:` of the target's own aigis.yaml: findings of other severities become suppressed (visible), not dropped. */
function suppressBySeverity(result: PipelineResult, filter: NonNullable<ScanSettings['suppressSeverities']>): void {
  const kept: Finding[] = [];
  for (const f of result.findings) {
    if (filter.severities.includes(f.severity)) kept.push(f);
    else result.suppressed.push({ finding: f, by: 'config', reason: `severity filter (${filter.severities.join(', ')}) in ${filter.source}` });
  }
  result.findings = kept;
}

/**
 * An attack path one of whose steps rests on a suppressed finding is suppressed with it, by the same
 * means: an inline suppression removes the finding before paths are built (so no path), and a key
 * accepted in `.aigisignore` or aigis.yaml must not still fail the gate through its
 * `path/leaked-key-to-ai-account` finding. The path finding stays in the report, suppressed.
 */
function suppressPathsThroughSuppressed(result: PipelineResult): void {
  if (!result.paths?.items.length || !result.suppressed.length) return;
  const suppressed = new Map(result.suppressed.map((s) => [s.finding.stableFingerprint ?? s.finding.fingerprint, s]));
  const through = new Map<string, SuppressedFinding>();
  for (const path of result.paths.items) {
    for (const step of path.steps) {
      const s = step.finding && suppressed.get(step.finding.fingerprint);
      if (s) {
        through.set(path.id, s);
        break;
      }
    }
  }
  if (!through.size) return;
  const kept: Finding[] = [];
  for (const f of result.findings) {
    const id = f.ruleId.startsWith('path/') ? f.properties?.pathId : undefined;
    const s = typeof id === 'string' ? through.get(id) : undefined;
    if (s) result.suppressed.push({ finding: f, by: s.by, reason: `a step of the path rests on ${s.finding.ruleId}, which is suppressed${s.reason ? `: ${s.reason}` : ''}` });
    else kept.push(f);
  }
  result.findings = kept;
}

/**
 * aigis.yaml `ignore:` entries first, then the ignore file; suppressed findings stay in the report.
 * The matcher (and its glob engine) loads only when there are entries.
 */
async function applySuppressionSets(result: PipelineResult, sets: IgnoreSet[], today: string | undefined): Promise<void> {
  const { applyIgnores, todayUtc } = await import('../../suppress/apply.js');
  for (const set of sets) {
    const applied = applyIgnores(result.findings, set.entries, set.by, today ?? todayUtc());
    result.findings = applied.kept;
    result.suppressed.push(...applied.suppressed);
    result.notes.push(...applied.notes);
  }
}
