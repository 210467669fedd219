/** A remote MCP server reached over plain `http://` (not loopback): tool calls, results and bearer tokens travel in clear text. */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import { safeUrl } from '../../documents/agent-config/launch.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configsOf, serverHit } from './shared.js';

const LOOPBACK = /^(?:localhost|0\.0\.0\.0|127(?:\.\d+){3}|\[::1\]|host\.docker\.internal)$/i;

export const mcpPlainHttp: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'mcp/plain-http-remote',
    title: 'Remote MCP server over plain HTTP',
    severity: 'medium',
    category: 'exposure',
    confidence: 'high',
    description: 'An MCP server entry connects to a non-loopback host over `http://`. Anyone on the path can read the tool calls and results and the `Authorization` headers the client sends, or rewrite tool descriptions and results to inject instructions into the agent.',
    remediation: 'Use `https://` for every remote MCP server; keep plain HTTP only for `localhost`.',
    references: { cwe: ['CWE-319'], owaspLlm: ['LLM02'], attack: ['T1557'] },
    tags: ['mcp', 'transport'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project)) {
      for (const s of v.doc.mcpServers) {
        if (!s.url || s.disabled || !/^http:\/\//i.test(s.url)) continue;
        let host = '';
        try {
          host = new URL(s.url).hostname;
        } catch {
          continue;
        }
        if (LOOPBACK.test(host)) continue;
        hits.push(serverHit(v, s, `MCP server '${s.name}' is reached over plain HTTP at ${safeUrl(s.url)}${s.headerKeys.length ? ` and sends headers ${s.headerKeys.join(', ')}` : ''}`, safeUrl(s.url), { severity: s.headerKeys.length ? 'high' : undefined }));
      }
    }
    return hits;
  },
};
