/** The dockerfile posture analyzer (its own module, so that a scan loads it only for the files it wants). */
import { dockerfileKind } from '../../documents/dockerfile/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { dockerfileRules } from './index.js';

export const dockerfilePostureAnalyzer = postureAnalyzer({ kind: dockerfileKind, rules: dockerfileRules });
