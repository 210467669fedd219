/**
 * The typed agent / MCP client configuration document: Claude Code, VS Code, Cursor, Windsurf,
 * Gemini CLI, Codex, OpenClaw and MCP server lists, with the line of any key.
 */

export type AgentClient =
  | 'claude-code'
  | 'claude-desktop'
  | 'vscode-copilot'
  | 'cursor'
  | 'windsurf'
  | 'gemini-cli'
  | 'codex'
  | 'openclaw'
  | 'amazon-q'
  | 'mcp-client';

export type ConfigPath = (string | number)[];

export interface McpServer {
  name: string;
  /** Path of the entry in the document (`['mcpServers', 'github']`). */
  path: ConfigPath;
  line: number;
  command?: string;
  args: string[];
  url?: string;
  /** `stdio`, `http`, `sse` … as declared or inferred. */
  transport?: string;
  envKeys: string[];
  headerKeys: string[];
  disabled?: boolean;
  /** Gemini CLI `trust: true`: every tool call of the server runs without confirmation. */
  trust?: boolean;
}

export interface AgentConfigDoc {
  client: AgentClient;
  /** `settings` (agent behaviour), `mcp` (a server list), `config` (Codex/OpenClaw main config). */
  role: 'settings' | 'mcp' | 'config';
  format: 'json' | 'json5' | 'toml';
  value: Record<string, unknown>;
  /** 1-based line of the key at `path` (its nearest found ancestor, else 1). */
  lineOf(path: ConfigPath): number;
  mcpServers: McpServer[];
  /** The key holding the server list (`mcpServers`, `servers`, `mcp_servers`). */
  mcpKey?: string;
}

/** The project view: every agent configuration of the target. */
export interface AgentConfigProject {
  files: { path: string; document: AgentConfigDoc }[];
}
