/**
 * Claude Code hooks are shell commands the agent runs on events (session start, before a tool …).
 * A hook that downloads and executes code (`curl … | sh`) runs whatever the remote serves, on every
 * machine that opens the repository (CVE-2025-59536: project hooks ran before the trust prompt).
 */
import { isRecord } from '../../discovery/json-doc.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configHit, configsOf } from './shared.js';

/** Download piped or substituted into an interpreter, or a download-then-execute pair. */
export const FETCH_AND_RUN = [
  /\b(?:curl|wget|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b/i,
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:python3?|node|perl|ruby|bun|deno)\b/i,
  /(?:ba|z)?sh\s+(?:-c\s+)?["']?\$\(\s*(?:curl|wget)\b/i,
  /(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b/i,
  /\b(?:iex|Invoke-Expression)\b[^\n]*\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b/i,
  /\b(?:npx|bunx|uvx)\s+(?:-y\s+|--yes\s+)?(?:https?:\/\/|github:)/i,
];

export const claudeHookRemoteCode: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/claude-hook-remote-code',
    title: 'Agent hook downloads and runs code',
    severity: 'critical',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'A Claude Code hook (`hooks.<Event>[].hooks[].command`) fetches code from the network and executes it (`curl … | sh`, `bash <(wget …)`, `iex (iwr …)`). Hooks run automatically on agent events, so every developer and CI job that opens the repository runs what the remote serves at that moment (CVE-2025-59536).',
    remediation: 'Commit the hook script to the repository and call it by path (`.claude/hooks/format.sh`), pinned and reviewed; never pipe downloads into an interpreter.',
    references: { cve: ['CVE-2025-59536'], cwe: ['CWE-494', 'CWE-829'], owaspLlm: ['LLM03'], attack: ['T1059', 'T1105'], urls: ['https://docs.anthropic.com/en/docs/claude-code/hooks'] },
    tags: ['ai-agent', 'claude-code', 'supply-chain'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'claude-code')) {
      const hooks = v.doc.value.hooks;
      if (!isRecord(hooks)) continue;
      for (const [event, groups] of Object.entries(hooks)) {
        if (!Array.isArray(groups)) continue;
        groups.forEach((g, gi) => {
          const list = isRecord(g) && Array.isArray(g.hooks) ? g.hooks : [];
          list.forEach((h, hi) => {
            const cmd = isRecord(h) && typeof h.command === 'string' ? h.command : undefined;
            if (!cmd || !FETCH_AND_RUN.some((r) => r.test(cmd))) return;
            hits.push(configHit(v, ['hooks', event, gi, 'hooks', hi, 'command'], `${v.path} runs a ${event} hook that downloads and executes code: ${cmd.slice(0, 120)}`, cmd.slice(0, 160)));
          });
        });
      }
    }
    return hits;
  },
};
