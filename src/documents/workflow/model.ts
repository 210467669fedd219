/**
 * Pure helpers over WorkflowDoc that several rules share: expressions and their lines, attacker
 * contexts, effective permissions, `uses:` references.
 */
import { ATTACKER_CONTEXTS, FIRST_PARTY_OWNERS, PRIVILEGED_UNTRUSTED_TRIGGERS } from './contexts.js';
import type { Job, Located, Permissions, Step, WorkflowDoc } from './types.js';

export interface Expression {
  /** The text inside `${{ }}`, trimmed. */
  text: string;
  /** Offset of `${{` in the value. */
  offset: number;
}

const EXPR = /\$\{\{([\s\S]*?)\}\}/g;

export function expressions(value: string): Expression[] {
  const out: Expression[] = [];
  for (const m of value.matchAll(EXPR)) out.push({ text: m[1].trim(), offset: m.index ?? 0 });
  return out;
}

/** The 1-based line of `offset` inside a located value (block scalars start on the line after the key). */
export function lineIn(v: Located, offset: number): number {
  if (!v.block) return v.line;
  let n = 0;
  for (let i = 0; i < offset && i < v.value.length; i++) if (v.value.charCodeAt(i) === 10) n++;
  return v.line + 1 + n;
}

const CONTEXT_PATTERNS = ATTACKER_CONTEXTS.map((c) => new RegExp(`(?<![\\w.])${c.replace(/\./g, '\\.').replace(/\\\.\*\\\./g, '\\.(?:\\*|\\d+|\\[[^\\]]*\\]|\\w+)\\.')}(?![\\w])`));

/** The attacker-controlled contexts an expression reads (`github.event.issue.title` …). */
export function attackerContexts(expr: string): string[] {
  const normalized = expr.replace(/\[\s*'([\w-]+)'\s*\]/g, '.$1').replace(/\[\s*(\d+|\*)\s*\]/g, '.$1').replace(/\s+/g, ' ');
  const out: string[] = [];
  // A whole event object serialised into a script carries every title and body in it.
  if (/toJSON\(\s*github\.event(?:\.(?:issue|pull_request|comment|review|discussion|head_commit|commits|workflow_run))?\s*\)/i.test(normalized)) out.push('github.event (serialised)');
  ATTACKER_CONTEXTS.forEach((c, i) => {
    if (CONTEXT_PATTERNS[i].test(normalized)) out.push(c);
  });
  return out;
}

/** Env names (workflow, job and step level) whose value carries attacker-controlled text. */
export function taintedEnv(doc: WorkflowDoc, job: Job, step?: Step): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const scope of [doc.env, job.env, step?.env ?? {}]) {
    for (const [name, v] of Object.entries(scope)) {
      const ctx = expressions(v.value).flatMap((e) => attackerContexts(e.text));
      if (ctx.length) out.set(name, ctx);
    }
  }
  return out;
}

/** Attacker contexts an expression reaches directly or through `env.NAME` of a tainted env entry. */
export function reachedContexts(expr: string, tainted: Map<string, string[]>): string[] {
  const direct = attackerContexts(expr);
  for (const m of expr.matchAll(/\benv\.([A-Za-z_][\w-]*)/g)) direct.push(...(tainted.get(m[1])?.map((c) => `${c} (via env.${m[1]})`) ?? []));
  return [...new Set(direct)];
}

export function triggerNames(doc: WorkflowDoc): string[] {
  return doc.triggers.map((t) => t.name);
}

export function privilegedTriggers(doc: WorkflowDoc): string[] {
  return triggerNames(doc).filter((t) => PRIVILEGED_UNTRUSTED_TRIGGERS.includes(t));
}

/** The job's permissions: its own, else the workflow's, else `default` (the repository setting, often write). */
export function effectivePermissions(doc: WorkflowDoc, job: Job): Permissions | 'default' {
  return job.permissions ?? doc.permissions ?? 'default';
}

