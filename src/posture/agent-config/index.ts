/**
 * The agent and MCP client configuration posture analyzer: agent-config documents (parsed once), their
 * inventory (agents, MCP servers, the packages and images behind them), and the rules.
 */
import { discoverAgentConfigs } from '../../documents/agent-config/discover.js';
import { agentConfigKind } from '../../documents/agent-config/kind.js';
import { postureAnalyzer } from '../analyzer.js';
import { broadShellAllow } from './broad-shell-allow.js';
import { claudeBaseUrlOverride } from './claude-base-url-override.js';
import { claudeBypassPermissions } from './claude-bypass-permissions.js';
import { claudeEnableAllProjectMcp } from './claude-enable-all-project-mcp.js';
import { claudeHookRemoteCode } from './claude-hook-remote-code.js';
import { codexNoSandbox } from './codex-no-sandbox.js';
import { geminiTrustYolo } from './gemini-trust-yolo.js';
import { mcpDockerHostAccess } from './mcp-docker-host-access.js';
import { mcpFilesystemRoot } from './mcp-filesystem-root.js';
import { mcpPlainHttp } from './mcp-plain-http.js';
import { mcpUnpinnedPackage } from './mcp-unpinned-package.js';
import { openclawGatewayExposed } from './openclaw-gateway-exposed.js';
import { vscodeAutoApprove } from './vscode-auto-approve.js';

export const agentConfigRules = [
  broadShellAllow,
  claudeBaseUrlOverride,
  claudeBypassPermissions,
  claudeEnableAllProjectMcp,
  claudeHookRemoteCode,
  codexNoSandbox,
  geminiTrustYolo,
  openclawGatewayExposed,
  vscodeAutoApprove,
  mcpDockerHostAccess,
  mcpFilesystemRoot,
  mcpPlainHttp,
  mcpUnpinnedPackage,
];

export const agentConfigAnalyzer = postureAnalyzer({ kind: agentConfigKind, rules: agentConfigRules, discover: discoverAgentConfigs });
