/**
 * The analyzer registry: every static analyzer that `aigis scan` runs, in a fixed order.
 * Explicit imports, no globbing at runtime (see STYLE.md §6).
 */
import type { Analyzer, Enricher } from '../core/analyzer.js';

export const analyzers: Analyzer[] = [
];

/** Whole-report enrichers (advisory matching, attack paths), run after all analyzers. */
export const enrichers: Enricher[] = [
];
