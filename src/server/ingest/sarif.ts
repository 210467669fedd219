/**
 * SARIF 2.1.0 from any tool → the stored form. Fingerprints must not move with lines: a result's
 * `partialFingerprints` (aigis writes `aigis/v2`, GitHub tools `primaryLocationLineHash` — which does
 * carry a line, so it is used only when nothing better exists) or `fingerprints`, else a hash of tool,
 * rule, file and the normalised message. Identical results in one file get an occurrence index.
 * Messages are redacted: other tools may quote the secret they found.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/model.js';
import { MAX_FINDINGS } from './limits.js';
import { clean, cleanShort } from './redact.js';
import { IngestError, type NormalizedReport, type StoredFinding } from './types.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const LEVEL: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };
const PREFERRED = ['aigis/v2', 'aigis/v1'];

export function normalizeSarif(doc: Json): NormalizedReport {
  if (doc.version !== '2.1.0') throw new IngestError(400, `SARIF: unsupported version ${JSON.stringify(doc.version)} (this server reads 2.1.0)`);
  if (!Array.isArray(doc.runs)) throw new IngestError(400, 'SARIF: "runs" must be an array');
  const findings: StoredFinding[] = [];
  const tools = new Set<string>();
  let total = 0;
  doc.runs.forEach((run, r) => {
    if (!isObject(run)) throw new IngestError(400, `SARIF: runs[${r}] must be an object`);
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver || typeof driver.name !== 'string' || !driver.name) throw new IngestError(400, `SARIF: runs[${r}].tool.driver.name is required`);
    tools.add(driver.name.slice(0, 100));
    const rules = new Map<string, Json>();
    if (Array.isArray(driver.rules)) for (const rule of driver.rules) if (isObject(rule) && typeof rule.id === 'string') rules.set(rule.id, rule);
    const results = run.results ?? [];
    if (!Array.isArray(results)) throw new IngestError(400, `SARIF: runs[${r}].results must be an array`);
    total += results.length;
    if (total > MAX_FINDINGS) throw new IngestError(400, `SARIF: more than ${MAX_FINDINGS} results`);
    const occurrences = new Map<string, number>();
    results.forEach((res, i) => {
      if (!isObject(res)) throw new IngestError(400, `SARIF: runs[${r}].results[${i}] must be an object`);
      const ruleId = typeof res.ruleId === 'string' ? res.ruleId : isObject(res.rule) && typeof res.rule.id === 'string' ? res.rule.id : undefined;
      if (!ruleId) throw new IngestError(400, `SARIF: runs[${r}].results[${i}] has no ruleId`);
      const message = isObject(res.message) && typeof res.message.text === 'string' ? res.message.text : '';
      const rule = rules.get(ruleId);
      const loc = firstLocation(res);
      const tool = driver.name as string;
      let fingerprint = pickFingerprint(res);
      if (!fingerprint) {
        const base = sha(`${tool}\n${ruleId}\n${loc.path ?? ''}\n${message.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`);
        const n = occurrences.get(base) ?? 0;
        occurrences.set(base, n + 1);
        fingerprint = `sarif/${base.slice(0, 32)}/${n}`;
      }
      findings.push({
        fingerprint: `${tool === 'aigis' ? '' : `${tool.slice(0, 50)}:`}${fingerprint}`.slice(0, 200),
        ruleId: ruleId.slice(0, 200),
        severity: severity(res, rule),
        title: cleanShort(text(rule?.shortDescription) ?? rule?.name ?? ruleId) ?? ruleId,
        message: clean(message) ?? '',
        path: cleanShort(loc.path),
        startLine: loc.line,
        remediation: clean(text(rule?.help)),
      });
    });
  });
  return { kind: 'sarif', tool: [...tools].sort().join('+') || 'sarif', command: 'sarif', findings, assets: [], alerts: [] };
}

function text(v: unknown): string | undefined {
  return isObject(v) && typeof v.text === 'string' ? v.text : undefined;
}

function pickFingerprint(res: Json): string | undefined {
  for (const key of ['partialFingerprints', 'fingerprints']) {
    const map = res[key];
    if (!isObject(map)) continue;
    for (const k of PREFERRED) if (typeof map[k] === 'string') return map[k];
    const keys = Object.keys(map).filter((k) => typeof map[k] === 'string' && !/line/i.test(k)).sort();
    if (keys.length) return `${keys[0]}=${String(map[keys[0]])}`;
  }
  return undefined;
}

function firstLocation(res: Json): { path?: string; line?: number } {
  const loc = Array.isArray(res.locations) && isObject(res.locations[0]) ? res.locations[0] : undefined;
  const phys = loc && isObject(loc.physicalLocation) ? loc.physicalLocation : undefined;
  const art = phys && isObject(phys.artifactLocation) ? phys.artifactLocation : undefined;
  const region = phys && isObject(phys.region) ? phys.region : undefined;
  const uri = art && typeof art.uri === 'string' ? art.uri : undefined;
  return { path: uri, line: region && Number.isInteger(region.startLine) ? (region.startLine as number) : undefined };
}

/** `security-severity` (CVSS-like, GitHub convention) beats the SARIF level, which beats the rule default. */
function severity(res: Json, rule: Json | undefined): Severity {
  const props = [res.properties, rule?.properties].find((p) => isObject(p) && p['security-severity'] !== undefined) as Json | undefined;
  const score = props ? Number(props['security-severity']) : NaN;
  if (!Number.isNaN(score)) return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'info';
  const level = typeof res.level === 'string' ? res.level : isObject(rule?.defaultConfiguration) && typeof rule.defaultConfiguration.level === 'string' ? rule.defaultConfiguration.level : 'warning';
  return LEVEL[level] ?? 'medium';
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
