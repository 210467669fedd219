/** Which agent configuration a path is (by name and folder only; cheap, no I/O). */
import type { AgentClient, AgentConfigDoc } from './types.js';

export interface ConfigKindInfo {
  client: AgentClient;
  role: AgentConfigDoc['role'];
  format: AgentConfigDoc['format'];
  /** Whether the content must be checked before the file counts (a bare `config.toml`). */
  sniff?: RegExp;
}

const under = (p: string, dir: string, file: string) => new RegExp(`(?:^|/)${dir.replace(/\./g, '\\.')}/${file.replace(/\./g, '\\.')}$`).test(p);

export function detectAgentConfig(path: string): ConfigKindInfo | undefined {
  const p = path.toLowerCase();
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (name === '.mcp.json') return { client: 'claude-code', role: 'mcp', format: 'json' };
  if (name === 'claude_desktop_config.json') return { client: 'claude-desktop', role: 'mcp', format: 'json' };
  if (name === 'mcp_config.json') return { client: 'windsurf', role: 'mcp', format: 'json' };
  if (under(p, '.claude', 'settings.json') || under(p, '.claude', 'settings.local.json') || name === 'managed-settings.json') return { client: 'claude-code', role: 'settings', format: 'json' };
  if (under(p, '.vscode', 'mcp.json')) return { client: 'vscode-copilot', role: 'mcp', format: 'json' };
  if (under(p, '.vscode', 'settings.json')) return { client: 'vscode-copilot', role: 'settings', format: 'json' };
  if (under(p, '.cursor', 'mcp.json')) return { client: 'cursor', role: 'mcp', format: 'json' };
  if (under(p, '.cursor', 'cli.json') || under(p, '.cursor', 'cli-config.json')) return { client: 'cursor', role: 'settings', format: 'json' };
  if (under(p, '.amazonq', 'mcp.json')) return { client: 'amazon-q', role: 'mcp', format: 'json' };
  if (under(p, '.gemini', 'settings.json')) return { client: 'gemini-cli', role: 'settings', format: 'json' };
  if (name === 'mcp.json') return { client: 'mcp-client', role: 'mcp', format: 'json' };
  if (under(p, '.codex', 'config.toml')) return { client: 'codex', role: 'config', format: 'toml' };
  if (name === 'config.toml') return { client: 'codex', role: 'config', format: 'toml', sniff: /^\s*(?:approval_policy|sandbox_mode|\[mcp_servers[.\]])/m };
  if (name === 'openclaw.json') return { client: 'openclaw', role: 'config', format: 'json5' };
  return undefined;
}
