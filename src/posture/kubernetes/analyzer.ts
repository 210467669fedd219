/** The kubernetes posture analyzer (its own module, so that a scan loads it only for the files it wants). */
import { kubernetesKind } from '../../documents/kubernetes/index.js';
import { postureAnalyzer } from '../analyzer.js';
import { kubernetesRules } from './index.js';

export const kubernetesPostureAnalyzer = postureAnalyzer({ kind: kubernetesKind, rules: kubernetesRules });
