/**
 * Parses a GitHub Actions workflow or composite action into a WorkflowDoc, through the shared
 * YAML-with-positions helper. Pure; malformed input becomes notes, never exceptions.
 */
import { parseYamlDocs, type YamlDoc } from '../../discovery/yaml-docs.js';
import { isRecord } from '../../discovery/json-doc.js';
import type { Job, Located, Permissions, Step, Trigger, WorkflowDoc } from './types.js';

type Path = (string | number)[];

export function parseWorkflow(path: string, text: string): { document?: WorkflowDoc; notes?: string[] } {
  const parsed = parseYamlDocs(text, 1);
  const notes = [...parsed.errors, ...(parsed.warnings ?? []).map((w) => `YAML: ${w}`)];
  const doc = parsed.docs[0];
  if (!doc || !isRecord(doc.value)) return { notes };
  const root = doc.value;
  const lines = text.split('\n');
  const isAction = /(?:^|\/)action\.ya?ml$/i.test(path) && !/(?:^|\/)\.github\/workflows\//.test(path);
  const ctx: Ctx = { doc, lines };
  if (isAction) {
    const runs = root.runs;
    // Only composite actions carry steps; JavaScript and Docker actions have nothing to check here.
    if (!isRecord(runs) || runs.using !== 'composite' || !Array.isArray(runs.steps)) return { notes };
    const job: Job = {
      id: '(composite)',
      line: doc.lineOf(['runs']),
      runsOn: [],
      env: {},
      with: {},
      steps: runs.steps.map((s, i) => step(ctx, s, ['runs', 'steps', i], i)).filter((s): s is Step => !!s),
    };
    return { document: { type: 'action', name: str(root.name), triggers: [], onLine: 1, env: {}, jobs: [job], lines }, notes };
  }
  if (!('on' in root) && !('jobs' in root)) return { notes };
  const jobs: Job[] = [];
  if (isRecord(root.jobs)) for (const [id, j] of Object.entries(root.jobs)) if (isRecord(j)) jobs.push(job(ctx, id, j));
  const perms = permissions(root.permissions);
  return {
    document: {
      type: 'workflow',
      name: str(root.name),
      triggers: triggers(doc, root.on),
      onLine: doc.lineOf(['on']),
      permissions: perms,
      permissionsLine: perms !== undefined ? doc.lineOf(['permissions']) : undefined,
      env: locatedMap(ctx, root.env, ['env']),
      jobs,
      lines,
    },
    notes,
  };
}

interface Ctx {
  doc: YamlDoc;
  lines: string[];
}

/** `on: push`, `on: [push, pull_request]`, `on: { push: {...}, issues: null }`. */
function triggers(doc: YamlDoc, on: unknown): Trigger[] {
  if (typeof on === 'string') return [{ name: on, line: doc.lineOf(['on']), config: undefined }];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string').map((t, i) => ({ name: t, line: doc.lineOf(['on', i]), config: undefined }));
  if (isRecord(on)) return Object.entries(on).map(([name, config]) => ({ name, line: doc.lineOf(['on', name]), config }));
  return [];
}

function job(ctx: Ctx, id: string, j: Record<string, unknown>): Job {
  const base: Path = ['jobs', id];
  const perms = permissions(j.permissions);
  const out: Job = {
    id,
    line: ctx.doc.lineOf(base),
    name: str(j.name),
    runsOn: runsOn(ctx, j['runs-on'], [...base, 'runs-on']),
    permissions: perms,
    permissionsLine: perms !== undefined ? ctx.doc.lineOf([...base, 'permissions']) : undefined,
    if: located(ctx, j.if, [...base, 'if']),
    env: locatedMap(ctx, j.env, [...base, 'env']),
    steps: Array.isArray(j.steps) ? j.steps.map((s, i) => step(ctx, s, [...base, 'steps', i], i)).filter((s): s is Step => !!s) : [],
    uses: located(ctx, j.uses, [...base, 'uses']),
    with: locatedMap(ctx, j.with, [...base, 'with']),
    environment: typeof j.environment === 'string' ? j.environment : isRecord(j.environment) ? str(j.environment.name) : undefined,
  };
  if (j.secrets === 'inherit') out.secrets = 'inherit';
  else if (isRecord(j.secrets)) out.secrets = locatedMap(ctx, j.secrets, [...base, 'secrets']);
  if (out.secrets !== undefined) out.secretsLine = ctx.doc.lineOf([...base, 'secrets']);
  return out;
}

function step(ctx: Ctx, s: unknown, path: Path, index: number): Step | undefined {
  if (!isRecord(s)) return undefined;
  return {
    index,
    line: ctx.doc.lineOf(path),
    id: str(s.id),
    name: str(s.name),
    uses: located(ctx, s.uses, [...path, 'uses']),
    run: located(ctx, s.run, [...path, 'run']),
    shell: str(s.shell),
    if: located(ctx, s.if, [...path, 'if']),
    with: locatedMap(ctx, s.with, [...path, 'with']),
    env: locatedMap(ctx, s.env, [...path, 'env']),
  };
}

function runsOn(ctx: Ctx, v: unknown, path: Path): Located[] {
  const line = ctx.doc.lineOf(path);
  if (typeof v === 'string') return [{ value: v, line }];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((value) => ({ value, line }));
  if (isRecord(v)) {
    const out: Located[] = [];
    if (typeof v.group === 'string') out.push({ value: `group:${v.group}`, line });
    const labels = typeof v.labels === 'string' ? [v.labels] : Array.isArray(v.labels) ? v.labels : [];
    for (const l of labels) if (typeof l === 'string') out.push({ value: l, line });
    return out;
  }
  return [];
}

export function permissions(v: unknown): Permissions | undefined {
  if (v === 'read-all' || v === 'write-all') return v;
  if (isRecord(v)) {
    const out: Record<string, string> = {};
    for (const [k, level] of Object.entries(v)) if (typeof level === 'string') out[k] = level;
    return out;
  }
  return undefined;
}

function located(ctx: Ctx, v: unknown, path: Path): Located | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  const line = ctx.doc.lineOf(path);
  const value = String(v);
  const after = (ctx.lines[line - 1] ?? '').replace(/^[^:]*:/, '');
  return /^\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(after) ? { value, line, block: true } : { value, line };
}

function locatedMap(ctx: Ctx, v: unknown, path: Path): Record<string, Located> {
  const out: Record<string, Located> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const l = located(ctx, x, [...path, k]);
    if (l) out[k] = l;
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
