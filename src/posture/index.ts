/**
 * The posture analyzers (misconfiguration and exposure checks), one per document kind, in registry
 * order. Explicit imports, no globbing at runtime (STYLE.md §6).
 */
import type { Analyzer } from '../core/analyzer.js';
import { cloudFormationPostureAnalyzer } from './cloudformation/analyzer.js';
import { terraformPostureAnalyzer } from './terraform/analyzer.js';

export const postureAnalyzers: Analyzer[] = [terraformPostureAnalyzer, cloudFormationPostureAnalyzer];
