/** The CloudFormation posture analyzer: one template per project view. */
import { cloudFormationKind } from '../../documents/cloudformation/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { cloudFormationRules } from './index.js';

export const cloudFormationPostureAnalyzer = postureAnalyzer({ kind: cloudFormationKind, rules: cloudFormationRules });
