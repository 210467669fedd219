/**
 * The rule no workflow linter has (PromptPwnd): a job runs an AI agent action on an event an outsider
 * fires, and the outsider can steer it (their text reaches the prompt, anyone may trigger it, or the
 * agent runs tools without approval) while the job can reach something worth taking (write scopes
 * of the token, secrets other than the model key). Severity grows with what the job can reach.
 */
import { aiActionFor, unsandboxedInputs, type AiAction } from '../../catalog/ai-actions.js';
import { PRIVILEGED_UNTRUSTED_TRIGGERS } from '../../documents/workflow/contexts.js';
import { actionName, effectivePermissions, evidenceAt, expressions, gatedToMaintainers, jobLabel, reachedContexts, secretsOf, taintedEnv, triggerNames, writeScopes } from '../../documents/workflow/model.js';
import type { Job, Step, WorkflowDoc, WorkflowProject } from '../../documents/workflow/types.js';
import type { Severity } from '../../core/model.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { jobsOf, refs } from './shared.js';

/** Token scopes whose write access reaches code, releases, workflows or cloud credentials. */
const STRONG_SCOPES = new Set(['*', 'contents', 'actions', 'workflows', 'packages', 'id-token', 'deployments', 'checks', 'statuses', 'security-events']);

export const aiAgentUntrustedInput: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/ai-agent-untrusted-input',
    title: 'AI agent action steerable by outsiders in a privileged job',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'medium',
    description:
      'A job runs an AI agent action (Claude Code, Codex, Gemini CLI, GitHub AI inference …) on an event that outsiders fire (`issues`, `issue_comment`, `pull_request_target`, `workflow_run` …) and at least one of: their text reaches the prompt (directly or through `env`), anyone may trigger the agent (a `*` allowlist, or no author-association check for actions without one built in), or the agent runs tools without approval or sandbox (`--dangerously-skip-permissions`, `Bash`/`Bash(*)`, yolo, `danger-full-access`). The job also holds write scopes or secrets beyond the model key, so a prompt injection becomes a repository or secret compromise (PromptPwnd, Hackerbot-claw).',
    remediation:
      "Gate the job on the author: `if: contains(fromJSON('[\"OWNER\",\"MEMBER\",\"COLLABORATOR\"]'), github.event.comment.author_association)`; keep outsider text out of the prompt (let the agent read it as data through a read-only tool); restrict tools (`--allowedTools` with specific commands, no `Bash`) and keep the sandbox; give the job `permissions: { contents: read }` and only the model key.",
    references: refs({ cwe: ['CWE-1427', 'CWE-77', 'CWE-862'], owaspLlm: ['LLM01', 'LLM06'], atlas: ['AML.T0051.001'], urls: ['https://github.com/github/codeql/blob/main/actions/ql/src/experimental/Security/CWE-1427/PromptInjectionCritical.md'] }),
    tags: ['github-actions', 'ai-agent', 'prompt-injection'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, doc, job } of jobsOf(project)) {
      const triggers = triggerNames(doc).filter((t) => PRIVILEGED_UNTRUSTED_TRIGGERS.includes(t));
      if (!triggers.length && doc.type !== 'action') continue;
      if (gatedToMaintainers(job.if?.value)) continue;
      for (const step of job.steps) {
        const entry = aiActionFor(actionName(step) ?? '');
        if (!entry || gatedToMaintainers(step.if?.value)) continue;
        const hit = assess(doc, job, step, entry, triggers);
        if (!hit) continue;
        const line = step.uses!.line;
        hits.push({
          path,
          line,
          message: `${jobLabel(job)} runs ${entry.match} on ${triggers.join(', ') || 'the caller\'s events'}: ${hit.why.join('; ')}; and it ${hit.reach.join(', ')}`,
          evidence: evidenceAt(doc, line),
          severity: hit.severity,
          assetId: `agent:${entry.agent}:${path}#${job.id}`,
          key: `${job.id}/${step.index}`,
          properties: { action: entry.match, triggers, exposures: hit.kinds, reach: hit.reach },
        });
      }
    }
    return hits;
  },
};

function assess(doc: WorkflowDoc, job: Job, step: Step, entry: AiAction, triggers: string[]): { why: string[]; kinds: string[]; reach: string[]; severity: Severity } | undefined {
  const why: string[] = [];
  const kinds: string[] = [];
  // 1. Outsider text reaches the prompt, directly or through env.
  const tainted = taintedEnv(doc, job, step);
  const injected = new Set<string>();
  for (const input of entry.prompt) {
    const v = step.with[input]?.value;
    if (!v) continue;
    for (const e of expressions(v)) for (const c of reachedContexts(e.text, tainted)) injected.add(c);
    for (const m of v.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)) for (const c of tainted.get(m[1]) ?? []) injected.add(`${c} (via $${m[1]})`);
  }
  if (injected.size) {
    why.push(`outsider text reaches its prompt (${[...injected].join(', ')})`);
    kinds.push('prompt-injection');
  }
  // 2. Anyone may trigger it.
  const inputs = Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k, v.value]));
  const wildcard = Object.entries(entry.allowlists).filter(([input, any]) => (inputs[input] ?? '').split(/[\s,]+/).includes(any));
  if (wildcard.length) {
    why.push(`anyone may trigger it (${wildcard.map(([i, v]) => `${i}: '${v}'`).join(', ')})`);
    kinds.push('open-trigger');
  } else if (entry.gate === 'none' && triggers.length) {
    why.push('anyone who can open an issue, comment or pull request can trigger it (no author_association check)');
    kinds.push('open-trigger');
  }
  // 3. Tools without approval or sandbox.
  const loose = unsandboxedInputs(entry, inputs);
  if (loose.length) {
    why.push(`it runs tools without approval or sandbox (${loose.map((l) => `${l.input}: ${l.match}`).join(', ')})`);
    kinds.push('unsandboxed');
  }
  if (!why.length) return undefined;

  // What the job can reach beyond the model key.
  const perms = effectivePermissions(doc, job);
  const writes = writeScopes(perms);
  const keySecrets = new Set(entry.keys.flatMap((k) => [...(step.with[k]?.value ?? '').matchAll(/secrets\.([A-Za-z_][\w-]*)/g)].map((m) => m[1])));
  const extra = [...secretsOf(doc, job)].filter((s) => !keySecrets.has(s) && s !== 'GITHUB_TOKEN').sort();
  const reach: string[] = [];
  if (writes.length) reach.push(`holds ${writes.includes('*') ? 'write-all' : writes.map((w) => `${w}: write`).join(', ')}`);
  if (perms === 'default') reach.push("holds the repository's default token permissions (no permissions block)");
  if (extra.length) reach.push(`can read secrets ${extra.join(', ')}`);
  if (job.secrets === 'inherit') reach.push('inherits every secret');
  if (!reach.length) return undefined;

  const strong = writes.some((w) => STRONG_SCOPES.has(w)) || extra.length > 0 || job.secrets === 'inherit';
  const steerable = kinds.includes('prompt-injection') || kinds.includes('unsandboxed');
  const severity: Severity = strong ? (steerable ? 'critical' : 'high') : writes.length ? 'high' : 'medium';
  return { why, kinds, reach, severity };
}
