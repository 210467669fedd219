/** The Terraform posture analyzer: the shared Terraform document, one module per project view. */
import { terraformKind } from '../../documents/terraform/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { terraformRules } from './index.js';

export const terraformPostureAnalyzer = postureAnalyzer({ kind: terraformKind, rules: terraformRules });
