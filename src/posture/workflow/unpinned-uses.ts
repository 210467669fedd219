/**
 * Third-party actions, reusable workflows and `docker://` images referenced by a tag or branch: the
 * owner (or whoever takes over the account) can move the tag to new code, which then runs with the
 * job's token and secrets (tj-actions/changed-files, March 2025). Policy as zizmor's default:
 * GitHub's own `actions/*` and `github/*` may use a tag; everything else must use a full commit SHA.
 */
import { evidenceAt, isFirstParty, isShaPinned, jobLabel, parseUses } from '../../documents/workflow/model.js';
import type { Located, WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

export const unpinnedUses: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/unpinned-uses',
    title: 'Third-party action not pinned to a commit SHA',
    severity: 'medium',
    category: 'misconfiguration',
    confidence: 'high',
    description:
      'A `uses:` names a third-party action or reusable workflow by tag or branch (`@v4`, `@main`), or a `docker://` image without a digest. Tags are mutable: whoever controls the action can repoint them at new code, which then runs with this job\'s token and secrets (tj-actions/changed-files, CVE-2025-30066). GitHub\'s own `actions/*` and `github/*` are exempt, as in zizmor\'s default policy.',
    remediation: 'Pin to the full 40-character commit SHA and keep the tag as a comment (`uses: owner/action@<sha> # v4.1.2`); let Dependabot or Renovate update the pins. Pin images by `@sha256:` digest.',
    references: refs({ cve: ['CVE-2025-30066'], cwe: ['CWE-829', 'CWE-1357'], attack: ['T1195.001'] }),
    tags: ['github-actions', 'supply-chain'],
    aliases: ['zizmor/unpinned-uses', 'kics/555ab8f9-2001-455e-a077-f2d0f41e2fb9'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      for (const job of doc.jobs) {
        const refsOf: { v: Located; key: string; what: string }[] = [];
        if (job.uses) refsOf.push({ v: job.uses, key: `${job.id}/uses`, what: `${jobLabel(job)} calls reusable workflow` });
        for (const s of job.steps) if (s.uses) refsOf.push({ v: s.uses, key: `${job.id}/${s.index}/uses`, what: `${jobLabel(job)} step ${s.index + 1} uses` });
        for (const { v, key, what } of refsOf) {
          const u = parseUses(v.value);
          if (u.kind === 'local' || isShaPinned(u.ref) || isFirstParty(u)) continue;
          if (v.value.includes('${{')) continue;
          hits.push({
            path,
            line: v.line,
            message: `${what} \`${v.value}\`, ${u.kind === 'docker' ? 'an image without a digest' : u.ref ? `pinned to the mutable ref '${u.ref}'` : 'with no ref at all'}`,
            evidence: evidenceAt(doc, v.line),
            key,
            assetId: jobAssetId(path, job.id),
            properties: { action: u.name, ref: u.ref },
          });
        }
      }
    }
    return hits;
  },
};
