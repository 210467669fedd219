/**
 * The `workflow` document kind: GitHub Actions workflow files and composite actions. One project view
 * holds every workflow of the target, so that a caller and the local reusable workflow it calls are
 * seen together.
 */
import type { DocumentKind } from '../../posture/rule.js';
import { parseWorkflow } from './parse.js';
import type { WorkflowDoc, WorkflowProject } from './types.js';

const MAX_BYTES = 2 * 1024 * 1024;

export function isWorkflowPath(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

export function isActionPath(path: string): boolean {
  return /(?:^|\/)action\.ya?ml$/i.test(path);
}

export const workflowKind: DocumentKind<WorkflowDoc, WorkflowProject> = {
  name: 'workflow',
  match: (f) => isWorkflowPath(f.path) || isActionPath(f.path),
  maxBytes: MAX_BYTES,
  noteTooLarge: true,
  parse: ({ path, text }) => parseWorkflow(path, text),
  project: (documents) => (documents.length ? [{ files: documents }] : []),
};
