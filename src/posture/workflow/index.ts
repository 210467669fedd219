/**
 * The GitHub Actions posture analyzer: workflow documents (parsed once), their inventory, and the
 * workflow rules in registry order.
 */
import { discoverWorkflows } from '../../documents/workflow/discover.js';
import { workflowKind } from '../../documents/workflow/kind.js';
import { postureAnalyzer } from '../analyzer.js';
import { aiAgentUntrustedInput } from './ai-agent-untrusted-input.js';
import { artipacked } from './artipacked.js';
import { botConditions } from './bot-conditions.js';
import { excessivePermissions } from './excessive-permissions.js';
import { overprovisionedSecrets } from './overprovisioned-secrets.js';
import { secretsInherit } from './secrets-inherit.js';
import { selfHostedRunner } from './self-hosted-runner.js';
import { templateInjection } from './template-injection.js';
import { unpinnedUses } from './unpinned-uses.js';
import { untrustedCheckout } from './untrusted-checkout.js';

export const workflowRules = [
  aiAgentUntrustedInput,
  artipacked,
  botConditions,
  excessivePermissions,
  overprovisionedSecrets,
  secretsInherit,
  selfHostedRunner,
  templateInjection,
  unpinnedUses,
  untrustedCheckout,
];

export const workflowAnalyzer = postureAnalyzer({ kind: workflowKind, rules: workflowRules, discover: discoverWorkflows });
