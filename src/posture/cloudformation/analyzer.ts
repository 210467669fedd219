/** The CloudFormation posture analyzer: one template per project view, with its inventory. */
import { cloudFormationKind } from '../../documents/cloudformation/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { discoverCloudFormation } from './discover.js';
import { cloudFormationRules } from './index.js';

export const cloudFormationPostureAnalyzer = postureAnalyzer({ kind: cloudFormationKind, rules: cloudFormationRules, discover: discoverCloudFormation });
