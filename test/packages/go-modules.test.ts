/**
 * Go modules (issue 13.5): go.mod requirements (direct and `// indirect`, blocks and single lines,
 * replacements) and go.sum, as purls with versions; AI SDK modules classified; yarn berry aliases
 * take the resolution's name so that advisories match.
 */
import { describe, expect, it } from 'vitest';
import { classifyPackage } from '../../src/catalog/ai-packages.js';
import { scanFiles, summary } from './harness.js';

// Shaped like the go.mod of a real Go LLM service (ollama-style require blocks, a fork replacement
// and a local-path replacement, a tool directive).
const GO_MOD = `module example.com/llm-gateway

go 1.24.0

toolchain go1.24.2

require (
	github.com/sashabaranov/go-openai v1.36.1
	github.com/anthropics/anthropic-sdk-go v1.4.0
	github.com/ollama/ollama v0.6.5
	github.com/gin-gonic/gin v1.10.0
	github.com/tmc/langchaingo v0.1.13 // pinned for the agent executor
	example.com/internal/prompts v0.0.0-00010101000000-000000000000
)

require golang.org/x/net v0.38.0 // indirect

require (
	github.com/bytedance/sonic v1.11.6 // indirect
	github.com/openai/openai-go/v2 v2.1.0
)

replace github.com/gin-gonic/gin => github.com/acme/gin v1.10.1-acme.1

replace example.com/internal/prompts => ./prompts

tool golang.org/x/tools/cmd/stringer
`;

const GO_SUM = `github.com/sashabaranov/go-openai v1.36.1 h1:EVfRXwIlW2rUzpx6vR+aeIKCK/xylSrVYAx1TMTSX3g=
github.com/sashabaranov/go-openai v1.36.1/go.mod h1:lj5b/K+zjTSFxVLijLSTDZuP7adOgerWeFyZLUhAKRg=
golang.org/x/net v0.38.0 h1:vRMAPTMaeGqVhG5QyLJHqNDwecKTomGeqbnfZyKlBI8=
golang.org/x/net v0.38.0/go.mod h1:ivrbrMbzFq5J41QOQh0siUuly180yBYtLp+CKbEaFx8=
golang.org/x/text v0.23.0/go.mod h1:ivrbrMbzFq5J41QOQh0siUuly180yBYtLp+CKbEaFx8=
`;

describe('go.mod and go.sum', () => {
  it('requirements with versions, direct vs indirect, replacements applied, local replacements dropped', async () => {
    const { assets, notes } = await scanFiles({ 'svc/go.mod': GO_MOD });
    expect(notes).toEqual([]);
    expect(summary(assets)).toEqual([
      'Go:github.com/acme/gin@v1.10.1-acme.1 svc/go.mod:11 pinned direct',
      'Go:github.com/anthropics/anthropic-sdk-go@v1.4.0 svc/go.mod:9 pinned direct',
      'Go:github.com/bytedance/sonic@v1.11.6 svc/go.mod:19 pinned',
      'Go:github.com/ollama/ollama@v0.6.5 svc/go.mod:10 pinned direct',
      'Go:github.com/openai/openai-go/v2@v2.1.0 svc/go.mod:20 pinned direct',
      'Go:github.com/sashabaranov/go-openai@v1.36.1 svc/go.mod:8 pinned direct',
      'Go:github.com/tmc/langchaingo@v0.1.13 svc/go.mod:12 pinned direct',
      'Go:golang.org/x/net@v0.38.0 svc/go.mod:16 pinned',
    ]);
    const openai = assets.find((a) => a.name === 'github.com/sashabaranov/go-openai')!;
    expect(openai.id).toBe('pkg:golang/github.com/sashabaranov/go-openai@v1.36.1');
    expect(openai.properties.aiCategory).toBe('llm-sdk');
    expect(assets.find((a) => a.name === 'github.com/openai/openai-go/v2')!.properties.aiCategory).toBe('llm-sdk');
    expect(assets.find((a) => a.name === 'github.com/gin-gonic/gin')).toBeUndefined();
    expect(assets.find((a) => a.name === 'golang.org/x/net')!.properties.aiCategory).toBeUndefined();
  });

  it('go.sum lists the modules whose code was downloaded, once each', async () => {
    const { assets } = await scanFiles({ 'go.sum': GO_SUM });
    expect(summary(assets)).toEqual(['Go:github.com/sashabaranov/go-openai@v1.36.1 go.sum:1 pinned', 'Go:golang.org/x/net@v0.38.0 go.sum:3 pinned']);
  });

  it('a broken require line is a note, the rest is still read', async () => {
    const { assets, notes } = await scanFiles({ 'go.mod': 'module m\nrequire (\n\tgithub.com/a/b\n\tgithub.com/ollama/ollama v0.6.5\n)\n' });
    expect(summary(assets)).toEqual(['Go:github.com/ollama/ollama@v0.6.5 go.mod:4 pinned direct']);
    expect(notes.map((n) => n.message)).toEqual(['line 3: cannot read require "github.com/a/b"']);
  });

  it('classifies packages inside catalogued modules, not look-alikes', () => {
    expect(classifyPackage('Go', 'github.com/ollama/ollama/api')?.category).toBe('serving');
    expect(classifyPackage('Go', 'github.com/ollama/ollama-extra')).toBeUndefined();
    expect(classifyPackage('Go', 'github.com/sashabaranov')).toBeUndefined();
  });
});

