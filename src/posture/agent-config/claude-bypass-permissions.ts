/** Claude Code `permissions.defaultMode: "bypassPermissions"`: every tool call runs without asking. */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { CLAUDE_SETTINGS, configHit, configsOf, get } from './shared.js';

export const claudeBypassPermissions: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/claude-bypass-permissions',
    title: 'Claude Code runs every tool without approval (bypassPermissions)',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'A Claude Code settings file sets `permissions.defaultMode` to `bypassPermissions` (the `--dangerously-skip-permissions` mode): shell commands, file writes and MCP tools run without a prompt. A prompt injection in any file, issue or web page the agent reads then runs as the developer. In a committed `.claude/settings.json` it applies to everyone who opens the repository.',
    remediation: 'Use `defaultMode: "default"` (or `acceptEdits`/`plan`) and allow specific commands in `permissions.allow` (`Bash(npm test:*)`); keep bypass mode for throw-away sandboxes (containers without credentials).',
    references: { cwe: ['CWE-250', 'CWE-862'], owaspLlm: ['LLM06'], atlas: ['AML.T0051'], urls: [CLAUDE_SETTINGS] },
    tags: ['ai-agent', 'claude-code'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'claude-code')) {
      if (get(v.doc.value, ['permissions', 'defaultMode']) !== 'bypassPermissions') continue;
      hits.push(configHit(v, ['permissions', 'defaultMode'], `${v.path} sets permissions.defaultMode to bypassPermissions: Claude Code runs every tool call without asking`, '"defaultMode": "bypassPermissions"'));
    }
    return hits;
  },
};
