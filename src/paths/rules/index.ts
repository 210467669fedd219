/** The path rules, in the order the engine tries them (first match names a path). Explicit imports. */
import { exposedServerToAiAccount } from './exposed-server-to-ai-account.js';
import { exposedServerToData } from './exposed-server-to-data.js';
import { exposedWorkloadToNode } from './exposed-workload-to-node.js';
import { leakedKeyToAiAccount } from './leaked-key-to-ai-account.js';
import type { PathRule } from './rule.js';
import { untrustedCiToCloud } from './untrusted-ci-to-cloud.js';
import { untrustedCiToCredentials } from './untrusted-ci-to-credentials.js';
import { unsafeModelToWorkload } from './unsafe-model-to-workload.js';

export const PATH_RULES: readonly PathRule[] = [
  exposedServerToData,
  exposedServerToAiAccount,
  exposedWorkloadToNode,
  untrustedCiToCloud,
  untrustedCiToCredentials,
  leakedKeyToAiAccount,
  unsafeModelToWorkload,
];

export type { PathRule } from './rule.js';
