import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeAnalyzer } from '../../../src/discovery/code/analyzer.js';
import { analyze, ids, sightings } from '../helpers.js';

const fx = (n: string) => readFileSync(join(import.meta.dirname, 'fixtures', n));

describe('code discovery: Python', () => {
  it('finds model, dataset and provider references given as string literals', async () => {
    const { assets } = await analyze(codeAnalyzer, 'svc/serve_llm.py', fx('serve_llm.py'));
    const s = sightings(assets);
    expect(s).toEqual(expect.arrayContaining([
      'pkg:huggingface/Qwen/Qwen2.5-1.5B-Instruct@11',
      'pkg:huggingface/TheBloke/Llama-2-7B-GGUF@12',
      'dataset:HuggingFaceFW/fineweb-edu@13',
      'pkg:huggingface/ProsusAI/finbert@14',
      'dataset:imdb@15',
      'model:anthropic/claude-3-haiku-20240307@17',
      'model:openai/gpt-4.1-mini@18',
      'model:anthropic/claude-3-7-sonnet-latest@19',
      'model:bedrock/meta.llama3-70b-instruct-v1:0@20',
      'llm-provider:azure-openai@21',
      'model:azure-openai/gpt-4o-prod@22',
      'pkg:pypi/vllm@2',
      'pkg:pypi/huggingface-hub@3',
    ]));
    expect(assets.find((a) => a.id === 'pkg:huggingface/Qwen/Qwen2.5-1.5B-Instruct')!.version).toBe('main');
  });

  it('does not guess ids from variables, f-strings, placeholders, local paths or builder names', async () => {
    const { assets } = await analyze(codeAnalyzer, 'svc/serve_llm.py', fx('serve_llm.py'));
    const late = assets.filter((a) => a.locations.some((l) => (l.startLine ?? 0) >= 24 || l.startLine === 16));
    expect(late.filter((a) => a.kind !== 'package')).toEqual([]);
    expect(ids(assets).some((i) => i.includes('your-org') || i.includes('outputs') || i.includes('csv'))).toBe(false);
  });

  it('stays quiet on look-alike names from non-AI libraries and on comments', async () => {
    const { assets } = await analyze(codeAnalyzer, 'tools/no_ai.py', fx('no_ai.py'));
    expect(assets).toEqual([]);
  });

  it('resolves the provider of OpenAI-SDK calls from the base URL', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI(base_url="http://localhost:11434/v1")\nc.chat.completions.create(model="llama3.2:3b", messages=[])\n';
    const { assets } = await analyze(codeAnalyzer, 'a.py', src);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['model:ollama/llama3.2:3b@3', 'llm-provider:ollama@2']));
  });

  it('finds MCP servers defined with FastMCP and the low-level Server', async () => {
    const src = 'from mcp.server.fastmcp import FastMCP\nfrom mcp.server import Server\na = FastMCP("weather")\nb = Server("files")\n';
    const { assets } = await analyze(codeAnalyzer, 'srv.py', src);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['mcp-server:weather@3', 'mcp-server:files@4']));
  });

  it('survives syntax errors (tree-sitter recovers) and keeps what parses', async () => {
    const src = 'from transformers import AutoModel\ndef broken(:\n    pass\nm = AutoModel.from_pretrained("google-bert/bert-base-uncased")\n';
    const { assets, notes } = await analyze(codeAnalyzer, 'b.py', src);
    expect(notes).toEqual([]);
    expect(sightings(assets)).toContain('pkg:huggingface/google-bert/bert-base-uncased@4');
  });
});

