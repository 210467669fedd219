/** Agent instruction files and MCP tool descriptions in MCP server source, as text segments to inspect. */

export interface Segment {
  /** `file` for a whole instruction file, or `tool 'name'` for an MCP tool description. */
  label: string;
  /** 1-based line where the segment starts. */
  line: number;
  text: string;
}

export interface InstructionDoc {
  type: 'instructions' | 'mcp-source';
  /** The agent an instruction file speaks to (`claude-code`, `cursor` …), or `mcp-server` for source. */
  audience: string;
  /** MCP server name from `FastMCP("name")` / `new McpServer({ name })`, when found. */
  serverName?: string;
  segments: Segment[];
}

export interface InstructionProject {
  files: { path: string; document: InstructionDoc }[];
}
