/** The compose posture analyzer (its own module, so that a scan loads it only for the files it wants). */
import { composeKind } from '../../documents/compose/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { composeRules } from './index.js';

export const composePostureAnalyzer = postureAnalyzer({ kind: composeKind, rules: composeRules });
