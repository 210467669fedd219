/**
 * The Dockerfile document kind (parsed with dockerfile-ast): instructions with lines, build stages
 * with their FROM image resolved through `ARG` defaults (`FROM nvidia/cuda:${CUDA}`), the ENV each
 * stage sets (ARG/ENV `${VAR}`, `${VAR:-default}` and `$VAR` resolved), EXPOSE, CMD/ENTRYPOINT
 * and USER. The final stage is the image that runs; it also gets a run view for AI-server checks.
 */
import { createRequire } from 'node:module';
import type { DocumentKind } from '../../posture/rule.js';
import { splitArgs, type EnvVar, type Located, type RunView } from '../run-view.js';

type DockerfileAst = typeof import('dockerfile-ast');
let ast: DockerfileAst | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads dockerfile-ast on the first Dockerfile only (start-up time), as the bundled ES module: required
 * from node_modules it opens some forty CommonJS files, about twice the time of the bundled chunk.
 * Analyzers await this through the kind's `ready`.
 */
export function loadDockerfileParser(): Promise<void> {
  loading ??= import('dockerfile-ast').then((m) => {
    ast ??= ((m as { default?: DockerfileAst }).default ?? m) as DockerfileAst;
  });
  return loading;
}

/** The parser; a caller that did not await `ready` still gets it, required synchronously. */
function dockerfileAst(): DockerfileAst {
  ast ??= createRequire(import.meta.url)('dockerfile-ast') as DockerfileAst;
  return ast;
}

export interface Instruction {
  keyword: string;
  /** Arguments as written (quotes kept), and the raw argument text. */
  args: string[];
  content: string;
  line: number;
  /** RUN: the arguments with the build arguments and ENV values known at that point substituted (`torch==${PYTORCH_VERSION}` → `torch==2.7.0`); other variables stay as written. */
  resolvedArgs?: string[];
}

export interface Stage {
  /** `AS name`, lower-cased. */
  name?: string;
  index: number;
  line: number;
  /** FROM image as written and with build arguments resolved. */
  from?: { raw: string; image: string; line: number };
  /** Parent stage when FROM names an earlier stage. */
  parent?: number;
  env: EnvVar[];
  expose: Located<number>[];
  cmd?: { argv: string[]; line: number };
  entrypoint?: { argv: string[]; line: number };
  user?: Located<string>;
}

export interface DockerfileDoc {
  path: string;
  instructions: Instruction[];
  stages: Stage[];
}

export interface DockerfileProject {
  doc: DockerfileDoc;
  /** The final stage as something that runs (no exposure: EXPOSE only documents a port). */
  run?: RunView;
}

export const dockerfileKind: DocumentKind<DockerfileDoc, DockerfileProject> = {
  name: 'dockerfile',
  match: (f) => f.name === 'dockerfile' || f.name.startsWith('dockerfile.') || f.name.endsWith('.dockerfile') || f.name === 'containerfile',
  maxBytes: 1024 * 1024,
  noteTooLarge: true,
  ready: loadDockerfileParser,
  parse: ({ path, text }) => ({ document: parseDockerfile(path, text) }),
  project: (docs) => docs.map(({ document }) => ({ doc: document, run: finalRun(document) })),
};

