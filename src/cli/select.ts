/**
 * Selection like the tools users know: `--scanners secret,model,vuln,misconfig` picks analyzers by
 * their scanner tag (inventory analyzers always run: other scanners need their assets), and
 * `--check` / `--skip-check` keep or drop findings by rule id or glob (`tf/*`, `tf/s3-*`).
 */
import { SCANNERS, type ScannerName } from '../core/analyzer.js';
import type { Finding } from '../core/model.js';
import { CliError } from './exit.js';

/** What `--scanners`, `--check` and `--skip-check` selected (nothing selected: everything runs and is reported). */
export interface Selection {
  scanners?: Set<ScannerName>;
  keepRule?: (ruleId: string) => boolean;
}

export function parseScanners(list: string[] | undefined): Set<ScannerName> | undefined {
  if (!list?.length) return undefined;
  const out = new Set<ScannerName>();
  for (const raw of list) {
    const s = raw.toLowerCase().replace(/s$/, '') as ScannerName; // `secrets` and `secret` both work
    if (!SCANNERS.includes(s)) throw new CliError(`unknown scanner "${raw}" (use ${SCANNERS.join(', ')})`);
    out.add(s);
  }
  return out;
}

export function selectScanners<T extends { scanner?: ScannerName }>(list: T[], scanners: Set<ScannerName> | undefined): T[] {
  return scanners ? list.filter((a) => !a.scanner || scanners.has(a.scanner)) : list;
}

/**
 * A predicate over rule ids from `--check` (keep only these) and `--skip-check` (drop these).
 * Asynchronous to load the glob engine only when there are patterns (most runs have none).
 */
export async function ruleSelector(check: string[] | undefined, skip: string[] | undefined): Promise<((ruleId: string) => boolean) | undefined> {
  if (!check?.length && !skip?.length) return undefined;
  const { default: picomatch } = await import('picomatch');
  const keep = check?.length ? picomatch(check, { nocase: true }) : undefined;
  const drop = skip?.length ? picomatch(skip, { nocase: true }) : undefined;
  return (id) => (!keep || keep(id)) && !(drop && drop(id));
}

export function selectFindings<T extends { finding: Finding } | Finding>(list: T[], keep: ((ruleId: string) => boolean) | undefined): T[] {
  if (!keep) return list;
  return list.filter((x) => keep('finding' in x ? x.finding.ruleId : x.ruleId));
}

/**
 * The patterns (`--check`, `--skip-check`) that match none of `ids`: a misspelt id would otherwise
 * select nothing and pass the gate (`--check secret/openai-key` for `secret/openai-api-key`). Advisory
 * rule ids (`vuln/GHSA-…`, `vuln/PYSEC-…`) come from the database, not from a list: any `vuln/` pattern
 * is taken.
 */
export async function unmatchedRulePatterns(patterns: string[], ids: readonly string[]): Promise<string[]> {
  const { default: picomatch } = await import('picomatch');
  return patterns.filter((p) => {
    if (/^vuln\//i.test(p)) return false;
    const match = picomatch(p, { nocase: true });
    return !ids.some((id) => match(id));
  });
}

