/**
 * docs/mcp.md: the editor configurations it recommends pass every agent-configuration rule of aigis
 * (pinned version, no auto-approve …), and unsafe twins of them are caught, so the check can fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentConfigKind } from '../../src/documents/agent-config/kind.js';
import { agentConfigRules } from '../../src/posture/agent-config/index.js';
import { runRule } from '../../src/posture/rule-tester.js';

const doc = readFileSync(path.resolve(__dirname, '../../docs/mcp.md'), 'utf8');
/** Blocks marked `<!-- agent-config: FILE -->` and the JSON that follows. */
const snippets = [...doc.matchAll(/<!-- agent-config: (\S+) -->\n```json\n([\s\S]*?)\n```/g)].map((m) => ({ file: m[1], text: m[2] }));

function hits(files: Record<string, string>): string[] {
  return agentConfigRules.flatMap((rule) => {
    const r = runRule(agentConfigKind, rule, files);
    expect(r.problems).toEqual([]);
    return r.hits.map((h) => `${rule.meta.id}: ${h.message}`);
  });
}

describe('docs/mcp.md editor configurations', () => {
  it('has one for Claude Code, VS Code (stdio and HTTP) and Cursor, each pinning an exact version', () => {
    expect(snippets.map((s) => s.file)).toEqual(['.mcp.json', '.vscode/mcp.json', '.vscode/mcp.json', '.cursor/mcp.json']);
    for (const s of snippets) {
      JSON.parse(s.text);
      if (s.text.includes('"command"')) expect(s.text).toMatch(/"aigis@\d+\.\d+\.\d+", "mcp", "--root"/);
    }
  });

  it('each passes every agent-config rule', () => {
    for (const s of snippets) expect(hits({ [s.file]: s.text }), s.file).toEqual([]);
  });

  it('unsafe twins are caught: unpinned, auto-approved, plain HTTP beyond loopback', () => {
    const claude = snippets[0].text;
    expect(hits({ '.mcp.json': claude.replace(/aigis@[\d.]+/, 'aigis') })).toEqual([expect.stringMatching(/^mcp\/unpinned-package: /)]);
    expect(hits({ '.mcp.json': claude, '.claude/settings.json': '{ "enableAllProjectMcpServers": true }' })).toEqual([expect.stringMatching(/^mcp\/claude-enable-all-project-mcp|^agent\/claude-enable-all-project-mcp/)]);
    expect(hits({ '.vscode/settings.json': '{ "chat.tools.autoApprove": true }' })).toEqual([expect.stringMatching(/auto-approve/)]);
    expect(hits({ '.vscode/mcp.json': snippets[2].text.replace('127.0.0.1', 'mcp.example.com') })).toEqual([expect.stringMatching(/^mcp\/plain-http-remote: /)]);
  });
});
