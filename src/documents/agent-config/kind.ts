/**
 * The `agent-config` document kind. One project view holds every agent configuration of the target
 * (a server in `.mcp.json` and the `enableAllProjectMcpServers` that auto-approves it are two files).
 */
import type { DocumentKind } from '../../posture/rule.js';
import { detectAgentConfig } from './detect.js';
import { parseAgentConfig } from './parse.js';
import type { AgentConfigDoc, AgentConfigProject } from './types.js';

export const agentConfigKind: DocumentKind<AgentConfigDoc, AgentConfigProject> = {
  name: 'agent-config',
  match: (f) => detectAgentConfig(f.path) !== undefined,
  maxBytes: 2 * 1024 * 1024,
  noteTooLarge: true,
  parse: ({ path, text }) => parseAgentConfig(path, text),
  project: (documents) => (documents.length ? [{ files: documents }] : []),
};
