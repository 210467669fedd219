/**
 * What an MCP server command launches: `npx -y pkg@1`, `uvx pkg`, `pipx run pkg`, `docker run … image`
 * (moved from the former bom-mcp-config analyzer; shared by inventory and rules).
 */
import { imagePurl, parseImageRef } from '../../catalog/ai-images.js';
import { npmPurl, pypiPurl } from '../../discovery/ids.js';

export interface Launched {
  kind: 'npm' | 'pypi' | 'image';
  id: string;
  name: string;
  /** Exact version or tag, when pinned. */
  version?: string;
  /** The specifier as written (`pkg@latest`, `pkg`). */
  spec: string;
}

export function basename(cmd: string): string {
  return cmd.slice(Math.max(cmd.lastIndexOf('/'), cmd.lastIndexOf('\\')) + 1);
}

export function launcher(command: string): string {
  return basename(command).replace(/\.(?:cmd|exe)$/i, '').toLowerCase();
}

/** A URL on this machine (an MCP server there is not a remote one). */
export const LOOPBACK_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::|\/|$)/i;

/** A URL without credentials, query or fragment (tokens often ride there). */
export function safeUrl(u: string): string {
  try {
    const url = new URL(u);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    return u.split('?')[0];
  }
}

export const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '--name', '-p', '--publish', '--network', '--net', '--env-file', '-w', '--workdir', '--user', '-u', '--mount', '--entrypoint', '--platform', '--pull', '-l', '--label', '--pid', '--ipc', '--cap-add', '--device', '--security-opt']);

export function launchedPackage(command: string, args: string[]): Launched | undefined {
  const cmd = launcher(command);
  const rest = args.filter((a) => !a.startsWith('-'));
  if (cmd === 'npx' || cmd === 'bunx' || (cmd === 'pnpm' && args[0] === 'dlx')) {
    const spec = (cmd === 'pnpm' ? rest.slice(1) : rest)[0];
    const m = spec ? /^((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)(?:@([\w.^~<>=*-]+))?$/i.exec(spec) : null;
    if (!m) return undefined;
    const pinned = m[2] && /^\d+\.\d+\.\d+/.test(m[2]) ? m[2] : undefined;
    return { kind: 'npm', id: npmPurl(m[1], pinned), name: m[1], version: pinned, spec };
  }
  if (cmd === 'uvx' || cmd === 'pipx' || (cmd === 'uv' && args[0] === 'tool')) {
    const list = rest.filter((a) => a !== 'run' && a !== 'tool');
    const spec = list[0];
    const m = spec ? /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?(?:==([\w.]+)|@([\w.]+))?$/.exec(spec) : null;
    if (!m) return undefined;
    const version = m[2] ?? (m[3] && m[3] !== 'latest' ? m[3] : undefined);
    return { kind: 'pypi', id: pypiPurl(m[1], version), name: m[1].toLowerCase(), version, spec };
  }
  if (cmd === 'docker' || cmd === 'podman') {
    const i = args.indexOf('run');
    if (i < 0) return undefined;
    for (let j = i + 1; j < args.length; j++) {
      const a = args[j];
      if (a.startsWith('-')) {
        if (DOCKER_VALUE_FLAGS.has(a)) j++;
        continue;
      }
      const img = parseImageRef(a);
      return img ? { kind: 'image', id: imagePurl(img), name: a, version: img.tag, spec: a } : undefined;
    }
  }
  return undefined;
}
