/**
 * OpenClaw gateway bound beyond loopback (`bind: lan|custom|auto`, Tailscale funnel) with no auth or
 * with the auth token written in the config: anyone on the network (tens of thousands of exposed
 * gateways were found) drives the agent and its tools.
 */
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configHit, configsOf, get } from './shared.js';

export const openclawGatewayExposed: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'agent/openclaw-gateway-exposed',
    title: 'OpenClaw gateway reachable beyond loopback without a protected token',
    severity: 'critical',
    category: 'exposure',
    confidence: 'medium',
    description: 'The OpenClaw gateway (the WebSocket control plane on port 18789 that drives the agent, its channels and tools) is bound beyond loopback (`gateway.bind` `lan`, `custom`/`auto` on a non-loopback host, or Tailscale `funnel`), and `gateway.auth` is missing, `none`, or carries its token or password literally in the file. Anyone who can reach the port, or read the file, controls the agent.',
    remediation: 'Keep `gateway.bind: "loopback"` and reach it through Tailscale `serve` or an SSH tunnel; when it must listen on a network, use `auth.mode: "token"` with the token from `OPENCLAW_GATEWAY_TOKEN` (not in the file) or `trusted-proxy` behind an identity-aware proxy.',
    references: { cwe: ['CWE-306', 'CWE-798', 'CWE-668'], owaspLlm: ['LLM06'], attack: ['T1133'], urls: ['https://docs.openclaw.ai/help/faq/config-basics'] },
    tags: ['ai-agent', 'openclaw', 'exposure'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project, 'openclaw')) {
      const gw = get(v.doc.value, ['gateway']);
      if (gw === undefined) continue;
      const bind = String(get(gw, ['bind']) ?? 'loopback').toLowerCase();
      const host = String(get(gw, ['host']) ?? get(gw, ['customBindHost']) ?? '');
      const funnel = String(get(gw, ['tailscale', 'mode']) ?? '') === 'funnel';
      const beyond = funnel || bind === 'lan' || ((bind === 'custom' || bind === 'auto') && !/^(?:127\.|localhost$|::1$)/.test(host));
      if (!beyond) continue;
      const mode = String(get(gw, ['auth', 'mode']) ?? (get(gw, ['auth', 'token']) ? 'token' : get(gw, ['auth', 'password']) ? 'password' : 'none')).toLowerCase();
      const secret = get(gw, ['auth', mode === 'password' ? 'password' : 'token']);
      const literal = typeof secret === 'string' && secret.length > 0 && !/^\$\{?[A-Z_][A-Z0-9_]*\}?$/.test(secret) && !/^(?:env:|secretref:)/i.test(secret);
      const where = funnel ? 'exposed through Tailscale funnel' : `bound to '${bind}'${host ? ` (${host})` : ''}`;
      const authBlock = get(gw, ['auth']);
      if (mode === 'none' || authBlock === undefined) {
        // Without an auth block the gateway needs OPENCLAW_GATEWAY_TOKEN from the environment; `none` is explicit.
        hits.push(configHit(v, ['gateway', 'bind'], `${v.path}: the OpenClaw gateway is ${where} with ${mode === 'none' && authBlock !== undefined ? 'authentication turned off' : 'no authentication in its config'}`, `bind: ${bind}, auth: ${authBlock === undefined ? '(none)' : mode}`, { severity: authBlock === undefined ? 'high' : 'critical' }));
      } else if (literal) {
        hits.push(configHit(v, ['gateway', 'auth', mode === 'password' ? 'password' : 'token'], `${v.path}: the OpenClaw gateway is ${where} and its ${mode} is written in the file`, `${mode}: ${String(secret).slice(0, 4)}…(${String(secret).length} chars)`, { severity: 'high' }));
      }
    }
    return hits;
  },
};
