/**
 * The discovery (AI-BOM) analyzers, in registry order.
 */
import type { Analyzer } from '../core/analyzer.js';
import { codeAnalyzer } from './code/analyzer.js';
import { composeAnalyzer } from './infra/compose.js';
import { dockerfileAnalyzer } from './infra/dockerfile.js';
import { dotenvAnalyzer } from './infra/dotenv.js';
import { imageConfigAnalyzer } from './infra/image-config.js';
import { k8sAnalyzer } from './infra/k8s.js';
import { terraformAnalyzer } from './infra/terraform.js';
import { modelFileAnalyzer } from './model-files.js';
import { modelSidecarAnalyzer } from './model-sidecars.js';
import { shellScriptAnalyzer } from './infra/shell-scripts.js';
import { rayServeAnalyzer } from './infra/ray-serve.js';

export const discoveryAnalyzers: Analyzer[] = [
  codeAnalyzer,
  modelFileAnalyzer,
  modelSidecarAnalyzer,
  k8sAnalyzer,
  composeAnalyzer,
  dockerfileAnalyzer,
  terraformAnalyzer,
  imageConfigAnalyzer,
  shellScriptAnalyzer,
  rayServeAnalyzer,
  dotenvAnalyzer,
];

export { bomGraphEnricher } from './graph.js';
