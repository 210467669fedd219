/**
 * `permissions: write-all`, or no `permissions:` at all on a trigger that outsiders fire: the job's
 * GITHUB_TOKEN gets every write scope (or the repository default, write on older repositories), so a
 * single injection can push code, publish releases or rewrite workflows.
 */
import { jobLabel, privilegedTriggers } from '../../documents/workflow/model.js';
import type { WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

export const excessivePermissions: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/excessive-permissions',
    title: 'Workflow token has write-all or default permissions',
    severity: 'medium',
    category: 'misconfiguration',
    confidence: 'high',
    description:
      'The `GITHUB_TOKEN` of the workflow or job is granted `write-all`, or the workflow runs on an outsider-controlled trigger (`pull_request_target`, `issue_comment`, `issues`, `workflow_run` …) without any `permissions:` block, so it gets the repository default, which is read-write on many repositories. Any injection in such a job can push commits, create releases or change workflows.',
    remediation: 'Declare `permissions: {}` (or `contents: read`) at the workflow level and grant each job only the scopes it needs (`issues: write`, `pull-requests: write` …).',
    references: refs({ cwe: ['CWE-250', 'CWE-272'], attack: ['T1078'] }),
    tags: ['github-actions', 'least-privilege'],
    aliases: ['zizmor/excessive-permissions', 'CKV2_GHA_1'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      if (doc.type !== 'workflow') continue;
      const risky = privilegedTriggers(doc);
      if (doc.permissions === 'write-all') {
        // A workflow-level grant belongs to its jobs: the finding names the first one's asset (the inventory has no workflow asset).
        const first = doc.jobs[0];
        hits.push({ path, line: doc.permissionsLine ?? doc.onLine, message: 'the workflow grants `permissions: write-all` to every job', evidence: 'permissions: write-all', severity: risky.length ? 'high' : 'medium', key: 'workflow/write-all', ...(first ? { assetId: jobAssetId(path, first.id) } : {}) });
      }
      for (const job of doc.jobs) {
        if (job.permissions === 'write-all') {
          hits.push({ path, line: job.permissionsLine ?? job.line, message: `${jobLabel(job)} grants \`permissions: write-all\``, evidence: 'permissions: write-all', severity: risky.length ? 'high' : 'medium', key: `${job.id}/write-all`, assetId: jobAssetId(path, job.id) });
        }
      }
      if (!risky.length || doc.permissions !== undefined) continue;
      // Reusable-workflow calls take the caller's permissions from the called file; only plain jobs here.
      const open = doc.jobs.filter((j) => j.permissions === undefined && !j.uses);
      if (!open.length) continue;
      hits.push({
        path,
        line: doc.onLine,
        message: `the workflow runs on ${risky.join(', ')} with no \`permissions:\` block, so ${open.map((j) => `'${j.id}'`).join(', ')} get${open.length === 1 ? 's' : ''} the repository's default token permissions (often read-write)`,
        evidence: `on: ${risky.join(', ')}`,
        key: 'workflow/default-permissions',
        assetId: jobAssetId(path, open[0].id),
        properties: { jobs: open.map((j) => j.id), triggers: risky },
      });
    }
    return hits;
  },
};
