/**
 * Parses an agent configuration with the library of its format: JSON/JSONC through the shared
 * positions helper (jsonc-parser), TOML through smol-toml, JSON5 through json5. Pure; problems become
 * notes. MCP server entries are extracted here, once, for discovery and rules alike.
 */
import JSON5 from 'json5';
import { parse as parseToml } from 'smol-toml';
import { isRecord, JsonDocError, parseJsonDoc, str } from '../../discovery/json-doc.js';
import { detectAgentConfig } from './detect.js';
import { textLineOf } from './text-lines.js';
import type { AgentConfigDoc, ConfigPath, McpServer } from './types.js';

export function parseAgentConfig(path: string, text: string): { document?: AgentConfigDoc; notes?: string[] } {
  const info = detectAgentConfig(path);
  if (!info) return {};
  if (info.sniff && !info.sniff.test(text)) return {};
  let value: unknown;
  let lineOf: (p: ConfigPath) => number;
  try {
    if (info.format === 'toml') {
      value = parseToml(text);
      const lines = text.split('\n');
      lineOf = (p) => textLineOf(lines, p);
    } else {
      try {
        const doc = parseJsonDoc(text, { jsonc: true });
        value = doc.value;
        lineOf = (p) => doc.lineOf(p);
      } catch (err) {
        if (info.format !== 'json5' || !(err instanceof JsonDocError)) throw err;
        value = JSON5.parse(text);
        const lines = text.split('\n');
        lineOf = (p) => textLineOf(lines, p);
      }
    }
  } catch (err) {
    return { notes: [`${info.format.toUpperCase()} parse error: ${(err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200)}`] };
  }
  if (!isRecord(value)) return {};
  const { key, servers } = serverList(value, info.client);
  return {
    document: {
      client: info.client,
      role: info.role,
      format: info.format,
      value,
      lineOf,
      mcpKey: key,
      mcpServers: servers ? Object.entries(servers).flatMap(([name, def]) => (isRecord(def) ? [server(name, def, [key!, name], lineOf)] : [])) : [],
    },
  };
}

/** VS Code uses `servers` (also accepts `mcpServers`), Codex `mcp_servers`, the rest `mcpServers`. */
function serverList(root: Record<string, unknown>, client: string): { key?: string; servers?: Record<string, unknown> } {
  for (const key of client === 'codex' ? ['mcp_servers'] : client === 'vscode-copilot' ? ['servers', 'mcpServers'] : client === 'gemini-cli' ? ['mcpServers'] : ['mcpServers', 'servers']) {
    if (isRecord(root[key])) return { key, servers: root[key] as Record<string, unknown> };
  }
  return {};
}

function server(name: string, def: Record<string, unknown>, path: ConfigPath, lineOf: (p: ConfigPath) => number): McpServer {
  const command = str(def.command);
  const args = Array.isArray(def.args) ? def.args.filter((a): a is string => typeof a === 'string') : [];
  const url = str(def.url) ?? str(def.serverUrl) ?? str(def.httpUrl);
  const env = isRecord(def.env) ? def.env : {};
  const headers = isRecord(def.headers) ? def.headers : isRecord(def.http_headers) ? def.http_headers : {};
  return {
    name,
    path,
    line: lineOf(path),
    command,
    args,
    url,
    transport: str(def.type) ?? str(def.transport) ?? (command ? 'stdio' : url ? (url.includes('/sse') ? 'sse' : 'http') : undefined),
    envKeys: Object.keys(env),
    headerKeys: Object.keys(headers),
    disabled: def.disabled === true || def.enabled === false ? true : undefined,
    trust: def.trust === true ? true : undefined,
  };
}