describe('yarn berry aliases', () => {
  it('an `alias@npm:real@range` entry is the real package', async () => {
    const lock = `__metadata:\n  version: 8\n\n"my-langchain@npm:langchain@0.0.1":\n  version: 0.0.1\n  resolution: "langchain@npm:0.0.1"\n`;
    const { assets } = await scanFiles({ 'yarn.lock': lock });
    expect(summary(assets)).toEqual(['npm:langchain@0.0.1 yarn.lock:4 pinned']);
  });
});

describe('ecosystems aigis does not read', () => {
  it('say so in a note instead of staying silent', async () => {
    const { assets, notes } = await scanFiles({ 'Cargo.toml': '[package]\nname = "x"\n', 'svc/pom.xml': '<project/>', 'App.csproj': '<Project/>', 'README.md': '# x' });
    expect(assets).toEqual([]);
    expect(notes.map((n) => `${n.level} ${n.path}: ${n.message}`).sort()).toEqual([
      'info App.csproj: packages: .NET (NuGet) dependencies are not inventoried by aigis (no vulnerability matching for this ecosystem)',
      'info Cargo.toml: packages: Rust (crates.io) dependencies are not inventoried by aigis (no vulnerability matching for this ecosystem)',
      'info svc/pom.xml: packages: Java (Maven) dependencies are not inventoried by aigis (no vulnerability matching for this ecosystem)',
    ]);
  });
});

describe('packaged MCP servers (issue 13.4)', () => {
  it('a project named like an MCP server is one; others are not', async () => {
    const { assets } = await scanFiles({
      'src/filesystem/package.json': '{\n  "name": "@modelcontextprotocol/server-filesystem",\n  "version": "0.6.2",\n  "bin": {"mcp-server-filesystem": "dist/index.js"},\n  "dependencies": {"@modelcontextprotocol/sdk": "1.12.0"}\n}\n',
      'src/git/pyproject.toml': '[project]\nname = "mcp-server-git"\nversion = "0.6.2"\ndependencies = ["mcp>=1.0.0"]\n',
      'web/package.json': '{"name": "dashboard", "dependencies": {"react": "19.0.0"}}',
      'tools/pyproject.toml': '[project]\nname = "mcp-tools-utils"\n',
    });
    expect(assets.filter((a) => a.kind === 'mcp-server').map((a) => `${a.id}@${a.locations[0].path}:${a.locations[0].startLine} ${a.version}`).sort()).toEqual([
      'mcp-server:@modelcontextprotocol/server-filesystem@src/filesystem/package.json:2 0.6.2',
      'mcp-server:mcp-server-git@src/git/pyproject.toml:2 0.6.2',
    ]);
  });
});
