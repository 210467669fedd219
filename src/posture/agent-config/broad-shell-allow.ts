/**
 * An allow rule that admits any shell command (`Bash`, `Bash(*)` in Claude Code; `Shell(*)` in the
 * Cursor CLI; `run_shell_command` in Gemini CLI's allowed tools): the approval prompt for commands is
 * gone, so injected instructions run `curl … | sh` unasked.
 */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { CLAUDE_SETTINGS, configHit, configsOf, get } from './shared.js';

const BROAD: Record<string, { list: string[]; re: RegExp }> = {
  'claude-code': { list: ['permissions', 'allow'], re: /^(?:Bash|Bash\(\s*\*?\s*(?::\s*\*)?\s*\)|Bash\(\*\*\))$/ },
  cursor: { list: ['permissions', 'allow'], re: /^(?:Shell|Shell\(\s*\*{1,2}\s*\))$/ },
  'gemini-cli': { list: ['tools', 'allowed'], re: /^(?:run_shell_command|ShellTool)$/ },
};

export const broadShellAllow: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/broad-shell-allow',
    title: 'Agent allowed to run any shell command without approval',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'An agent settings file pre-approves every shell command: `Bash` or `Bash(*)` in Claude Code `permissions.allow`, `Shell(*)` in the Cursor CLI, `run_shell_command` without a command prefix in Gemini CLI `tools.allowed`. The agent then runs any command an injected instruction asks for, with the developer\'s credentials.',
    remediation: 'Allow only the commands the workflow needs, by prefix (`Bash(npm run test:*)`, `Shell(git status)`, `run_shell_command(git diff)`), and deny network tools (`Bash(curl:*)`).',
    references: { cwe: ['CWE-250', 'CWE-78'], owaspLlm: ['LLM06'], atlas: ['AML.T0051'], urls: [CLAUDE_SETTINGS] },
    tags: ['ai-agent'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, ['claude-code', 'cursor', 'gemini-cli'])) {
      const spec = BROAD[v.doc.client];
      const list = get(v.doc.value, spec.list);
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        if (typeof entry !== 'string' || !spec.re.test(entry.trim())) return;
        hits.push(configHit(v, [...spec.list, i], `${v.path} pre-approves every shell command with '${entry}' in ${spec.list.join('.')}`, JSON.stringify(entry)));
      });
    }
    return hits;
  },
};
