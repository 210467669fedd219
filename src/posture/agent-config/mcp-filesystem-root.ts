/** A filesystem MCP server rooted at `/` or the home directory: every tool call can read SSH keys, cloud credentials and browser data. */
import { launchedPackage } from '../../documents/agent-config/launch.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configsOf, serverHit } from './shared.js';

const FS_PACKAGES = /^(?:@modelcontextprotocol\/server-filesystem|mcp-server-filesystem|@cyanheads\/filesystem-mcp-server|filesystem-mcp|mcp-filesystem-server|@shtse8\/filesystem-mcp|server-filesystem)$/i;
const BROAD_ROOT = /^(?:\/|~|~\/|\$HOME\/?|\$\{HOME\}\/?|%USERPROFILE%\\?|\/home\/?|\/Users\/?|\/root\/?|\/home\/[^/]+\/?|\/Users\/[^/]+\/?|[A-Za-z]:\\?\\?|[A-Za-z]:\/)$/;

export const mcpFilesystemRoot: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'mcp/filesystem-root',
    title: 'Filesystem MCP server rooted at / or the home directory',
    severity: 'high',
    category: 'exposure',
    confidence: 'high',
    description: 'A filesystem MCP server is given `/`, a drive root or the home directory as an allowed root. Every file the user can read (SSH keys, `~/.aws/credentials`, browser profiles, other projects) is one tool call away, and an injected instruction can read it and pass it to a network tool.',
    remediation: 'Pass only the project directory (or a dedicated workspace) as the allowed root; mount sensitive directories nowhere.',
    references: { cwe: ['CWE-732', 'CWE-200'], owaspLlm: ['LLM02', 'LLM06'], attack: ['T1005'] },
    tags: ['mcp', 'filesystem'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project)) {
      for (const s of v.doc.mcpServers) {
        if (!s.command || s.disabled) continue;
        const pkg = launchedPackage(s.command, s.args);
        const isFs = (pkg && FS_PACKAGES.test(pkg.name)) || /filesystem/i.test(s.command);
        if (!isFs) continue;
        const roots = s.args.filter((a) => !a.startsWith('-') && BROAD_ROOT.test(a.trim()));
        if (!roots.length) continue;
        hits.push(serverHit(v, s, `filesystem MCP server '${s.name}' may read and write under ${roots.map((r) => `'${r}'`).join(', ')}`, [s.command, ...s.args].join(' ').slice(0, 200), { severity: roots.some((r) => /^(?:\/|[A-Za-z]:\\?\\?|[A-Za-z]:\/)$/.test(r)) ? 'critical' : undefined }));
      }
    }
    return hits;
  },
};
