/**
 * Codex `approval_policy = "never"` (no confirmation) and `sandbox_mode = "danger-full-access"` (no
 * sandbox), at the top level or in a profile. Both together are the `--yolo` mode.
 */
import { isRecord } from '../../discovery/json-doc.js';
import type { AgentConfigProject, ConfigPath } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configHit, configsOf } from './shared.js';

export const codexNoSandbox: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/codex-no-sandbox',
    title: 'Codex runs without approvals or sandbox',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'A Codex `config.toml` sets `sandbox_mode = "danger-full-access"` (commands run with full disk and network access) and/or `approval_policy = "never"` (nothing is confirmed). Together they are Codex\'s `--dangerously-bypass-approvals-and-sandbox` mode: injected instructions run with the user\'s full privileges.',
    remediation: 'Use `sandbox_mode = "workspace-write"` (network off) with `approval_policy = "on-request"` or `"untrusted"`; reserve full access for disposable containers.',
    references: { cwe: ['CWE-250', 'CWE-862'], owaspLlm: ['LLM06'], atlas: ['AML.T0051'], urls: ['https://developers.openai.com/codex/security'] },
    tags: ['ai-agent', 'codex'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'codex')) {
      const scopes: { path: ConfigPath; t: Record<string, unknown> }[] = [{ path: [], t: v.doc.value }];
      if (isRecord(v.doc.value.profiles)) for (const [name, p] of Object.entries(v.doc.value.profiles)) if (isRecord(p)) scopes.push({ path: ['profiles', name], t: p });
      for (const { path, t } of scopes) {
        const full = t.sandbox_mode === 'danger-full-access';
        const never = t.approval_policy === 'never';
        const where = path.length ? `profile '${path[1]}'` : v.path;
        if (full) hits.push(configHit(v, [...path, 'sandbox_mode'], `${where} sets sandbox_mode = "danger-full-access"${never ? ' with approval_policy = "never"' : ''}: commands run unsandboxed`, 'sandbox_mode = "danger-full-access"', { severity: never ? 'critical' : 'high' }));
        else if (never && t.sandbox_mode !== 'read-only') hits.push(configHit(v, [...path, 'approval_policy'], `${where} sets approval_policy = "never": commands run without confirmation`, 'approval_policy = "never"', { severity: 'medium' }));
      }
    }
    return hits;
  },
};
