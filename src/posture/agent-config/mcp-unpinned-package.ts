/**
 * An MCP server launched with `npx -y pkg`, `uvx pkg`, `pkg@latest` or an image without a fixed tag:
 * every start fetches whatever the registry serves that day and runs it with the agent's access.
 */
import { launchedPackage } from '../../documents/agent-config/launch.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configsOf, serverHit } from './shared.js';

export const mcpUnpinnedPackage: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'mcp/unpinned-package',
    title: 'MCP server package not pinned to a version',
    severity: 'medium',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'An MCP server entry starts a package through `npx -y`, `bunx`, `uvx`/`pipx` or `docker run` without an exact version (no version, `@latest`, an image without a tag or with `:latest`). Each start runs whatever the registry serves then; a hijacked or typo-squatted release runs with the agent\'s files, tokens and tools (MCP supply-chain attacks such as the malicious postmark-mcp release).',
    remediation: 'Pin the exact version (`npx -y @modelcontextprotocol/server-github@2025.4.8`, `uvx mcp-server-git==2025.1.14`, an image `@sha256:` digest) and update it deliberately.',
    references: { cwe: ['CWE-829', 'CWE-1357'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], attack: ['T1195.001'] },
    tags: ['mcp', 'supply-chain'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project)) {
      for (const s of v.doc.mcpServers) {
        if (!s.command || s.disabled) continue;
        const pkg = launchedPackage(s.command, s.args);
        if (!pkg) continue;
        const pinned = pkg.kind === 'image' ? /@sha256:/.test(pkg.spec) || (!!pkg.version && pkg.version !== 'latest') : !!pkg.version;
        if (pinned) continue;
        hits.push(serverHit(v, s, `MCP server '${s.name}' runs ${pkg.kind === 'image' ? 'image' : 'package'} '${pkg.spec}' without a fixed version, fetched anew at each start`, [s.command, ...s.args].join(' ').slice(0, 160), { properties: { package: pkg.name, ecosystem: pkg.kind } }));
      }
    }
    return hits;
  },
};
