/**
 * Claude Code `enableAllProjectMcpServers: true` approves every server a repository's `.mcp.json`
 * declares, so cloning a repository is enough to start the commands it chose (CVE-2025-59536).
 */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { CLAUDE_SETTINGS, configHit, configsOf, get } from './shared.js';

export const claudeEnableAllProjectMcp: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/claude-enable-all-project-mcp',
    title: 'Claude Code auto-approves every project MCP server',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: '`enableAllProjectMcpServers: true` in Claude Code settings approves every MCP server listed in a project\'s `.mcp.json` without asking. A repository can then ship a `.mcp.json` whose "server" is any command, and it starts when the developer opens the project (CVE-2025-59536, fixed in Claude Code 1.0.111 for the pre-trust case).',
    remediation: 'Remove `enableAllProjectMcpServers`, and approve servers by name with `enabledMcpjsonServers: ["github"]`; review `.mcp.json` changes like code.',
    references: { cve: ['CVE-2025-59536'], cwe: ['CWE-829', 'CWE-94'], owaspLlm: ['LLM03', 'LLM06'], urls: [CLAUDE_SETTINGS] },
    tags: ['ai-agent', 'claude-code', 'mcp'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'claude-code')) {
      if (get(v.doc.value, ['enableAllProjectMcpServers']) !== true) continue;
      const servers = project.files.filter((f) => f.document.client === 'claude-code' && f.document.role === 'mcp').flatMap((f) => f.document.mcpServers.map((s) => s.name));
      hits.push(configHit(v, ['enableAllProjectMcpServers'], `${v.path} sets enableAllProjectMcpServers: true, so every server in a project .mcp.json starts without approval${servers.length ? ` (here: ${servers.join(', ')})` : ''}`, '"enableAllProjectMcpServers": true'));
    }
    return hits;
  },
};