export function parseDockerfile(path: string, text: string): DockerfileDoc {
  const df = dockerfileAst().DockerfileParser.parse(text);
  const instructions: Instruction[] = df.getInstructions().map((ins) => ({
    keyword: ins.getKeyword(),
    args: ins.getArguments().map((a) => a.getValue()),
    content: ins.getArgumentsContent() ?? '',
    line: ins.getRange().start.line + 1,
  }));
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  let cur: Stage | undefined;
  let vars = new Map<string, string>();
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const raw = ins.args.find((a) => !a.startsWith('--')) ?? '';
      const asIdx = ins.args.findIndex((a) => a.toUpperCase() === 'AS');
      const image = resolve(raw, globalArgs);
      const parent = stages.find((s) => s.name === image.toLowerCase());
      cur = { index: stages.length, line: ins.line, name: asIdx >= 0 ? ins.args[asIdx + 1]?.toLowerCase() : undefined, env: parent ? [...parent.env] : [], expose: [], parent: parent?.index, from: raw ? { raw, image, line: ins.line } : undefined };
      if (parent) {
        cur.user = parent.user;
        cur.cmd = parent.cmd;
        cur.entrypoint = parent.entrypoint;
      }
      stages.push(cur);
      vars = new Map([...globalArgs, ...(parent ? parent.env.map((e) => [e.name, e.value ?? ''] as [string, string]) : [])]);
      continue;
    }
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
      for (const [k, v] of pairs(ins)) {
        const value = v === undefined ? (cur ? vars.get(k) : undefined) : resolve(unquote(v), vars);
        if (!cur) {
          if (ins.keyword === 'ARG' && value !== undefined) globalArgs.set(k, value);
          continue;
        }
        if (value !== undefined) vars.set(k, value);
        if (ins.keyword === 'ENV') {
          cur.env = cur.env.filter((e) => e.name !== k);
          cur.env.push({ name: k, value, line: ins.line });
        }
      }
      continue;
    }
    if (!cur) continue;
    if (ins.keyword === 'RUN') ins.resolvedArgs = ins.args.map((a) => resolveKnown(a, vars));
    if (ins.keyword === 'EXPOSE') for (const a of ins.args) {
      const n = Number(resolve(a, vars).split('/')[0]);
      if (Number.isInteger(n)) cur.expose.push({ value: n, line: ins.line });
    }
    else if (ins.keyword === 'USER' && ins.args[0]) cur.user = { value: resolve(ins.args[0], vars), line: ins.line };
    else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
      const argv = execForm(ins.content) ?? ins.args;
      const v = { argv: argv.map((a) => resolve(a, vars)), line: ins.line };
      if (ins.keyword === 'CMD') cur.cmd = v;
      else {
        cur.entrypoint = v;
        cur.cmd = undefined; // ENTRYPOINT resets an inherited CMD
      }
    }
  }
  return { path, instructions, stages };
}

/** `KEY=value KEY2=value2` or the legacy `KEY value` form. */
function pairs(ins: Instruction): [string, string | undefined][] {
  if (ins.keyword === 'ENV' && ins.args.length >= 2 && !ins.args[0].includes('=')) return [[ins.args[0], ins.args.slice(1).join(' ')]];
  return ins.args.map((a) => {
    const eq = a.indexOf('=');
    return eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
  });
}

function execForm(content: string): string[] | undefined {
  try {
    const j: unknown = JSON.parse(content);
    if (Array.isArray(j) && j.every((x) => typeof x === 'string')) return j as string[];
  } catch {
    // shell form
  }
  return undefined;
}

function unquote(v: string): string {
  return v.replace(/^(['"])(.*)\1$/s, '$2');
}

/** `${VAR}`, `${VAR:-default}`, `$VAR` (unknown variables resolve to their default or ''). */
export function resolve(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g, (_m: string, a?: string, op?: string, word?: string, b?: string) => {
    const v = vars.get((a ?? b)!);
    if (op === '+') return v ? (word ?? '') : '';
    return v !== undefined && v !== '' ? v : (word ?? '');
  });
}

/** Like `resolve`, but a variable the Dockerfile does not define stays as written (a shell variable of the RUN itself). */
function resolveKnown(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (m: string, a?: string, word?: string, b?: string) => {
    const v = vars.get((a ?? b)!);
    return v !== undefined && v !== '' ? v : word ?? m;
  });
}

function finalRun(doc: DockerfileDoc): RunView | undefined {
  const stage = doc.stages[doc.stages.length - 1];
  if (!stage) return undefined;
  const argv: Located<string>[] = [];
  for (const part of [stage.entrypoint, stage.cmd]) if (part) for (const a of part.argv) for (const t of splitArgs(a)) argv.push({ value: t, line: part.line });
  return {
    path: doc.path, assetId: `dockerfile:${doc.path}`, key: `stage/${stage.name ?? stage.index}`, label: `Dockerfile ${doc.path}${stage.name ? ` stage ${stage.name}` : ''}`,
    line: stage.line, image: stage.from ? { value: stage.from.image, line: stage.from.line } : undefined, argv, env: stage.env,
    ports: stage.expose.map((e) => ({ port: e.value, line: e.line })), gpu: false, exposure: [],
  };
}