/** Scopes granted write (`*` for write-all). */
export function writeScopes(p: Permissions | 'default'): string[] {
  if (p === 'write-all') return ['*'];
  if (p === 'default' || p === 'read-all') return [];
  return Object.entries(p).filter(([, level]) => level === 'write').map(([k]) => k);
}

export interface UsesRef {
  kind: 'repo' | 'local' | 'docker';
  /** `owner/repo[/path]` lower-cased, the image for docker, or the local path. */
  name: string;
  owner?: string;
  ref?: string;
}

export function parseUses(uses: string): UsesRef {
  const u = uses.trim();
  if (u.startsWith('./') || u.startsWith('../')) return { kind: 'local', name: u };
  if (u.startsWith('docker://')) {
    const image = u.slice('docker://'.length);
    const digest = image.includes('@sha256:') ? image.split('@')[1] : undefined;
    return { kind: 'docker', name: image, ref: digest };
  }
  const at = u.lastIndexOf('@');
  const name = (at >= 0 ? u.slice(0, at) : u).toLowerCase();
  return { kind: 'repo', name, owner: name.split('/')[0], ref: at >= 0 ? u.slice(at + 1) : undefined };
}

export function isShaPinned(ref: string | undefined): boolean {
  return !!ref && (/^[0-9a-f]{40}$/i.test(ref) || /^sha256:[0-9a-f]{64}$/i.test(ref));
}

export function isFirstParty(ref: UsesRef): boolean {
  return ref.kind === 'repo' && FIRST_PARTY_OWNERS.includes(ref.owner ?? '');
}

/** `uses: actions/checkout@…` and friends: the action path without the ref, lower-cased. */
export function actionName(step: Step): string | undefined {
  return step.uses ? parseUses(step.uses.value).name : undefined;
}

/**
 * True when an `if:` restricts the job to the repository's own people: an author_association test
 * that admits only OWNER, MEMBER or COLLABORATOR.
 */
export function gatedToMaintainers(cond: string | undefined): boolean {
  if (!cond || !/author_association/.test(cond)) return false;
  if (!/\b(?:OWNER|MEMBER|COLLABORATOR)\b/.test(cond)) return false;
  // `!= 'NONE'` or admitting CONTRIBUTOR / FIRST_TIME_CONTRIBUTOR lets outsiders through.
  return !/\b(?:CONTRIBUTOR|FIRST_TIME_CONTRIBUTOR|FIRST_TIMER|NONE)\b/.test(cond) && !/author_association\s*!=/.test(cond);
}

/** Secrets a job references (`secrets.NAME`, including `secrets['NAME']`), with the places they appear. */
export function secretsOf(doc: WorkflowDoc, job: Job): Set<string> {
  const out = new Set<string>();
  const scan = (v: string) => {
    for (const e of expressions(v)) for (const m of e.text.replace(/\[\s*'([\w-]+)'\s*\]/g, '.$1').matchAll(/\bsecrets\.([A-Za-z_][\w-]*)/g)) out.add(m[1]);
  };
  for (const v of Object.values(doc.env)) scan(v.value);
  for (const v of Object.values(job.env)) scan(v.value);
  for (const v of Object.values(job.with)) scan(v.value);
  if (job.secrets && job.secrets !== 'inherit') for (const v of Object.values(job.secrets)) scan(v.value);
  for (const s of job.steps) {
    for (const v of [...Object.values(s.env), ...Object.values(s.with)]) scan(v.value);
    if (s.run) scan(s.run.value);
  }
  return out;
}

/** A short label for messages: `workflow.yml` job `build`. */
export function jobLabel(job: Job): string {
  return job.id === '(composite)' ? 'the composite action' : `job '${job.id}'`;
}

/** One line of the source, trimmed and cut, as evidence. */
export function evidenceAt(doc: WorkflowDoc, line: number, max = 160): string {
  const l = (doc.lines[line - 1] ?? '').trim();
  return l.length > max ? `${l.slice(0, max)}…` : l;
}
