/** Small helpers the workflow rules share (iteration and common references). */
import type { Job, WorkflowDoc, WorkflowProject } from '../../documents/workflow/types.js';
import type { References } from '../../core/model.js';

export interface JobVisit {
  path: string;
  doc: WorkflowDoc;
  job: Job;
}

export function jobsOf(project: WorkflowProject): JobVisit[] {
  return project.files.flatMap(({ path, document }) => document.jobs.map((job) => ({ path, doc: document, job })));
}

export const GHA_HARDENING = 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions';
export const PWN_REQUEST = 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/';
export const UNTRUSTED_INPUT = 'https://securitylab.github.com/resources/github-actions-untrusted-input/';

export function refs(extra: References): References {
  return { ...extra, urls: [...(extra.urls ?? []), GHA_HARDENING] };
}

/** The BOM asset of a job (discovery emits one per job: `ci-job:<path>#<job>`). */
export function jobAssetId(path: string, jobId: string): string {
  return `ci-job:${path}#${jobId}`;
}