describe('code discovery: hostile input', () => {
  it('handles calls nested thousands deep without crashing', async () => {
    const deep = `from transformers import AutoModel\nx = ${'f('.repeat(3000)}1${')'.repeat(3000)}\nAutoModel.from_pretrained("openai-community/gpt2")\n`;
    const { assets } = await analyze(codeAnalyzer, 'deep.py', deep);
    expect(assets.map((a) => a.id)).toContain('pkg:huggingface/openai-community/gpt2');
    const js = `import OpenAI from 'openai';\nconst o = ${'{a: '.repeat(2000)}1${'}'.repeat(2000)};\n`;
    const r = await analyze(codeAnalyzer, 'deep.js', js);
    expect(r.assets.map((a) => a.id)).toContain('pkg:npm/openai');
  });
});

describe('code discovery: JavaScript / TypeScript', () => {
  it('reads require() imports, object-literal arguments and AWS SDK commands', async () => {
    const { assets } = await analyze(codeAnalyzer, 'web/bedrock.mjs', fx('bedrock.mjs'));
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'pkg:npm/%40aws-sdk/client-bedrock-runtime@1',
      'pkg:npm/%40langchain/openai@2',
      'llm-provider:bedrock@5',
      'model:openai/gpt-4o@6',
      'model:bedrock/amazon.titan-text-express-v1@9',
      'pkg:huggingface/Xenova/all-MiniLM-L6-v2@11',
    ]));
    expect(sightings(assets).some((s) => s.endsWith('@10') && s.startsWith('model:'))).toBe(false);
  });

  it('parses TypeScript with the AI SDK, Anthropic and the MCP SDK', async () => {
    const { assets } = await analyze(codeAnalyzer, 'src/agent.ts', fx('agent.ts'));
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'model:ollama/llama3.1:8b@12',
      'model:anthropic/claude-3-5-haiku-20241022@13',
      'model:openai/gpt-4o-mini@14',
      'mcp-server:docs-search@18',
      'llm-provider:ollama@8',
    ]));
    expect(ids(assets)).not.toContain('pkg:npm/express');
  });

  it('skips vendored and generated files', () => {
    // Installed package trees are inventoried from their metadata, not parsed (issue 15.2).
    expect(codeAnalyzer.match({ path: 'a/node_modules/x.js', name: 'x.js', ext: '.js', size: 10 })).toBe(false);
    expect(codeAnalyzer.match({ path: 'a/src/x.js', name: 'x.js', ext: '.js', size: 10 })).toBe(true);
    expect(codeAnalyzer.match({ path: 'venv/lib/site-packages/openai/x.py', name: 'x.py', ext: '.py', size: 10 })).toBe(false);
    expect(codeAnalyzer.match({ path: 'static/app.min.js', name: 'app.min.js', ext: '.js', size: 10 })).toBe(false);
  });
});

describe('code discovery: agent frameworks', () => {
  it('finds agents defined in code and the models they use', async () => {
    const { assets } = await analyze(codeAnalyzer, 'agents.py', fx('agents.py'));
    const s = sightings(assets);
    expect(s).toEqual(expect.arrayContaining([
      'agent:code:agents.py:6@6',
      'model:anthropic/claude-3-5-haiku-20241022@6',
      'agent:code:agents.py:7@7',
      'model:openai/gpt-4o@7',
      'agent:code:agents.py:8@8',
      'model:google-gla/gemini-1.5-flash@8',
      'model:openai/gpt-4o-mini@9',
    ]));
    expect(assets.find((a) => a.id === 'agent:code:agents.py:6')!.name).toBe('Researcher');
    expect(assets.find((a) => a.id === 'agent:code:agents.py:7')!.properties.framework).toBe('LangGraph');
  });
});

