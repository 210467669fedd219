export { workflowKind, isWorkflowPath, isActionPath } from './kind.js';
export { parseWorkflow } from './parse.js';
export type * from './types.js';
export * from './model.js';
