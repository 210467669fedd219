/**
 * Reading the `paths` section of a Report for the human and SARIF outputs: which paths lead (top N
 * by score, as the engine sorted them), one line per path (`entry → … → target` with file:line per
 * step), and which path a `path/...` finding stands for.
 */
import type { AttackPath, Finding, Location, PathStep, Report } from '../core/model.js';

/** Paths the human outputs show first (the rest are in JSON/SARIF). */
export const TOP_PATHS = 5;

/** The report's paths, highest score first (the engine sorts; this keeps the order stable if it did not). */
export function topPaths(report: Report, max = TOP_PATHS): AttackPath[] {
  const items = report.paths?.items ?? [];
  return [...items].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id, 'en')).slice(0, max);
}

/** Paths beyond `max` (including those the engine itself omitted). */
export function morePaths(report: Report, max = TOP_PATHS): number {
  return Math.max(0, (report.paths?.items.length ?? 0) - max) + (report.paths?.omitted ?? 0);
}

/** `k8s/svc.yaml:7`, `models/x.pt → archive/data.pkl`, or '' when the step has no place. */
export function stepPlace(loc: Location | undefined): string {
  if (!loc) return '';
  let s = loc.path ?? loc.url ?? '';
  if (loc.member) s += ` → ${loc.member}`;
  if (loc.startLine) s += `:${loc.startLine}`;
  return s;
}

/** `Service ml/vllm (k8s/svc.yaml:7)` */
export function stepText(step: PathStep): string {
  const place = stepPlace(step.location);
  return place ? `${step.assetName} (${place})` : step.assetName;
}

/** `entry → pivot → … → target` with file:line per step. */
export function stepsText(path: AttackPath): string {
  return path.steps.map(stepText).join(' → ');
}

/**
 * The path a finding stands for: a `path/...` finding names its path in `properties.pathId`; failing
 * that, the path of the same rule it lies on (`onPaths`).
 */
export function pathIndex(report: Report): (f: Finding) => AttackPath | undefined {
  const byId = new Map((report.paths?.items ?? []).map((p) => [p.id, p]));
  return (f) => {
    if (!f.ruleId.startsWith('path/')) return undefined;
    const id = f.properties?.pathId;
    if (typeof id === 'string' && byId.has(id)) return byId.get(id);
    for (const onId of f.onPaths ?? []) {
      const p = byId.get(onId);
      if (p && p.ruleId === f.ruleId) return p;
    }
    return undefined;
  };
}
