/**
 * "Pwn request": a privileged trigger (`pull_request_target`, `workflow_run`, `issue_comment`) checks
 * out the pull request's code and then runs something from the working tree (a build, tests, a local
 * action), so fork code executes with the base repository's token and secrets.
 */
import { PR_CHECKOUT_COMMANDS, PR_HEAD_REFS } from '../../documents/workflow/contexts.js';
import { actionName, evidenceAt, gatedToMaintainers, jobLabel, parseUses, triggerNames, writeScopes, effectivePermissions } from '../../documents/workflow/model.js';
import type { Step, WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { jobsOf, PWN_REQUEST, refs, jobAssetId } from './shared.js';

const RISKY = ['pull_request_target', 'workflow_run', 'issue_comment'];

export const untrustedCheckout: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/untrusted-checkout',
    title: 'Privileged trigger checks out and runs pull request code',
    severity: 'critical',
    category: 'misconfiguration',
    confidence: 'medium',
    description:
      'The workflow runs on `pull_request_target`, `workflow_run` or `issue_comment`, which carry the base repository\'s token and secrets, yet it checks out the pull request\'s head (`ref: ${{ github.event.pull_request.head.sha }}`, `refs/pull/N/merge`, `gh pr checkout`) and then runs steps in that tree. Build scripts, test runners and local actions from a fork then execute with those privileges (Hackerbot-claw, "pwn request").',
    remediation:
      'Build untrusted code under `pull_request` (no secrets, read-only token) and pass results to a privileged `workflow_run` job as artifacts treated as data; or keep the privileged job to steps that never execute the checked-out tree, with `permissions: {}` and `persist-credentials: false`.',
    references: refs({ cwe: ['CWE-829', 'CWE-94'], attack: ['T1195.002'], urls: [PWN_REQUEST] }),
    tags: ['github-actions', 'supply-chain'],
    aliases: ['zizmor/dangerous-triggers'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, doc, job } of jobsOf(project)) {
      const triggers = triggerNames(doc).filter((t) => RISKY.includes(t));
      if (!triggers.length) continue;
      const at = job.steps.findIndex(checksOutHead);
      if (at < 0) continue;
      const checkout = job.steps[at];
      const runner = runsAfterCheckout(checkout) ? checkout : job.steps.slice(at + 1).find(executesTree);
      if (!runner) continue;
      const line = checkout.with.ref?.line ?? checkout.run?.line ?? checkout.line;
      const gated = gatedToMaintainers(job.if?.value) || /\blabels\b/.test(job.if?.value ?? '');
      const writes = writeScopes(effectivePermissions(doc, job));
      hits.push({
        path,
        line,
        message: `${jobLabel(job)} runs on ${triggers.join(', ')}, checks out the pull request head and then runs step ${runner.index + 1} in that tree${gated ? ' (a maintainer or label gate applies; a later push to the pull request still runs)' : ''}`,
        evidence: evidenceAt(doc, line),
        severity: gated ? 'high' : 'critical',
        key: `${job.id}/${checkout.index}`,
        assetId: jobAssetId(path, job.id),
        properties: { triggers, job: job.id, writeScopes: writes },
      });
    }
    return hits;
  },
};

function checksOutHead(step: Step): boolean {
  if (actionName(step) === 'actions/checkout') {
    const ref = `${step.with.ref?.value ?? ''} ${step.with.repository?.value ?? ''}`;
    return PR_HEAD_REFS.some((r) => r.test(ref));
  }
  return !!step.run && PR_CHECKOUT_COMMANDS.some((r) => r.test(step.run!.value));
}

/** A step that executes something from the working tree: any script, or a local action. */
function executesTree(step: Step): boolean {
  if (step.run) return true;
  if (step.uses && parseUses(step.uses.value).kind === 'local') return true;
  // Build actions that run the project's own scripts.
  return /^(?:docker\/build-push-action|gradle\/gradle-build-action|gradle\/actions\/setup-gradle|borales\/actions-yarn|pnpm\/action-setup)$/.test(actionName(step) ?? '');
}

/**
 * A `run:` step that checks the pull request out and goes on to run more commands in the same script
 * (`gh pr checkout 42 && make`, or on the next line): the tree executes within that one step.
 */
function runsAfterCheckout(step: Step): boolean {
  const script = step.run?.value;
  if (!script) return false;
  let end = -1;
  for (const r of PR_CHECKOUT_COMMANDS) {
    const m = new RegExp(r.source, r.flags.replace('g', '')).exec(script);
    if (m && (end < 0 || m.index + m[0].length < end)) end = m.index + m[0].length;
  }
  if (end < 0) return false;
  // The rest of the checkout command's own line, up to a command separator; then any further command.
  const rest = script.slice(end);
  const sep = /&&|\|\||;|\n/.exec(rest);
  if (!sep) return false;
  return rest
    .slice(sep.index + sep[0].length)
    .split('\n')
    .some((line) => {
      const code = line.replace(/(^|\s)#.*$/, '').trim();
      return code !== '' && !/^(?:&&|\|\||;)?\s*(?:true|:|exit(?:\s+0)?|echo\b.*)?$/.test(code);
    });
}

