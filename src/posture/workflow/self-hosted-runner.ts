/**
 * A self-hosted runner on a trigger that runs pull request code: a fork's pull request executes on
 * your machine, which keeps state between jobs and sits inside your network.
 */
import { PULL_REQUEST_TRIGGERS } from '../../documents/workflow/contexts.js';
import { evidenceAt, jobLabel, triggerNames } from '../../documents/workflow/model.js';
import type { WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

export const selfHostedRunner: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/self-hosted-runner',
    title: 'Self-hosted runner on a pull request trigger',
    severity: 'high',
    category: 'exposure',
    confidence: 'medium',
    description: 'A job that runs on pull request events (`pull_request`, `pull_request_target`, `issue_comment` …) is scheduled on a `self-hosted` runner. On a public repository anyone can open a pull request, and its code then runs on a machine that persists between jobs, may hold cloud credentials and reaches internal networks (the GPU runner of an AI team is a typical target).',
    remediation: 'Run pull request jobs on GitHub-hosted or ephemeral, isolated runners (just-in-time runners, Actions Runner Controller with ephemeral pods); require approval for fork workflows; keep self-hosted runners for trusted events (`push` to protected branches, `workflow_dispatch`).',
    references: refs({ cwe: ['CWE-284', 'CWE-668'], attack: ['T1195.002'], urls: ['https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security'] }),
    tags: ['github-actions', 'runners'],
    aliases: ['zizmor/self-hosted-runner'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      const prs = triggerNames(doc).filter((t) => PULL_REQUEST_TRIGGERS.includes(t));
      if (!prs.length) continue;
      for (const job of doc.jobs) {
        const label = job.runsOn.find((l) => /^self-hosted$/i.test(l.value) || l.value.startsWith('group:'));
        if (!label) continue;
        hits.push({ path, line: label.line, message: `${jobLabel(job)} runs on a self-hosted runner ('${label.value}') for ${prs.join(', ')} events`, evidence: evidenceAt(doc, label.line), key: `${job.id}/runs-on`, assetId: jobAssetId(path, job.id) });
      }
    }
    return hits;
  },
};
