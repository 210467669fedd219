/**
 * The analyzer registry: every static analyzer that `aigis scan` runs, in a fixed order.
 * Explicit imports, no globbing at runtime (see STYLE.md §6).
 */
import type { Analyzer, Enricher } from '../core/analyzer.js';
import { bomGraphEnricher, discoveryAnalyzers } from '../discovery/index.js';
import { secretsAnalyzer } from '../secrets/analyzer.js';
import { modelPickleAnalyzer } from './model-pickle.js';
import { modelFormatsAnalyzer } from '../models/formats-analyzer.js';
import { packagesAnalyzer } from './packages.js';
import { postureAnalyzers } from '../posture/index.js';
import { vulnEnricher } from '../vuln/enricher.js';
import { graphInfraAnalyzer } from '../paths/infra-analyzer.js';
import { pathsEnricher } from '../paths/enricher.js';

export const analyzers: Analyzer[] = [
  secretsAnalyzer,
  modelPickleAnalyzer,
  modelFormatsAnalyzer,
  packagesAnalyzer,
  ...discoveryAnalyzers,
  ...postureAnalyzers,
  // Last: its workload stubs merge into the assets discovery reported first (same ids).
  graphInfraAnalyzer,
];

/** Whole-report enrichers (advisory matching, attack paths), run after all analyzers. */
export const enrichers: Enricher[] = [
  vulnEnricher,
  bomGraphEnricher,
  // Last: walks the assets, relations and findings every other stage produced.
  pathsEnricher,
];
