/**
 * The posture analyzers (misconfiguration and exposure checks), one per document kind, in registry
 * order. Explicit imports, no globbing at runtime (STYLE.md §6).
 */
import type { Analyzer } from '../core/analyzer.js';
import { composeKind } from '../documents/compose/index.js';
import { dockerfileKind } from '../documents/dockerfile/index.js';
import { kubernetesKind } from '../documents/kubernetes/index.js';
import { agentConfigAnalyzer } from './agent-config/index.js';
import { agentInstructionsAnalyzer } from './agent-instructions/index.js';
import { postureAnalyzer } from './analyzer.js';
import { cloudFormationPostureAnalyzer } from './cloudformation/analyzer.js';
import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import { terraformPostureAnalyzer } from './terraform/analyzer.js';
import { workflowAnalyzer } from './workflow/index.js';

export const postureAnalyzers: Analyzer[] = [
  terraformPostureAnalyzer,
  cloudFormationPostureAnalyzer,
  postureAnalyzer({ kind: kubernetesKind, rules: kubernetesRules }),
  postureAnalyzer({ kind: composeKind, rules: composeRules }),
  postureAnalyzer({ kind: dockerfileKind, rules: dockerfileRules }),
  workflowAnalyzer,
  agentConfigAnalyzer,
  agentInstructionsAnalyzer,
];
