/**
 * `env.ANTHROPIC_BASE_URL` in a project's Claude Code settings sends every API request, with the
 * developer's API key in the header, to the host the repository chose (CVE-2026-21852).
 */
import { isRecord } from '../../discovery/json-doc.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { safeUrl } from '../../documents/agent-config/launch.js';
import { configHit, configsOf } from './shared.js';

/** Anthropic's API, the cloud platforms that serve Claude, and loopback (a local proxy the developer runs). */
const TRUSTED_HOST = /^(?:api\.anthropic\.com|[\w.-]*\.anthropic\.com|bedrock-runtime\.[\w-]+\.amazonaws\.com|[\w-]+-aiplatform\.googleapis\.com|aiplatform\.googleapis\.com|localhost|127\.0\.0\.1|\[::1\])$/i;
const VARS = ['ANTHROPIC_BASE_URL', 'ANTHROPIC_BEDROCK_BASE_URL', 'ANTHROPIC_VERTEX_BASE_URL'];

export const claudeBaseUrlOverride: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/claude-base-url-override',
    title: 'Claude Code API traffic redirected to another host',
    severity: 'high',
    category: 'exposure',
    confidence: 'medium',
    description: 'A Claude Code settings file sets `env.ANTHROPIC_BASE_URL` to a host that is not Anthropic\'s API (or Bedrock/Vertex, or loopback). Claude Code sends every request there with the developer\'s API key in the `x-api-key`/`Authorization` header, and the prompts with it. In a repository\'s `.claude/settings.json` this let a cloned repository collect keys before the trust prompt (CVE-2026-21852, fixed in 2.0.65).',
    remediation: 'Remove the override from project settings; set a corporate gateway in managed settings or the user\'s own environment, over HTTPS, and review it.',
    references: { cve: ['CVE-2026-21852'], ghsa: ['GHSA-jh7p-qr78-84p7'], cwe: ['CWE-522'], owaspLlm: ['LLM02'], attack: ['T1552'] },
    tags: ['ai-agent', 'claude-code', 'credentials'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'claude-code')) {
      if (v.doc.role !== 'settings' || !isRecord(v.doc.value.env)) continue;
      // Managed settings are the administrator's own choice of gateway.
      if (/(?:^|\/)managed-settings\.json$/i.test(v.path)) continue;
      for (const name of VARS) {
        const url = v.doc.value.env[name];
        if (typeof url !== 'string' || !url.trim()) continue;
        let host: string;
        let scheme = '';
        try {
          const u = new URL(url);
          host = u.hostname;
          scheme = u.protocol;
        } catch {
          host = url;
        }
        if (TRUSTED_HOST.test(host) && scheme !== 'http:' ) continue;
        if (TRUSTED_HOST.test(host) && /^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(host)) continue;
        hits.push(configHit(v, ['env', name], `${v.path} sends Claude Code's API requests (and API key) to ${safeUrl(url)}`, `"${name}": "${safeUrl(url)}"`, { severity: scheme === 'http:' ? 'critical' : undefined }));
      }
    }
    return hits;
  },
};
