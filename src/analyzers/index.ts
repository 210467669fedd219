/**
 * The analyzer registry: every static analyzer that `aigis scan` runs, in a fixed order.
 * Explicit imports, no globbing at runtime (see STYLE.md §6).
 */
import type { Analyzer, Enricher } from '../core/analyzer.js';
import { bomGraphEnricher, discoveryAnalyzers } from '../discovery/index.js';
import { secretsAnalyzer } from '../secrets/analyzer.js';
import { modelPickleAnalyzer } from './model-pickle.js';
import { packagesAnalyzer } from './packages.js';
import { vulnEnricher } from '../vuln/enricher.js';

export const analyzers: Analyzer[] = [
  secretsAnalyzer,
  modelPickleAnalyzer,
  packagesAnalyzer,
  ...discoveryAnalyzers,
];

/** Whole-report enrichers (advisory matching, attack paths), run after all analyzers. */
export const enrichers: Enricher[] = [
  vulnEnricher,
  bomGraphEnricher,
];
