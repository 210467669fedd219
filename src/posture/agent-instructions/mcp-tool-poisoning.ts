/** MCP tool descriptions in server source that carry hidden text or hidden instructions ("tool poisoning"). */
import type { InstructionProject } from '../../documents/agent-instructions/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { hiddenHits } from './hidden-report.js';

export const mcpToolPoisoning: PostureRule<InstructionProject> = {
  meta: {
    id: 'mcp/tool-poisoning',
    title: 'Hidden instructions in an MCP tool description',
    severity: 'high',
    category: 'unsafe-artifact',
    confidence: 'medium',
    description: 'A tool defined in this repository\'s MCP server source (a FastMCP `@mcp.tool` decorator and docstring, or `server.tool("name", "description", …)`) has a description with invisible Unicode (tag characters, zero-width, bidirectional overrides, also written as `\\u` escapes) or an instruction block (`<IMPORTANT>…</IMPORTANT>`, an HTML comment) telling the model to read files, leak secrets or keep quiet. Clients pass descriptions to the model verbatim but show users little of them.',
    remediation: 'Rewrite the description as a plain statement of what the tool does; remove invisible characters and instruction blocks; pin and review third-party MCP servers before enabling them.',
    references: { cwe: ['CWE-1427', 'CWE-451'], owaspLlm: ['LLM01', 'LLM03'], atlas: ['AML.T0051.001'], urls: ['https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks'] },
    tags: ['mcp', 'prompt-injection'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      if (doc.type !== 'mcp-source') continue;
      for (const seg of doc.segments) hits.push(...hiddenHits(path, seg, { source: true, where: `${seg.label} in ${path}`, assetId: mcpSourceAssetId(path, doc.serverName) }));
    }
    return hits;
  },
};

export function mcpSourceAssetId(path: string, name: string | undefined): string {
  return `mcp-server:${name ?? path}`;
}
