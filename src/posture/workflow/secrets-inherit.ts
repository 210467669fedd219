/** `secrets: inherit` hands every repository and organisation secret to the called workflow. */
import { evidenceAt, jobLabel, parseUses } from '../../documents/workflow/model.js';
import type { WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

export const secretsInherit: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/secrets-inherit',
    title: 'Reusable workflow call passes every secret (secrets: inherit)',
    severity: 'medium',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'A job calls a reusable workflow with `secrets: inherit`, which passes every secret the caller can see, not only the ones the callee needs. A compromise of, or injection in, the called workflow exposes them all.',
    remediation: 'List the secrets the called workflow needs: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`.',
    references: refs({ cwe: ['CWE-272', 'CWE-200'], attack: ['T1552'] }),
    tags: ['github-actions', 'least-privilege'],
    aliases: ['zizmor/secrets-inherit'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      for (const job of doc.jobs) {
        if (job.secrets !== 'inherit') continue;
        const line = job.secretsLine ?? job.line;
        const callee = job.uses?.value;
        const remote = callee ? parseUses(callee).kind === 'repo' : false;
        hits.push({
          path,
          line,
          message: `${jobLabel(job)} passes every secret to ${callee ? `\`${callee}\`` : 'the called workflow'}${remote ? ' (another repository)' : ''}`,
          evidence: evidenceAt(doc, line),
          severity: remote ? 'high' : 'medium',
          key: `${job.id}/secrets-inherit`,
          assetId: jobAssetId(path, job.id),
        });
      }
    }
    return hits;
  },
};
