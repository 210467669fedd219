/**
 * Agent / MCP client configurations (Claude Code `.mcp.json`, VS Code `.vscode/mcp.json`, Cursor,
 * Claude Desktop, Gemini CLI, Windsurf, Amazon Q): the agent, each MCP server it launches or
 * connects to, and the package or image behind a server. Only names of environment variables and
 * headers are kept, never their values; URLs lose their query string and credentials.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, Relation } from '../../core/model.js';
import { classifyImage, imagePurl, parseImageRef } from '../../catalog/ai-images.js';
import { asset, at } from '../assets.js';
import { npmPurl, pypiPurl } from '../ids.js';
import { isRecord, JsonDocError, parseJsonDoc, str } from '../json-doc.js';

interface ConfigKind {
  agent: string;
  key: 'mcpServers' | 'servers';
}

function configKind(f: FileInfo): ConfigKind | undefined {
  const p = f.path.toLowerCase();
  if (f.name === '.mcp.json') return { agent: 'claude-code', key: 'mcpServers' };
  if (f.name === 'claude_desktop_config.json') return { agent: 'claude-desktop', key: 'mcpServers' };
  if (f.name === 'mcp_config.json') return { agent: 'windsurf', key: 'mcpServers' };
  if (f.name === 'mcp.json' && /(?:^|\/)\.vscode\/mcp\.json$/.test(p)) return { agent: 'vscode-copilot', key: 'servers' };
  if (f.name === 'mcp.json' && /(?:^|\/)\.cursor\/mcp\.json$/.test(p)) return { agent: 'cursor', key: 'mcpServers' };
  if (f.name === 'mcp.json' && /(?:^|\/)\.amazonq\/mcp\.json$/.test(p)) return { agent: 'amazon-q', key: 'mcpServers' };
  if (f.name === 'mcp.json') return { agent: 'mcp-client', key: 'mcpServers' };
  if (f.name === 'settings.json' && /(?:^|\/)\.gemini\/settings\.json$/.test(p)) return { agent: 'gemini-cli', key: 'mcpServers' };
  return undefined;
}

export const mcpConfigAnalyzer: Analyzer = {
  name: 'bom-mcp-config',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return f.size < 2 * 1024 * 1024 && configKind(f) !== undefined;
  },
  async analyze(file): Promise<AnalyzerResult> {
    const kind = configKind(file)!;
    const text = await file.text();
    if (text === undefined) return {};
    let doc;
    try {
      doc = parseJsonDoc(text, { jsonc: true });
    } catch (err) {
      if (err instanceof JsonDocError) return { notes: [{ level: 'warning', path: file.path, message: `bom-mcp-config: ${err.message}`, source: 'bom-mcp-config' }] };
      throw err;
    }
    const root = doc.value;
    if (!isRecord(root)) return {};
    // VS Code also accepts `mcpServers`; Claude-style files sometimes nest under `mcp.servers`.
    const servers = isRecord(root[kind.key]) ? root[kind.key] : isRecord(root.mcpServers) ? root.mcpServers : isRecord(root.servers) && kind.agent !== 'gemini-cli' ? root.servers : undefined;
    const key = root[kind.key] !== undefined ? kind.key : root.mcpServers !== undefined ? 'mcpServers' : 'servers';
    if (!isRecord(servers)) return {};
    const assets: Asset[] = [];
    const agentRel: Relation[] = [];
    for (const [name, def] of Object.entries(servers)) {
      if (!isRecord(def)) continue;
      const loc = at(file.path, doc.lineOf([key, name]));
      const id = `mcp-server:${name}`;
      const rel: Relation[] = [];
      const command = str(def.command);
      const args = Array.isArray(def.args) ? def.args.filter((a): a is string => typeof a === 'string') : [];
      const url = str(def.url) ?? str(def.serverUrl) ?? str(def.httpUrl);
      const pkg = command ? launchedPackage(command, args) : undefined;
      if (pkg) {
        rel.push({ type: pkg.kind === 'image' ? 'runs' : 'depends-on', target: pkg.id });
        assets.push(asset(pkg.kind === 'image' ? 'container-image' : 'package', pkg.id, pkg.name, loc, pkg.kind === 'image'
          ? { aiImage: classifyImage(pkg.name)?.name, category: 'mcp-server' }
          : { ecosystem: pkg.kind, aiCategory: 'mcp', direct: true, pinned: !!pkg.version, specifier: pkg.version, via: `${kind.agent} MCP config` }, { version: pkg.version, confidence: 0.9 }));
      }
      const transport = str(def.type) ?? (command ? 'stdio' : url ? (url.includes('/sse') ? 'sse' : 'http') : undefined);
      assets.push(asset('mcp-server', id, name, loc, {
        transport,
        command: command ? basename(command) : undefined,
        package: pkg?.name,
        url: url ? safeUrl(url) : undefined,
        remote: url ? !/^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::|\/|$)/.test(url) : undefined,
        envKeys: isRecord(def.env) ? Object.keys(def.env) : undefined,
        headerKeys: isRecord(def.headers) ? Object.keys(def.headers) : undefined,
        configuredBy: kind.agent,
        definedIn: 'config',
        disabled: def.disabled === true ? true : undefined,
      }, { confidence: 0.95, relations: rel }));
      agentRel.push({ type: 'uses', target: id });
    }
    assets.unshift(asset('agent', `agent:${kind.agent}:${file.path}`, kind.agent, at(file.path, doc.lineOf([key])), { agent: kind.agent, mcpServers: agentRel.length }, { confidence: 0.95, relations: agentRel }));
    return { assets };
  },
};

function basename(cmd: string): string {
  return cmd.slice(Math.max(cmd.lastIndexOf('/'), cmd.lastIndexOf('\\')) + 1);
}

function safeUrl(u: string): string {
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

const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '--name', '-p', '--publish', '--network', '--env-file', '-w', '--workdir', '--user', '-u', '--mount', '--entrypoint', '--platform', '--pull', '-l', '--label']);

/** The package or image an MCP server command launches: `npx -y pkg@1`, `uvx pkg`, `pipx run pkg`, `docker run … image`. */
function launchedPackage(command: string, args: string[]): { kind: 'npm' | 'pypi' | 'image'; id: string; name: string; version?: string } | undefined {
  const cmd = basename(command).replace(/\.(?:cmd|exe)$/i, '');
  const rest = args.filter((a) => !a.startsWith('-'));
  if (cmd === 'npx' || cmd === 'bunx' || (cmd === 'pnpm' && args[0] === 'dlx')) {
    const spec = (cmd === 'pnpm' ? rest.slice(1) : rest)[0];
    const m = spec ? /^((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)(?:@([\w.^~<>=*-]+))?$/i.exec(spec) : null;
    if (!m) return undefined;
    const pinned = m[2] && /^\d+\.\d+\.\d+/.test(m[2]) ? m[2] : undefined;
    return { kind: 'npm', id: npmPurl(m[1], pinned), name: m[1], version: pinned };
  }
  if (cmd === 'uvx' || cmd === 'pipx' || (cmd === 'uv' && args[0] === 'tool')) {
    const list = rest.filter((a) => a !== 'run' && a !== 'tool');
    const spec = list[0];
    const m = spec ? /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?(?:==([\w.]+)|@([\w.]+))?$/.exec(spec) : null;
    if (!m) return undefined;
    const version = m[2] ?? m[3];
    return { kind: 'pypi', id: pypiPurl(m[1], version), name: m[1].toLowerCase(), version };
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
      return img ? { kind: 'image', id: imagePurl(img), name: a, version: img.tag } : undefined;
    }
  }
  return undefined;
}
