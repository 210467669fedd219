/**
 * The posture analyzers (misconfiguration and exposure checks), one per document kind, in registry
 * order. Explicit imports, no globbing at runtime (STYLE.md §6).
 */
import type { Analyzer } from '../core/analyzer.js';

export const postureAnalyzers: Analyzer[] = [];
