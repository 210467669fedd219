/**
 * Tool definitions in MCP server source, found lexically (the description is what the client shows the
 * model): Python `@<server>.tool(...)` decorators with the function's docstring (FastMCP, the official
 * SDK), and JS/TS `<server>.tool("name", "description", …)` / `registerTool("name", { description })`.
 * A lexical scan (not tree-sitter) is enough because only the call's text is needed, and it keeps this
 * parser synchronous and bounded: each call is cut at 16 KiB.
 */
import type { Segment } from './types.js';

const MAX_CALL = 16 * 1024;
const PY_TOOL = /@\s*[\w.]+\.tool\s*\(/g;
const JS_TOOL = /\.\s*(?:tool|registerTool)\s*\(/g;

export function mcpSourceMarkers(text: string): boolean {
  return /\bFastMCP\b|@modelcontextprotocol\/sdk|\bfrom\s+mcp(?:\.server)?\b|\bimport\s+mcp\b|\bMcpServer\b|\bmcp\.server\b/.test(text);
}

export function serverNameOf(text: string): string | undefined {
  const m = /\bFastMCP\(\s*(?:name\s*=\s*)?["']([^"'\n]{1,80})["']/.exec(text) ?? /\bnew\s+(?:Mcp)?Server\(\s*\{\s*name\s*:\s*["'`]([^"'`\n]{1,80})["'`]/.exec(text);
  return m?.[1];
}

export function toolSegments(text: string, lang: 'py' | 'js'): Segment[] {
  const out: Segment[] = [];
  const re = lang === 'py' ? PY_TOOL : JS_TOOL;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const open = start + m[0].length - 1;
    const close = matchParen(text, open);
    let body = text.slice(open + 1, close);
    if (lang === 'py') {
      // The decorated function and its docstring follow the decorator.
      const rest = text.slice(close + 1, close + 1 + MAX_CALL);
      const fn = /^\s*(?:@[^\n]*\n\s*)*(?:async\s+)?def\s+(\w+)\s*\([\s\S]*?\)\s*(?:->\s*[^:\n]+)?:\s*(?:[rRuU]?("""|''')([\s\S]*?)\2)?/.exec(rest);
      const name = /\bname\s*=\s*["']([^"']+)["']/.exec(body)?.[1] ?? fn?.[1] ?? 'tool';
      if (fn?.[3]) body += `\n${fn[3]}`;
      out.push({ label: `tool '${name}'`, line: lineOf(text, start), text: body });
    } else {
      const name = /^\s*["'`]([^"'`\n]{1,120})["'`]/.exec(body)?.[1] ?? 'tool';
      out.push({ label: `tool '${name}'`, line: lineOf(text, start), text: body });
    }
  }
  return out;
}

/** Index of the `)` closing the `(` at `open`, skipping string literals; bounded by MAX_CALL. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_CALL);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const triple = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += triple.length;
      while (i < end && !text.startsWith(triple, i)) i += text[i] === '\\' ? 2 : 1;
      i += triple.length - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return end;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
