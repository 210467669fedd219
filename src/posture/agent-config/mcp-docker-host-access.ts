/**
 * An MCP server run as a container whose `docker run` arguments hand it the host: `--privileged`,
 * the host root or Docker socket mounted, host network or PID namespace, SYS_ADMIN.
 */
import { launcher } from '../../documents/agent-config/launch.js';
import type { AgentConfigProject } from '../../documents/agent-config/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { configsOf, serverHit } from './shared.js';

/** Each test looks at one argument and the one after it (flag value). */
const DANGERS: { why: string; test: (a: string, next: string) => boolean }[] = [
  { why: '--privileged', test: (a) => a === '--privileged' || a === '--privileged=true' },
  { why: 'host root mounted', test: (a, n) => /^(?:-v|--volume)$/.test(a) ? /^\/(?::|$)/.test(n) : /^(?:-v|--volume)=\/(?::|$)/.test(a) || (a === '--mount' && /(?:source|src)=\/(?:,|$)/.test(n)) },
  { why: 'Docker socket mounted', test: (a, n) => (/^(?:-v|--volume|--mount)$/.test(a) && /docker\.sock/.test(n)) || /^(?:-v|--volume|--mount)=.*docker\.sock/.test(a) },
  { why: 'host network', test: (a, n) => (/^(?:--network|--net)$/.test(a) && n === 'host') || /^(?:--network|--net)=host$/.test(a) },
  { why: 'host PID namespace', test: (a, n) => (a === '--pid' && n === 'host') || a === '--pid=host' },
  { why: 'SYS_ADMIN capability', test: (a, n) => (a === '--cap-add' && /^(?:SYS_ADMIN|ALL)$/i.test(n)) || /^--cap-add=(?:SYS_ADMIN|ALL)$/i.test(a) },
];

export const mcpDockerHostAccess: PostureRule<AgentConfigProject> = {
  meta: {
    id: 'mcp/docker-host-access',
    title: 'MCP server container given access to the host',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'high',
    description: 'An MCP server is started with `docker run` arguments that remove the container boundary: `--privileged`, a bind mount of `/` or of the Docker socket, `--network host`, `--pid host` or `--cap-add SYS_ADMIN`. A tool the agent is tricked into calling, or a compromised server image, then controls the developer\'s machine.',
    remediation: 'Run MCP server containers with `--rm -i`, no extra capabilities, the default bridge network (or `--network none`), and mount only the project directory, read-only where possible.',
    references: { cwe: ['CWE-250', 'CWE-668'], owaspLlm: ['LLM06'], attack: ['T1611'] },
    tags: ['mcp', 'container'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const v of configsOf(project)) {
      for (const s of v.doc.mcpServers) {
        if (!s.command || s.disabled || !['docker', 'podman'].includes(launcher(s.command)) || !s.args.includes('run')) continue;
        const found = new Set<string>();
        s.args.forEach((a, i) => {
          for (const d of DANGERS) if (d.test(a, s.args[i + 1] ?? '')) found.add(d.why);
        });
        if (!found.size) continue;
        const why = [...found];
        hits.push(serverHit(v, s, `MCP server '${s.name}' runs a container with ${why.join(', ')}`, [s.command, ...s.args].join(' ').slice(0, 200), { severity: why.some((w) => w !== 'host network') ? 'critical' : 'high' }));
      }
    }
    return hits;
  },
};
