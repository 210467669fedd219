/**
 * Gemini CLI: an MCP server with `trust: true` bypasses every tool-call confirmation for that server,
 * and an approval mode of `yolo` does so for all tools.
 */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configHit, configsOf, get, serverHit } from './shared.js';

const YOLO_KEYS: string[][] = [['approvalMode'], ['defaultApprovalMode'], ['general', 'defaultApprovalMode'], ['tools', 'approvalMode'], ['security', 'approvalMode']];

export const geminiTrustYolo: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/gemini-trust-yolo',
    title: 'Gemini CLI runs tools without confirmation (trust / yolo)',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'In `.gemini/settings.json`, `trust: true` on an MCP server skips the confirmation for every call to that server\'s tools, and an approval mode of `yolo` skips it for every tool, shell commands included. Injected instructions in a file, issue or tool result then run unasked.',
    remediation: 'Remove `trust: true` (confirm calls, or allow specific tools with `includeTools`); keep the default approval mode.',
    references: { cwe: ['CWE-250', 'CWE-862'], owaspLlm: ['LLM06'], atlas: ['AML.T0051'], urls: ['https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md'] },
    tags: ['ai-agent', 'gemini-cli', 'mcp'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'gemini-cli')) {
      for (const s of v.doc.mcpServers) if (s.trust) hits.push(serverHit(v, s, `${v.path} trusts MCP server '${s.name}': its tool calls run without confirmation`, '"trust": true'));
      for (const key of YOLO_KEYS) {
        const val = get(v.doc.value, key);
        if (typeof val === 'string' && val.toLowerCase() === 'yolo') hits.push(configHit(v, key, `${v.path} sets ${key.join('.')} to yolo: every tool runs without confirmation`, `"${key[key.length - 1]}": "yolo"`));
      }
    }
    return hits;
  },
};
