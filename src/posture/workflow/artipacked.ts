/**
 * `actions/checkout` keeps the token in `.git/config` unless `persist-credentials: false`; a later
 * `actions/upload-artifact` of the workspace publishes it to anyone who can download the artifact.
 */
import { actionName, evidenceAt, jobLabel } from '../../documents/workflow/model.js';
import type { WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

export const artipacked: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/artipacked',
    title: 'Checkout credentials persisted in a job that uploads artifacts',
    severity: 'medium',
    category: 'secret',
    confidence: 'medium',
    description:
      '`actions/checkout` writes the job token into `.git/config` unless `persist-credentials: false` is set. This job later uploads an artifact; when the upload includes the checkout directory (`path: .`), the token ships with it and anyone who can read the artifact (everyone, on a public repository) can use it until the job ends, or longer for a PAT.',
    remediation: 'Set `with: { persist-credentials: false }` on `actions/checkout`, and upload only the build output directory, never the workspace root.',
    references: refs({ cwe: ['CWE-522', 'CWE-200'], attack: ['T1552'], urls: ['https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/'] }),
    tags: ['github-actions', 'credentials'],
    aliases: ['zizmor/artipacked'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      for (const job of doc.jobs) {
        const uploads = job.steps.filter((s) => actionName(s) === 'actions/upload-artifact');
        if (!uploads.length) continue;
        for (const s of job.steps) {
          if (actionName(s) !== 'actions/checkout' || s.with['persist-credentials']?.value === 'false') continue;
          const later = uploads.filter((u) => u.index > s.index);
          if (!later.length) continue;
          const root = later.find((u) => /^\s*(?:\.\/?|\$\{\{\s*github\.workspace\s*\}\}\/?)\s*$/m.test(u.with.path?.value ?? ''));
          const line = s.uses!.line;
          hits.push({
            path,
            line,
            message: `${jobLabel(job)} checks out with persisted credentials and uploads an artifact at step ${(root ?? later[0]).index + 1}${root ? ' that contains the workspace root (with .git/config)' : ''}`,
            evidence: evidenceAt(doc, line),
            severity: root ? 'high' : 'medium',
            key: `${job.id}/${s.index}`,
            assetId: jobAssetId(path, job.id),
          });
        }
      }
    }
    return hits;
  },
};