describe('code discovery: test code', () => {
  it('ignores endpoint strings in tests and marks references there with low confidence', async () => {
    const src = 'from openai import OpenAI\nURL = "https://api.openai.com/v1"\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n';
    const app = await analyze(codeAnalyzer, 'app/client.py', src);
    expect(sightings(app.assets)).toContain('llm-provider:openai@2');
    const test = await analyze(codeAnalyzer, 'tests/test_client.py', src);
    expect(sightings(test.assets)).not.toContain('llm-provider:openai@2');
    const model = test.assets.find((a) => a.id === 'model:openai/gpt-4o')!;
    expect(model.properties.inTest).toBe(true);
    expect(model.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('code discovery: more SDK shapes', () => {
  it('reads the openai<1.0 module API, Groq/Together clients, ollama.Client and Cohere', async () => {
    const legacy = 'import openai\nopenai.ChatCompletion.create(engine="gpt-35-turbo", messages=[])\n';
    expect(sightings((await analyze(codeAnalyzer, 'a.py', legacy)).assets)).toContain('model:openai/gpt-35-turbo@2');
    const groq = 'from groq import Groq\nc = Groq()\nc.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])\n';
    expect(sightings((await analyze(codeAnalyzer, 'g.py', groq)).assets)).toContain('model:groq/llama-3.3-70b-versatile@3');
    const oll = 'import ollama\nclient = ollama.Client(host="http://gpu-box:11434")\nclient.chat(model="qwen2.5:7b", messages=[])\n';
    expect(sightings((await analyze(codeAnalyzer, 'o.py', oll)).assets)).toContain('model:ollama/qwen2.5:7b@3');
    const co = 'import cohere\nco = cohere.ClientV2()\nco.rerank(model="rerank-v3.5", query="q", documents=[])\n';
    expect(sightings((await analyze(codeAnalyzer, 'c.py', co)).assets)).toContain('model:cohere/rerank-v3.5@3');
  });

  it('does not read .chat(model=…) in files that import neither ollama nor cohere', async () => {
    const other = 'import mybot\nmybot.chat(model="gpt-4o")\n';
    expect((await analyze(codeAnalyzer, 'm.py', other)).assets).toEqual([]);
  });
});

describe('code discovery: templated agent roles (issue 13.2)', () => {
  it('a role filled in at run time is not the agent name', async () => {
    const src = 'from crewai import Agent\nresearcher = Agent(role="{topic} Senior Data Researcher", goal="find", backstory="b")\nwriter = Agent(role="Report Writer", goal="write", backstory="b")\n';
    const res = await analyze(codeAnalyzer, 'crew/agents.py', src);
    const agents = res.assets.filter((a) => a.kind === 'agent').map((a) => [a.name, a.properties.nameTemplate]);
    expect(agents).toEqual([
      ['CrewAI agent', '{topic} Senior Data Researcher'],
      ['Report Writer', undefined],
    ]);
  });
});

describe('code discovery: model ids in constants, settings, config objects and env defaults (issue 13.3)', () => {
  it('Python: constants, settings fields, dict configs with provider:model, getenv defaults — without an AI import', async () => {
    const src = [
      'import os',
      'DEFAULT_LLM_MODEL = "gpt-4.1-mini"',
      'EMBEDDING_MODEL = "text-embedding-3-small"',
      'MODEL_ID = os.getenv("MODEL_ID", "Qwen/Qwen2.5-7B-Instruct")',
      'AGENTS = [{"id": "anthropic:claude-sonnet-4-5", "tools": []}]',
      'class Settings:',
      '    chat_model: str = "ollama:llama3.2"',
      'OUTPUT_DIR = "models/finetuned"',
      'MODEL_PATH = "checkpoints/best.pt"',
      'TITLE = "gpt-4o is great"',
      'name = "claude-3-haiku-20240307"',
      '',
    ].join('\n');
    const res = await analyze(codeAnalyzer, 'app/config.py', src);
    expect(sightings(res.assets).filter((s) => s.startsWith('model:') || s.startsWith('pkg:huggingface')).sort()).toEqual([
      'model:anthropic/claude-sonnet-4-5@5',
      'model:ollama/llama3.2@7',
      'model:openai/gpt-4.1-mini@2',
      'model:openai/text-embedding-3-small@3',
      'pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@4',
    ]);
  });

  it('JS/TS: const, object properties and process.env defaults', async () => {
    const src = [
      "export const DEFAULT_MODEL = 'claude-opus-4-1';",
      "const cfg = { model: 'openai/gpt-4o-mini', temperature: 0 };",
      "const modelId = process.env.MODEL_ID ?? 'mistral-large-latest';",
      "const label = 'gpt-4o';",
      '',
    ].join('\n');
    const res = await analyze(codeAnalyzer, 'src/settings.ts', src);
    expect(sightings(res.assets).filter((s) => s.startsWith('model:')).sort()).toEqual([
      'model:anthropic/claude-opus-4-1@1',
      'model:mistral/mistral-large-latest@3',
      'model:openai/gpt-4o-mini@2',
    ]);
  });
});

describe('code discovery: providers whose credential variable the code reads', () => {
  it('Python: getenv / environ.get of a catalogued variable names the provider; other variables and test files do not', async () => {
    const src = ['import os', 'k = os.getenv("GROQ_API_KEY")', 'a = os.environ.get("ANTHROPIC_API_KEY", "")', 'h = os.getenv("HOME")', 'p = os.getenv("GROQ_API_KEY_PATH_NOT_A_KEY")', ''].join('\n');
    const res = await analyze(codeAnalyzer, 'app/clients.py', src);
    expect(sightings(res.assets).filter((s) => s.startsWith('llm-provider:')).sort()).toEqual(['llm-provider:anthropic@3', 'llm-provider:groq@2']);
    const fixture = await analyze(codeAnalyzer, 'tests/test_clients.py', src);
    expect(sightings(fixture.assets).filter((s) => s.startsWith('llm-provider:'))).toEqual([]);
  });

  it('Go: os.Getenv of a catalogued variable', async () => {
    const src = 'package main\n\nimport "os"\n\nfunc main() {\n\tk := os.Getenv("OPENAI_API_KEY")\n\t_ = k\n\t_ = os.Getenv("PATH")\n}\n';
    const res = await analyze(codeAnalyzer, 'cmd/app/main.go', src);
    expect(sightings(res.assets).filter((s) => s.startsWith('llm-provider:'))).toEqual(['llm-provider:openai@6']);
  });
});

describe('code discovery: MCP servers and AutoGen model clients declared in code (issues 13.3, 13.4)', () => {
  it('Python: MultiServerMCPClient connection map, credentials dropped from URLs', async () => {
    const src = [
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'client = MultiServerMCPClient({',
      '    "math": {"command": "python", "args": ["/srv/math_server.py"], "transport": "stdio"},',
      '    "docs": {"url": "https://user:s3cret@docs.example.com/mcp?token=abc", "transport": "streamable_http"},',
      '    "broken": "not a connection",',
      '})',
      '',
    ].join('\n');
    const res = await analyze(codeAnalyzer, 'agent/tools.py', src);
    const servers = res.assets.filter((a) => a.kind === 'mcp-server');
    expect(servers.map((a) => [a.id, a.locations[0].startLine, a.properties.transport, a.properties.url ?? a.properties.command])).toEqual([
      ['mcp-server:math', 3, 'stdio', 'python'],
      ['mcp-server:docs', 4, 'streamable_http', 'https://docs.example.com/mcp'],
    ]);
    expect(JSON.stringify(res.assets)).not.toContain('s3cret');
  });

  it('JS: new MultiServerMCPClient({ mcpServers: {...} })', async () => {
    const src = "import { MultiServerMCPClient } from '@langchain/mcp-adapters';\nconst c = new MultiServerMCPClient({\n  mcpServers: {\n    weather: { url: 'http://localhost:8000/mcp' },\n  },\n});\n";
    const res = await analyze(codeAnalyzer, 'src/mcp.ts', src);
    expect(res.assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.id, a.properties.remote])).toEqual([['mcp-server:weather', false]]);
  });

  it('AutoGen model clients name their model', async () => {
    const src = 'from autogen_ext.models.openai import OpenAIChatCompletionClient\nclient = OpenAIChatCompletionClient(model="gpt-4o-2024-08-06")\n';
    const res = await analyze(codeAnalyzer, 'team.py', src);
    expect(sightings(res.assets)).toContain('model:openai/gpt-4o-2024-08-06@2');
  });
});

describe('code discovery: more agent frameworks (issue 13.3)', () => {
  it('Google ADK, Strands and Agno agents with their models', async () => {
    const adk = 'from google.adk.agents import Agent\n\nroot_agent = Agent(\n    name="weather_agent",\n    model="gemini-2.0-flash",\n    instruction="Answer questions about the weather.",\n)\n';
    const strands = 'from strands import Agent\nfrom strands.models import BedrockModel\n\nmodel = BedrockModel(model_id="us.anthropic.claude-3-7-sonnet-20250219-v1:0")\nagent = Agent(model=model, name="researcher")\n';
    const agno = 'from agno.agent import Agent\nfrom agno.models.openai import OpenAIChat\n\nagent = Agent(name="Web Agent", model=OpenAIChat(id="gpt-4o"), markdown=True)\n';
    const a = sightings((await analyze(codeAnalyzer, 'adk/agent.py', adk)).assets);
    expect(a).toEqual(expect.arrayContaining(['agent:code:adk/agent.py:3@3', 'model:google/gemini-2.0-flash@3', 'pkg:pypi/google-adk@1']));
    const s = sightings((await analyze(codeAnalyzer, 'strands/app.py', strands)).assets);
    expect(s).toEqual(expect.arrayContaining(['agent:code:strands/app.py:5@5', 'model:bedrock/us.anthropic.claude-3-7-sonnet-20250219-v1:0@4', 'pkg:pypi/strands-agents@1']));
    const g = (await analyze(codeAnalyzer, 'agno/app.py', agno)).assets;
    expect(sightings(g)).toEqual(expect.arrayContaining(['agent:code:agno/app.py:4@4', 'model:openai/gpt-4o@4', 'pkg:pypi/agno@1']));
    expect(g.find((x) => x.kind === 'agent')!.name).toBe('Web Agent');
  });

  it('the OpenAI Agents SDK (imported as `agents`), and a project\'s own `agents` package is not it', async () => {
    const sdk = 'from agents import Agent, Runner, function_tool\n\nagent = Agent(name="Triage", instructions="Route the request.", model="gpt-4.1")\nresult = Runner.run_sync(agent, "hi")\n';
    const { assets } = await analyze(codeAnalyzer, 'app/triage.py', sdk);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['pkg:pypi/openai-agents@1', 'agent:code:app/triage.py:3@3', 'model:openai/gpt-4.1@3']));
    const own = 'from agents import Agent\n\nagent = Agent(name="billing")\n';
    expect((await analyze(codeAnalyzer, 'app/billing.py', own)).assets).toEqual([]);
  });
});

describe('code discovery: MCP servers handed to agent SDKs and LLM APIs (issue 13.4)', () => {
  const servers = async (path: string, src: string) =>
    (await analyze(codeAnalyzer, path, src)).assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.id, a.locations[0].startLine, a.properties.transport, a.properties.url ?? a.properties.package ?? a.properties.command, a.properties.framework]);

  it('Claude Agent SDK options: an mcp_servers map of remote and stdio servers', async () => {
    const src = [
      'from claude_agent_sdk import ClaudeAgentOptions, query',
      '',
      'options = ClaudeAgentOptions(',
      '    system_prompt="You answer questions about the repository.",',
      '    mcp_servers={',
      '        "deepwiki": {"type": "http", "url": "https://mcp.deepwiki.com/mcp"},',
      '        "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", REPO_DIR]},',
      '    },',
      '    allowed_tools=["mcp__deepwiki__ask_question"],',
      ')',
      '',
    ].join('\n');
    const { assets } = await analyze(codeAnalyzer, 'bot/agent.py', src);
    expect(sightings(assets)).toContain('pkg:pypi/claude-agent-sdk@1');
    expect(await servers('bot/agent.py', src)).toEqual([
      ['mcp-server:deepwiki', 6, 'http', 'https://mcp.deepwiki.com/mcp', 'Claude Agent SDK'],
      ['mcp-server:files', 7, 'stdio', '@modelcontextprotocol/server-filesystem', 'Claude Agent SDK'],
    ]);
  });

  it('Anthropic Messages API mcp_servers list and OpenAI Responses hosted MCP tools; tokens never kept', async () => {
    const anthropic = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'response = client.beta.messages.create(',
      '    model="claude-sonnet-4-20250514",',
      '    max_tokens=1000,',
      '    messages=[{"role": "user", "content": "What tools do you have available?"}],',
      '    mcp_servers=[{"type": "url", "url": "https://mcp.linear.app/sse", "name": "linear", "authorization_token": "lin_oauth_8f2b41c9d0"}],',
      '    betas=["mcp-client-2025-04-04"],',
      ')',
      '',
    ].join('\n');
    const res = await analyze(codeAnalyzer, 'scripts/triage.py', anthropic);
    expect(await servers('scripts/triage.py', anthropic)).toEqual([['mcp-server:linear', 7, 'http', 'https://mcp.linear.app/sse', 'create']]);
    expect(JSON.stringify(res.assets)).not.toContain('lin_oauth');
    const openai = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'resp = client.responses.create(',
      '    model="gpt-4.1",',
      '    tools=[{"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp", "require_approval": "never"}],',
      '    input="What transport protocols does the 2025-03-26 version of the MCP spec support?",',
      ')',
      '',
    ].join('\n');
    expect(await servers('app/ask.py', openai)).toEqual([['mcp-server:deepwiki', 5, 'hosted', 'https://mcp.deepwiki.com/mcp', 'create']]);
  });

  it('OpenAI Agents SDK and Pydantic AI server classes', async () => {
    const agents = [
      'from agents import Agent, Runner',
      'from agents.mcp import MCPServerStdio, MCPServerStreamableHttp',
      'from agents import HostedMCPTool',
      '',
      'async with MCPServerStdio(name="Filesystem Server, via npx", params={"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", samples_dir]}) as fs_server:',
      '    pass',
      'remote = MCPServerStreamableHttp(name="git-docs", params={"url": "https://gitmcp.io/openai/codex"})',
      'tool = HostedMCPTool(tool_config={"type": "mcp", "server_label": "gitmcp", "server_url": "https://gitmcp.io/openai/codex", "require_approval": "never"})',
      '',
    ].join('\n');
    expect(await servers('agents_app/main.py', agents)).toEqual([
      ['mcp-server:@modelcontextprotocol/server-filesystem', 5, 'stdio', '@modelcontextprotocol/server-filesystem', 'OpenAI Agents SDK'],
      ['mcp-server:git-docs', 7, 'streamable_http', 'https://gitmcp.io/openai/codex', 'OpenAI Agents SDK'],
      ['mcp-server:gitmcp', 8, 'hosted', 'https://gitmcp.io/openai/codex', 'OpenAI Agents SDK (hosted MCP)'],
    ]);
    const pydantic = [
      'from pydantic_ai import Agent',
      'from pydantic_ai.mcp import MCPServerStdio, MCPServerStreamableHTTP',
      '',
      "run_python = MCPServerStdio('deno', args=['run', '-N', 'jsr:@pydantic/mcp-run-python', 'stdio'])",
      "local = MCPServerStreamableHTTP('http://localhost:8000/mcp')",
      "agent = Agent('openai:gpt-4o', toolsets=[run_python, local])",
      '',
    ].join('\n');
    expect(await servers('pyd/agent.py', pydantic)).toEqual([
      ['mcp-server:deno run', 4, 'stdio', 'deno', 'Pydantic AI'],
      ['mcp-server:http://localhost:8000/mcp', 5, 'streamable_http', 'http://localhost:8000/mcp', 'Pydantic AI'],
    ]);
  });

  it('JS: Claude Agent SDK query() options', async () => {
    const src = "import { query } from '@anthropic-ai/claude-agent-sdk';\n\nfor await (const message of query({\n  prompt: 'List my open issues',\n  options: {\n    mcpServers: {\n      linear: { type: 'sse', url: 'https://mcp.linear.app/sse' },\n    },\n  },\n})) {\n  console.log(message);\n}\n";
    expect(await servers('src/issues.ts', src)).toEqual([['mcp-server:linear', 7, 'sse', 'https://mcp.linear.app/sse', 'query']]);
  });

  it('twins: no AI import, a tool dict without a server URL, server classes of an unknown library, a placeholder URL', async () => {
    const noImport = 'import json\nsettings = load(mcp_servers={"docs": {"url": "https://mcp.deepwiki.com/mcp"}})\n';
    expect(await servers('config/loader.py', noImport)).toEqual([]);
    const noUrl = 'from openai import OpenAI\nclient = OpenAI()\nclient.responses.create(model="gpt-4.1", tools=[{"type": "mcp", "server_label": "x"}], input="hi")\n';
    expect(await servers('app/a.py', noUrl)).toEqual([]);
    const other = 'from openai import OpenAI\nfrom mytools.mcp import MCPServerStdio\ns = MCPServerStdio(params={"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]})\n';
    expect(await servers('app/b.py', other)).toEqual([]);
    const placeholder = 'from pydantic_ai.mcp import MCPServerSSE\nserver = MCPServerSSE(url="https://your-mcp-server.example.com/sse")\n';
    expect(await servers('app/c.py', placeholder)).toEqual([]);
  });
});

