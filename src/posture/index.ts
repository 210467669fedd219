/**
 * The posture analyzers (misconfiguration and exposure checks), one per document kind, in registry
 * order. Explicit imports, no globbing at runtime (STYLE.md §6).
 */
import type { Analyzer } from '../core/analyzer.js';
import { agentConfigAnalyzer } from './agent-config/index.js';
import { agentInstructionsAnalyzer } from './agent-instructions/index.js';
import { cloudFormationPostureAnalyzer } from './cloudformation/analyzer.js';
import { composePostureAnalyzer } from './compose/analyzer.js';
import { dockerfilePostureAnalyzer } from './dockerfile/analyzer.js';
import { kubernetesPostureAnalyzer } from './kubernetes/analyzer.js';
import { terraformPostureAnalyzer } from './terraform/analyzer.js';
import { workflowAnalyzer } from './workflow/index.js';

export const postureAnalyzers: Analyzer[] = [
  terraformPostureAnalyzer,
  cloudFormationPostureAnalyzer,
  kubernetesPostureAnalyzer,
  composePostureAnalyzer,
  dockerfilePostureAnalyzer,
  workflowAnalyzer,
  agentConfigAnalyzer,
  agentInstructionsAnalyzer,
];
