/**
 * The `agent-instructions` document kind: instruction and rule files that agents load into their
 * context (AGENTS.md, CLAUDE.md, GEMINI.md, .cursorrules, .cursor/rules/*, .windsurfrules, .clinerules,
 * .github/copilot-instructions.md, .github/instructions/*.instructions.md) and MCP server source files
 * (tool descriptions). Source files without MCP markers yield no document.
 */
import type { DocumentKind } from '../../posture/rule.js';
import { mcpSourceMarkers, serverNameOf, toolSegments } from './mcp-source.js';
import type { InstructionDoc, InstructionProject } from './types.js';

const MAX_BYTES = 1024 * 1024;

export function instructionAudience(path: string): string | undefined {
  const p = path.toLowerCase();
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (name === 'agents.md') return 'any-agent';
  if (name === 'claude.md' || name === 'claude.local.md') return 'claude-code';
  if (name === 'gemini.md') return 'gemini-cli';
  if (name === '.cursorrules' || /(?:^|\/)\.cursor\/rules\/[^/]+$/.test(p)) return 'cursor';
  if (name === '.windsurfrules' || /(?:^|\/)\.windsurf\/rules\/[^/]+$/.test(p)) return 'windsurf';
  if (name === '.clinerules' || /(?:^|\/)\.clinerules\/[^/]+$/.test(p)) return 'cline';
  if (/(?:^|\/)\.github\/copilot-instructions\.md$/.test(p) || /(?:^|\/)\.github\/instructions\/[^/]+\.instructions\.md$/.test(p)) return 'vscode-copilot';
  return undefined;
}

function sourceLang(ext: string): 'py' | 'js' | undefined {
  if (ext === '.py') return 'py';
  if (['.ts', '.js', '.mjs', '.cjs', '.mts', '.cts'].includes(ext)) return 'js';
  return undefined;
}

export const agentInstructionsKind: DocumentKind<InstructionDoc, InstructionProject> = {
  name: 'agent-instructions',
  match: (f) => instructionAudience(f.path) !== undefined || (sourceLang(f.ext) !== undefined && !/(?:^|\/)node_modules\//.test(f.path)),
  // Not noted when larger: most files this kind looks at are source files, of any size.
  maxBytes: MAX_BYTES,
  parse: ({ path, text }) => {
    const audience = instructionAudience(path);
    if (audience) return { document: { type: 'instructions', audience, segments: [{ label: 'file', line: 1, text }] } };
    const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
    const lang = sourceLang(ext);
    if (!lang || !mcpSourceMarkers(text)) return {};
    const segments = toolSegments(text, lang);
    if (!segments.length) return {};
    return { document: { type: 'mcp-source', audience: 'mcp-server', serverName: serverNameOf(text), segments } };
  },
  project: (documents) => (documents.length ? [{ files: documents }] : []),
};