describe('code discovery: LiteLLM-style model strings (issue 13.3)', () => {
  it('a bare id goes to the provider of its family, and the Agents SDK litellm/ prefix is read through', async () => {
    const crew = 'from crewai import Agent, LLM\n\nwriter_llm = LLM(model="claude-3-5-sonnet-20241022", temperature=0.2)\nreviewer_llm = LLM(model="gpt-4o-mini")\n';
    expect(sightings((await analyze(codeAnalyzer, 'crew/llms.py', crew)).assets)).toEqual(expect.arrayContaining(['model:anthropic/claude-3-5-sonnet-20241022@3', 'model:openai/gpt-4o-mini@4']));
    const agents = 'from agents import Agent, Runner\n\nagent = Agent(name="Assistant", model="litellm/anthropic/claude-3-5-sonnet-20240620")\n';
    const s = sightings((await analyze(codeAnalyzer, 'oa/main.py', agents)).assets);
    expect(s).toContain('model:anthropic/claude-3-5-sonnet-20240620@3');
    expect(s.some((x) => x.startsWith('llm-provider:litellm'))).toBe(false);
  });
});

describe('code discovery: method names alone are no provider sighting', () => {
  it("moto's Bedrock mock calls invoke_model on its backend: no provider; a boto3 Bedrock client with a model id still is one", async () => {
    const mock = [
      'import json',
      'from moto.core.responses import BaseResponse',
      '',
      'class BedrockRuntimeResponse(BaseResponse):',
      '    def invoke_model(self) -> str:',
      '        model_id = self.path.split("/")[-2]',
      '        body = self.bedrockruntime_backend.invoke_model(model_id=model_id, body=self.body)',
      '        return json.dumps(body)',
      '',
    ].join('\n');
    expect((await analyze(codeAnalyzer, 'moto/bedrockruntime/responses.py', mock)).assets).toEqual([]);
    const real = 'import boto3\nbedrock = boto3.client("bedrock-runtime")\nresp = bedrock.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=payload)\n';
    expect(sightings((await analyze(codeAnalyzer, 'app/summarise.py', real)).assets)).toEqual(expect.arrayContaining(['llm-provider:bedrock@2', 'model:bedrock/anthropic.claude-3-haiku-20240307-v1:0@3']));
  });
});
