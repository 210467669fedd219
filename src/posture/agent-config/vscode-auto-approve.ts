/**
 * VS Code (Copilot agent mode) `chat.tools.autoApprove: true` / `chat.tools.global.autoApprove: true`
 * ("YOLO mode"): every tool call, terminal commands included, runs without confirmation. A prompt
 * injection wrote exactly this setting into `.vscode/settings.json` to get code execution
 * (CVE-2025-53773). Terminal auto-approve rules that match every command count too.
 */
import { isRecord } from '../../discovery/json-doc.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configHit, configsOf } from './shared.js';

const GLOBAL_KEYS = ['chat.tools.autoApprove', 'chat.tools.global.autoApprove'];
/** A terminal rule that matches every command line: the regex dot-star between slashes (optionally anchored), or a bare star. */
const MATCH_ALL = /^(?:\/\^?\.[*+]\$?\/[a-z]*|\*|\.\*)$/;

export const vscodeAutoApprove: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/vscode-auto-approve',
    title: 'VS Code agent auto-approves every tool call (YOLO mode)',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: '`chat.tools.autoApprove` (now `chat.tools.global.autoApprove`) set to `true`, or a `chat.tools.terminal.autoApprove` rule that matches every command, lets Copilot\'s agent run terminal commands and tools without confirmation. CVE-2025-53773 used a prompt injection to write this setting into the workspace\'s `.vscode/settings.json` and then run arbitrary commands.',
    remediation: 'Remove the setting from workspace settings; approve tools per session, and list only specific safe commands in `chat.tools.terminal.autoApprove` (e.g. `"npm test": true`).',
    references: { cve: ['CVE-2025-53773'], cwe: ['CWE-250', 'CWE-77'], owaspLlm: ['LLM01', 'LLM06'], atlas: ['AML.T0051'] },
    tags: ['ai-agent', 'vscode', 'copilot'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'vscode-copilot')) {
      if (v.doc.role !== 'settings') continue;
      const root = v.doc.value;
      for (const key of GLOBAL_KEYS) {
        if (root[key] === true) hits.push(configHit(v, [key], `${v.path} sets ${key}: true: the agent runs every tool and terminal command without confirmation`, `"${key}": true`));
      }
      const terminal = root['chat.tools.terminal.autoApprove'];
      if (isRecord(terminal)) {
        for (const [pattern, on] of Object.entries(terminal)) {
          if (on !== true && !(isRecord(on) && on.approve === true)) continue;
          if (!MATCH_ALL.test(pattern.trim())) continue;
          hits.push(configHit(v, ['chat.tools.terminal.autoApprove', pattern], `${v.path} auto-approves every terminal command ('${pattern}')`, `"${pattern}": true`, { severity: 'high' }));
        }
      }
    }
    return hits;
  },
};
