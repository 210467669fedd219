/**
 * Go source (issue 13.5): imports of AI SDKs and model ids in Go code, read through the same
 * tree-sitter runtime as Python and JavaScript. The fixture is shaped like the Go services of real
 * projects (go-openai request structs, anthropic-sdk-go params, the Ollama API client, LangChainGo
 * options, Bedrock `aws.String` ids, the Google GenAI client).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeAnalyzer } from '../../../src/discovery/code/analyzer.js';
import { analyze, ids, sightings } from '../helpers.js';

const fx = (n: string) => readFileSync(join(import.meta.dirname, 'fixtures', n));

describe('code discovery: Go', () => {
  it('finds AI SDK imports as Go packages of their module', async () => {
    const { assets, notes } = await analyze(codeAnalyzer, 'internal/gateway/gateway.go', fx('gateway.go'));
    expect(notes).toEqual([]);
    const pkgs = assets.filter((a) => a.kind === 'package');
    expect(sightings(pkgs).sort()).toEqual([
      'pkg:golang/github.com/anthropics/anthropic-sdk-go@9',
      'pkg:golang/github.com/aws/aws-sdk-go-v2/service/bedrockruntime@11',
      'pkg:golang/github.com/ollama/ollama@12',
      'pkg:golang/github.com/sashabaranov/go-openai@13',
      'pkg:golang/github.com/tmc/langchaingo@14',
      'pkg:golang/google.golang.org/genai@15',
    ]);
    const oa = pkgs.find((a) => a.name === 'github.com/sashabaranov/go-openai')!;
    expect(oa.properties).toMatchObject({ ecosystem: 'Go', aiCategory: 'llm-sdk', imported: true, importName: 'github.com/sashabaranov/go-openai' });
    // aws-sdk-go-v2/aws itself is not an AI package.
    expect(ids(assets).some((i) => i.endsWith('/aws-sdk-go-v2/aws'))).toBe(false);
  });

  it('finds the model ids of request structs, options, Bedrock ids, GenAI calls and constants', async () => {
    const { assets } = await analyze(codeAnalyzer, 'internal/gateway/gateway.go', fx('gateway.go'));
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual([
      'model:anthropic/claude-3-7-sonnet-20250219@46',
      'model:bedrock/anthropic.claude-3-haiku-20240307-v1:0@68',
      'model:google/gemini-2.0-flash@75',
      'model:ollama/llama3.2:3b@57',
      'model:ollama/mistral:7b@62',
      'model:openai/gpt-4.1-mini@18',
      'model:openai/gpt-4o@35',
      'model:openai/text-embedding-3-small@20',
    ]);
    const providers = new Set(assets.filter((a) => a.kind === 'llm-provider').map((a) => a.id));
    expect([...providers].sort()).toEqual(['llm-provider:anthropic', 'llm-provider:bedrock', 'llm-provider:google', 'llm-provider:ollama', 'llm-provider:openai']);
    // The endpoint literal is an OpenAI endpoint.
    expect(sightings(assets)).toContain('llm-provider:openai@29');
  });

  it('reads the model constants of the SDKs (openai-go, go-openai, anthropic-sdk-go), not other constants', async () => {
    const src = [
      'package agent',
      '',
      'import (',
      '\t"github.com/anthropics/anthropic-sdk-go"',
      '\t"github.com/openai/openai-go"',
      '\tgoopenai "github.com/sashabaranov/go-openai"',
      ')',
      '',
      'var p = openai.ChatCompletionNewParams{Model: openai.ChatModelGPT4_1Mini, Messages: nil}',
      'var q = goopenai.ChatCompletionRequest{Model: goopenai.GPT3Dot5Turbo}',
      'var r = anthropic.MessageNewParams{Model: anthropic.ModelClaude3_7SonnetLatest, MaxTokens: 1024}',
      'var s = openai.ChatCompletionNewParams{Model: openai.ChatMessageRoleUser}',
      'var t = anthropic.MessageNewParams{Model: openai.ChatModelGPT4o}',
      '',
    ].join('\n');
    const { assets } = await analyze(codeAnalyzer, 'agent/llm.go', src);
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual([
      'model:anthropic/claude-3-7-sonnet-latest@11',
      'model:openai/gpt-3.5-turbo@10',
      'model:openai/gpt-4.1-mini@9',
    ]);
  });

  it('finds MCP servers built with mcp-go and the official Go SDK', async () => {
    const src = [
      'package main',
      '',
      'import (',
      '\t"github.com/mark3labs/mcp-go/server"',
      '\t"github.com/modelcontextprotocol/go-sdk/mcp"',
      ')',
      '',
      'func main() {',
      '\ts := server.NewMCPServer("github-mcp-server", "0.5.0", server.WithToolCapabilities(true))',
      '\tt := mcp.NewServer(&mcp.Implementation{Name: "greeter", Version: "v1.0.0"}, nil)',
      '\t_, _ = s, t',
      '}',
    ].join('\n');
    const { assets } = await analyze(codeAnalyzer, 'cmd/server/main.go', src);
    expect(sightings(assets.filter((a) => a.kind === 'mcp-server')).sort()).toEqual(['mcp-server:github-mcp-server@9', 'mcp-server:greeter@10']);
  });

  it('inside the Ollama repository, its own packages are not a dependency (go.mod module)', async () => {
    const src = 'package main\n\nimport "github.com/ollama/ollama/api"\n\nvar req = api.ChatRequest{Model: "llama3.2"}\n';
    const inRepo = await analyze(codeAnalyzer, 'cmd/runner/main.go', src, { 'go.mod': 'module github.com/ollama/ollama\n\ngo 1.24\n' });
    expect(ids(inRepo.assets)).toEqual(['llm-provider:ollama', 'model:ollama/llama3.2']);
    const user = await analyze(codeAnalyzer, 'cmd/app/main.go', src, { 'go.mod': 'module example.com/app\n' });
    expect(ids(user.assets)).toContain('pkg:golang/github.com/ollama/ollama');
  });

  it('stays quiet on a Go service that uses no AI library', async () => {
    const { assets } = await analyze(codeAnalyzer, 'server/server.go', fx('plain.go'));
    expect(assets).toEqual([]);
  });

  it('marks Go test files and leaves vendored modules to go.mod', async () => {
    const src = 'package x\n\nimport openai "github.com/sashabaranov/go-openai"\n\nvar req = openai.ChatCompletionRequest{Model: "gpt-4o"}\n';
    const t = await analyze(codeAnalyzer, 'svc/client_test.go', src);
    expect(t.assets.length).toBeGreaterThan(0);
    expect(t.assets.every((a) => a.properties.inTest === true)).toBe(true);
    const v = await analyze(codeAnalyzer, 'vendor/github.com/acme/lib/client.go', src);
    expect(v.assets).toEqual([]);
  });
});
