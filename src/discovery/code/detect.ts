/**
 * Turns code facts into inventory assets using the import catalogue and the call-rule table.
 */
import type { Asset } from '../../core/model.js';
import { classifyEndpoint, providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import { classifyNpmImport, classifyPythonImport, type ImportMatch } from '../../catalog/ai-imports.js';
import { asset, at, datasetAsset, hfModelAsset, importedPackageAsset, providerAsset, providerId, providerModelAsset } from '../assets.js';
import { hfDatasetId, hfRepoId, providerModelId } from '../ids.js';
import { AI_SDK_PROVIDERS, CALL_RULES, type ArgSpec, type CallRule } from './call-rules.js';
import type { Arg, Call, CodeFacts, NamedValue } from './facts.js';
import { MODEL_PROVIDER_PREFIXES, providerOfModel } from '../../catalog/model-families.js';
import { launchedPackage, LOOPBACK_URL, safeUrl } from '../../documents/agent-config/launch.js';
import { isPlaceholderUri } from '../placeholders.js';
import { shellLineAssets, SHELL_HINT } from '../infra/shell-scripts.js';

const OPENAI_COMPAT = 'openai-compatible';

const OPENAI_SHAPED: Record<string, string> = { Groq: 'groq', AsyncGroq: 'groq', Together: 'together', AsyncTogether: 'together', Cerebras: 'cerebras', Fireworks: 'fireworks' };

/** Test code: references there are real but not the application's; endpoint strings there are usually fixtures. */
export const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|testing|fixtures?|testdata)\/|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go)$|\.(?:test|spec|poku)\.[cm]?[jt]sx?$/i;

export function detectAssets(facts: CodeFacts, path: string, lang: 'python' | 'js'): Asset[] {
  const out: Asset[] = [];
  const packages = new Set<string>();
  const modules = facts.imports.map((i) => i.module);
  const sdkFactories = new Map<string, string>();

  for (const imp of facts.imports) {
    const m: ImportMatch | undefined = lang === 'python' ? classifyPythonImport(imp.module) ?? openAiAgentsImport(imp) : classifyNpmImport(imp.module);
    if (m) {
      packages.add(m.package);
      if (m.package.startsWith('@')) packages.add(`${m.package.split('/')[0]}/*`);
      out.push(importedPackageAsset(m.ecosystem, m.package, m.category, at(path, imp.line), imp.module));
    }
    const sdk = AI_SDK_PROVIDERS[imp.module];
    if (sdk) for (const n of imp.names) sdkFactories.set(n, sdk);
  }

  // Calls through an import alias (`from pydantic_ai import Agent as A`) match under the imported name.
  const aliases = new Map<string, string>();
  for (const imp of facts.imports) for (const [alias, name] of imp.aliases ?? []) aliases.set(alias, name);
  const calls = aliases.size ? facts.calls.map((c) => unalias(c, aliases)) : facts.calls;
  const compatProvider = resolveOpenAiCompatible(calls);

  for (const call of calls) {
    for (const rule of CALL_RULES) {
      if (!calleeMatches(call.callee, rule.callee)) continue;
      if (rule.requires && !rule.requires.some((p) => packages.has(p))) continue;
      if (rule.requiresModule && !modules.some((m) => rule.requiresModule!.some((r) => m === r || m.startsWith(`${r}.`)))) continue;
      out.push(...applyRule(rule, call, path, compatProvider, packages.size > 0));
    }
    const sdk = sdkFactories.get(call.callee.split('.')[0]);
    if (sdk && call.args[0]?.str) {
      const model = providerModelId(call.args[0].str);
      if (model) out.push(...providerModel(sdk, model, call, path));
    }
  }

  out.push(...mcpServersInCode(calls, path, packages));
  out.push(...namedModelIds(facts, path, packages.size > 0));
  out.push(...envKeyProviders(calls, path));
  out.push(...commandLines(calls, path));

  const inTest = TEST_PATH.test(path);
  if (!inTest) {
    for (const s of facts.strings) {
      const ep = classifyEndpoint(s.value);
      if (ep) out.push(providerAsset(ep.provider, at(path, s.line), { endpoint: ep.host, endpointName: ep.name }, 0.9));
    }
  } else {
    for (const a of out) {
      a.properties.inTest = true;
      a.confidence = Math.min(a.confidence ?? 0.8, 0.5);
    }
  }
  return out;
}

/** Process launches whose argument is a command line: Python subprocess/os, Node child_process/execa. */
const PROCESS_CALLS = /^(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen|(?:child_process\.)?(?:exec|execSync|spawn|spawnSync|execFile|execFileSync)|execa|execaSync|\$)$/;

/**
 * Models pulled or served, and AI images started, by commands the code runs (`subprocess.run(["ollama",
 * "pull", "llama3.2"])`, `os.system("docker run … vllm/vllm-openai … --model org/name")`, Node
 * `spawn("ollama", ["pull", "x"])`): read like a shell script line. Only literal commands count.
 */
function commandLines(calls: Call[], path: string): Asset[] {
  const out: Asset[] = [];
  for (const c of calls) {
    if (!PROCESS_CALLS.test(c.callee)) continue;
    const [a0, a1] = c.args;
    const words = a0?.list ?? (a0?.str !== undefined ? [a0.str, ...(a1?.list ?? [])] : undefined);
    if (!words || !SHELL_HINT.test(words.join(' '))) continue;
    out.push(...shellLineAssets(words.join(' '), path, c.line));
  }
  return out;
}

/**
 * The OpenAI Agents SDK installs as `openai-agents` but imports as `agents`, a name many projects give
 * their own package: it counts only with names only the SDK exports (`Runner`, `function_tool` …).
 */
export const OPENAI_AGENTS_NAMES = new Set(['Runner', 'function_tool', 'OpenAIChatCompletionsModel', 'OpenAIResponsesModel', 'set_default_openai_key', 'set_default_openai_client', 'RunConfig', 'handoff', 'InputGuardrail', 'output_guardrail', 'input_guardrail', 'ModelSettings', 'WebSearchTool', 'FileSearchTool', 'MCPServerStdio', 'MCPServerSse', 'MCPServerStreamableHttp', 'HostedMCPTool']);

function openAiAgentsImport(imp: { module: string; names: string[] }): ImportMatch | undefined {
  if ((imp.module === 'agents' || imp.module.startsWith('agents.')) && imp.names.some((n) => OPENAI_AGENTS_NAMES.has(n))) return { ecosystem: 'pypi', package: 'openai-agents', category: 'agent' };
  return undefined;
}

/** Names that hold a model id: `MODEL`, `MODEL_ID`, `DEFAULT_LLM_MODEL`, `embedding_model`, `modelName`. */
const MODEL_NAME = /(?:^|_)(?:model|llm)(?:_(?:id|name))?$/;
const ENV_DEFAULT = /^(?:os\.getenv|getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault)$/;
/** Reads of one environment variable by name (Python, and Go's `os.Getenv`/`os.LookupEnv`). */
const ENV_READ = /^(?:os\.getenv|getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault|os\.Getenv|os\.LookupEnv)$/;

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Model ids bound to names rather than passed to a client call (issue 13.3): constants and settings
 * (`DEFAULT_LLM_MODEL = "gpt-4.1-mini"`), config objects (`{"id": "openai:gpt-4o"}`), and
 * environment defaults (`os.getenv("MODEL_ID", "Qwen/Qwen2.5-7B-Instruct")`). Only literals that
 * resolve to a known shape count: `provider:model`, a Hugging Face repo id, or a hosted family.
 */
export function namedModelIds(facts: CodeFacts, path: string, importsAi: boolean): Asset[] {
  const named: NamedValue[] = [...facts.values];
  for (const c of facts.calls) {
    if (ENV_DEFAULT.test(c.callee) && c.args[0]?.str && c.args[1]?.str !== undefined) named.push({ via: 'env', name: c.args[0].str, value: c.args[1].str, line: c.args[1].line });
  }
  const out: Asset[] = [];
  for (const v of named) {
    const key = snake(v.name);
    const modelKey = MODEL_NAME.test(key);
    if (!modelKey && key !== 'id') continue;
    // A dict key or object property names a model only in the explicit `provider:model` form: a
    // `{"model": "gpt-4o"}` payload in a script that imports no AI library is not an inventory entry.
    const ref = modelReference(v.value, modelKey && (v.via !== 'key' || importsAi));
    if (!ref) continue;
    const loc = at(path, v.line);
    if (ref.hf) out.push(hfModelAsset(ref.hf, loc, { via: v.name }, 0.7));
    else out.push(providerModelAsset(ref.provider!, ref.model!, loc, { via: v.name }, 0.75), providerAsset(ref.provider!, loc, {}, 0.7));
  }
  return out;
}

/**
 * A provider whose credential or endpoint variable the code reads (`os.getenv("GROQ_API_KEY")`): the
 * same catalogue as .env files and CI secrets (catalog/ai-endpoints.ts), so `bom` lists the provider
 * that `scan` knows from the key's default value. Test files read such variables for fixtures: not there.
 */
export function envKeyProviders(calls: Call[], path: string): Asset[] {
  if (TEST_PATH.test(path)) return [];
  const out: Asset[] = [];
  for (const c of calls) {
    const name = ENV_READ.test(c.callee) ? c.args[0]?.str : undefined;
    const provider = name ? providerOfEnvKey(name) : undefined;
    if (provider) out.push(providerAsset(provider, at(path, c.line), { envKey: name }, 0.7));
  }
  return out;
}

function modelReference(value: string, modelKey: boolean): { provider?: string; model?: string; hf?: string } | undefined {
  const v = value.trim();
  const m = /^([a-z][a-z0-9_-]*)[:/](.+)$/.exec(v);
  // `mistralai/Mistral-7B-Instruct-v0.3` is a Hub repo of an org that shares a provider's name:
  // provider-style ids are lower case, Hub repo names of those orgs are not.
  const hubRepo = m && v[m[1].length] === '/' && /[A-Z]/.test(m[2]) ? hfRepoId(v) : undefined;
  if (hubRepo) return modelKey ? { hf: hubRepo } : undefined;
  if (m && MODEL_PROVIDER_PREFIXES[m[1]]) {
    const model = providerModelId(m[2]);
    return model ? { provider: MODEL_PROVIDER_PREFIXES[m[1]], model } : undefined;
  }
  // An `id` field only counts in the explicit `provider:model` form above.
  if (!modelKey) return undefined;
  const provider = providerOfModel(v);
  if (provider) return { provider, model: v };
  const hf = v.includes('/') ? hfRepoId(v) : undefined;
  return hf ? { hf } : undefined;
}

function unalias(c: Call, aliases: Map<string, string>): Call {
  const dot = c.callee.indexOf('.');
  const head = dot < 0 ? c.callee : c.callee.slice(0, dot);
  const real = aliases.get(head);
  if (!real) return c;
  const callee = real + (dot < 0 ? '' : c.callee.slice(dot));
  return { ...c, callee, name: dot < 0 ? real : c.name };
}

function calleeMatches(callee: string, suffix: string): boolean {
  return callee === suffix || callee.endsWith(`.${suffix}`);
}

function argValue(call: Call, spec: ArgSpec): Arg | undefined {
  for (const k of spec.kw ?? []) {
    const v = call.kwargs.get(k);
    if (v) return v;
  }
  if (spec.pos !== undefined) return call.args[spec.pos];
  return undefined;
}

function literal(call: Call, spec: ArgSpec): string | undefined {
  return argValue(call, spec)?.str;
}

/** The provider behind OpenAI-SDK calls in this file: Azure when an AzureOpenAI client is built, else the base URL's provider. */
function resolveOpenAiCompatible(calls: Call[]): { provider: string; baseUrl?: string } {
  for (const c of calls) if (c.name === 'AzureOpenAI' || c.name === 'AsyncAzureOpenAI') return { provider: 'azure-openai' };
  // SDKs that copy the OpenAI client shape (`client.chat.completions.create`).
  for (const c of calls) {
    const p = OPENAI_SHAPED[c.name];
    if (p) return { provider: p };
  }
  for (const c of calls) {
    if (c.name !== 'OpenAI' && c.name !== 'AsyncOpenAI') continue;
    const url = c.kwargs.get('base_url')?.str ?? c.kwargs.get('baseURL')?.str;
    if (url) {
      const ep = classifyEndpoint(url);
      return { provider: ep?.provider ?? OPENAI_COMPAT, baseUrl: url };
    }
  }
  return { provider: 'openai' };
}

function applyRule(rule: CallRule, call: Call, path: string, compat: { provider: string; baseUrl?: string }, importsAi: boolean): Asset[] {
  const t = rule.target;
  const loc = at(path, call.line);
  switch (t.kind) {
    case 'hf-model': {
      const raw = literal(call, t.arg);
      if (!raw) return [];
      let id = hfRepoId(raw, { allowBare: t.allowBare });
      if (!id && t.bareOrg) {
        const bare = hfRepoId(`${t.bareOrg}/${raw}`);
        if (bare && !raw.includes('/')) id = bare;
      }
      if (!id) return [];
      const revision = t.revision ? t.revision.map((k) => call.kwargs.get(k)?.str).find(Boolean) : undefined;
      if (t.datasetWhenRepoType && call.kwargs.get('repo_type')?.str === 'dataset') {
        return [datasetAsset(id, loc, { source: 'huggingface', call: call.callee, revision }, 0.85)];
      }
      return [hfModelAsset(id, loc, { call: call.callee, revision }, raw.includes('/') ? 0.85 : 0.6)];
    }
    case 'provider-model': {
      const raw = literal(call, t.arg);
      const model = raw ? providerModelId(raw) : undefined;
      const provider = t.provider === OPENAI_COMPAT ? compat.provider : t.provider;
      const baseUrl = t.provider === OPENAI_COMPAT ? compat.baseUrl : undefined;
      // Without a model literal, a method name alone (`self.backend.invoke_model(...)` in moto's Bedrock
      // mock) is no provider sighting unless the rule needs an AI import or the file has one.
      if (!model) return rule.requires || importsAi ? [providerAsset(provider, loc, { call: call.callee, baseUrl }, 0.7)] : [];
      return providerModel(provider, model, call, path, baseUrl);
    }
    case 'init-chat-model': {
      const raw = literal(call, t.arg);
      if (!raw) return [];
      const explicit = call.kwargs.get('model_provider')?.str ?? call.kwargs.get('modelProvider')?.str;
      const colon = raw.indexOf(':');
      const [provider, model] = explicit ? [explicit, raw] : colon > 0 ? [raw.slice(0, colon), raw.slice(colon + 1)] : [undefined, raw];
      const id = providerModelId(model);
      if (!id || !provider || !/^[a-z][a-z0-9_-]*$/.test(provider)) return [];
      return providerModel(normaliseProvider(provider), id, call, path);
    }
    case 'prefixed-model': {
      // LiteLLM-style `provider/model` (CrewAI `LLM`, smolagents); the OpenAI Agents SDK adds `litellm/`.
      const raw = literal(call, t.arg)?.replace(/^litellm\//, '');
      if (!raw) return [];
      const slash = raw.indexOf('/');
      // A bare id is routed by its family (`claude-3-5-sonnet-…` goes to Anthropic), else to OpenAI.
      const provider = slash > 0 ? raw.slice(0, slash) : (providerOfModel(raw) ?? 'openai');
      const id = providerModelId(slash > 0 ? raw.slice(slash + 1) : raw);
      return id ? providerModel(normaliseProvider(provider), id, call, path) : [];
    }
    case 'dataset': {
      const raw = literal(call, t.arg);
      const id = raw ? hfDatasetId(raw) : undefined;
      if (!id) return [];
      const revision = call.kwargs.get('revision')?.str;
      return [datasetAsset(id, loc, { source: 'huggingface', call: call.callee, revision, config: call.args[1]?.str }, id.includes('/') ? 0.85 : 0.7)];
    }
    case 'provider': {
      let provider = t.provider === OPENAI_COMPAT ? compat.provider : t.provider;
      if (t.values) {
        const v = t.arg ? literal(call, t.arg) : undefined;
        if (!v || !t.values[v]) return [];
        provider = t.values[v];
      }
      return [providerAsset(provider, loc, { client: call.callee.replace(/\(\)/g, ''), baseUrl: t.provider === OPENAI_COMPAT ? compat.baseUrl : undefined }, 0.85)];
    }
    case 'mcp-server': {
      const name = literal(call, t.arg);
      const id = name && /^[\w.@/ -]{1,100}$/.test(name) ? `mcp-server:${name}` : `mcp-server:${path}`;
      return [asset('mcp-server', id, name ?? path, loc, { framework: t.framework, definedIn: 'code' }, { confidence: 0.9 })];
    }
    case 'mcp-server-map': {
      const arg = argValue(call, t.arg);
      // JS passes one object: `{ mcpServers: {…} }` or the map itself; Python a dict positionally.
      const map = arg?.nested?.kwargs ?? (call.kwargs.get('mcpServers')?.nested?.kwargs ?? (call.args[0]?.str === undefined && !call.args[0]?.nested ? call.kwargs : undefined));
      return mapServers(map, t.framework, path);
    }
    case 'agent': {
      const name = t.name ? literal(call, t.name) : undefined;
      // A templated role (`{topic} Researcher`) is filled in at run time: it names no agent.
      const templated = name !== undefined && /\{[^}]*\}|\$\{/.test(name);
      const label = name && !templated && name.length <= 100 ? name : `${t.framework} agent`;
      return [asset('agent', `agent:code:${path}:${call.line}`, label, loc, { framework: t.framework, definedIn: 'code', nameTemplate: templated ? name : undefined }, { confidence: 0.85 })];
    }
    case 'ray-llm-config': {
      const conf = argValue(call, t.arg)?.nested?.kwargs;
      const servedAs = conf?.get('model_id')?.str;
      const source = conf?.get('model_source')?.str;
      const hf = hfRepoId(source ?? servedAs ?? '');
      const props = { via: 'ray serve LLMConfig', servedAs };
      if (hf) return [hfModelAsset(hf, at(path, (source ? conf?.get('model_source') : conf?.get('model_id'))?.line ?? call.line), props, 0.85)];
      if (source && /^(?:s3|gs|abfss?):\/\//.test(source) && !isPlaceholderUri(source)) return [asset('model', `model-uri:${source}`, source, loc, { storageUri: source, ...props }, { confidence: 0.8 })];
      return [];
    }
    case 'vector-store': {
      const where = t.url ? literal(call, t.url) : undefined;
      return [asset('vector-store', `vector-store:${t.store}`, t.store, loc, { store: t.store, location: where, call: call.callee }, { confidence: 0.85 })];
    }
  }
}

/** An MCP server asset declared in code, named by its key, its `name`, or failing those its URL or launched package. */
function mcpServerAsset(path: string, line: number, framework: string, server: { name?: string; url?: string; command?: string; args?: string[]; transport?: string }): Asset | undefined {
  const { url, command } = server;
  if (!url && !command) return undefined;
  // An unnamed server at a placeholder URL (`https://your-server.example.com/mcp`) is a template, not an asset.
  if (!server.name && url && isPlaceholderUri(url)) return undefined;
  const launched = command ? launchedPackage(command, server.args ?? []) : undefined;
  const derived = url ? safeUrl(url) : (launched?.name ?? [command!.split('/').pop(), ...(server.args ?? []).filter((a) => !a.startsWith('-')).slice(0, 1)].join(' '));
  const name = server.name && /^[\w.@/ -]{1,100}$/.test(server.name) ? server.name : derived.slice(0, 200);
  return asset('mcp-server', `mcp-server:${name}`, name, at(path, line), {
    framework, definedIn: 'code', transport: server.transport ?? (url ? 'http' : 'stdio'),
    url: url ? safeUrl(url) : undefined, command: command?.split('/').pop(), package: launched?.name,
    remote: url ? !LOOPBACK_URL.test(url) : undefined,
  }, { confidence: 0.85 });
}

/** `{"docs": {"url": …}, "fs": {"command": "npx", "args": […]}}`: one server per well-formed entry. */
function mapServers(map: Map<string, Arg> | undefined, framework: string, path: string): Asset[] {
  const out: Asset[] = [];
  for (const [name, def] of map ?? []) {
    const conf = def.nested?.kwargs;
    if (!conf || !/^[\w.@/ -]{1,100}$/.test(name)) continue;
    const server = mcpServerAsset(path, def.line, framework, { name, url: conf.get('url')?.str, command: conf.get('command')?.str, args: literalStrings(conf.get('args')), transport: conf.get('transport')?.str ?? conf.get('type')?.str });
    if (server) out.push(server);
  }
  return out;
}

/** Keys under which agent SDKs take MCP servers: a name → connection map, or a list (Anthropic Messages API). */
const MCP_MAP_KEYS = ['mcp_servers', 'mcpServers'];

/** Classes that are one MCP server each (OpenAI Agents SDK, Pydantic AI). */
const MCP_SERVER_CLASSES: { callee: string; requires: string; framework: string; transport: string }[] = [
  ...([['MCPServerStdio', 'stdio'], ['MCPServerSse', 'sse'], ['MCPServerStreamableHttp', 'streamable_http']] as const).map(([callee, transport]) => ({ callee, requires: 'openai-agents', framework: 'OpenAI Agents SDK', transport })),
  ...([['MCPServerStdio', 'stdio'], ['MCPServerSSE', 'sse'], ['MCPServerHTTP', 'streamable_http'], ['MCPServerStreamableHTTP', 'streamable_http']] as const).map(([callee, transport]) => ({ callee, requires: 'pydantic-ai', framework: 'Pydantic AI', transport })),
];

const FRAMEWORK_OF: Record<string, string> = { ClaudeAgentOptions: 'Claude Agent SDK', ClaudeCodeOptions: 'Claude Code SDK', HostedMCPTool: 'OpenAI Agents SDK (hosted MCP)' };

/**
 * MCP servers declared in code beyond the call-rule table (issue 13.4): any call of a file that
 * imports an AI library passing an `mcp_servers`/`mcpServers` map or list (Claude Agent SDK options,
 * Anthropic `mcp_servers=[{"type": "url", …}]`, JS `query({options: {mcpServers: …}})`), hosted MCP
 * tool configs (`{"type": "mcp", "server_label": …, "server_url": …}` in OpenAI Responses `tools`
 * or `HostedMCPTool`), and the server classes of the OpenAI Agents SDK and Pydantic AI.
 */
function mcpServersInCode(calls: Call[], path: string, packages: Set<string>): Asset[] {
  if (packages.size === 0) return [];
  const out: Asset[] = [];
  for (const call of calls) {
    if (calleeMatches(call.callee, 'MultiServerMCPClient')) continue;
    for (const c of MCP_SERVER_CLASSES) {
      if (!calleeMatches(call.callee, c.callee) || !packages.has(c.requires)) continue;
      const params = (call.kwargs.get('params') ?? call.args[0])?.nested?.kwargs;
      const url = params?.get('url')?.str ?? call.kwargs.get('url')?.str ?? (c.transport !== 'stdio' ? call.args[0]?.str : undefined);
      const command = params?.get('command')?.str ?? call.kwargs.get('command')?.str ?? (c.transport === 'stdio' ? call.args[0]?.str : undefined);
      const args = literalStrings(params?.get('args')) ?? literalStrings(call.kwargs.get('args'));
      const name = call.kwargs.get('name')?.str ?? call.kwargs.get('tool_prefix')?.str;
      const server = mcpServerAsset(path, call.line, c.framework, { name, url, command, args, transport: c.transport });
      if (server) out.push(server);
    }
    const framework = FRAMEWORK_OF[call.name] ?? call.name;
    visitArgs(call, 0, (holder) => {
      for (const key of MCP_MAP_KEYS) {
        const v = holder.kwargs.get(key);
        if (v?.nested) out.push(...mapServers(v.nested.kwargs, framework, path));
        for (const item of v?.items ?? []) {
          const conf = item.nested?.kwargs;
          const server = conf && mcpServerAsset(path, item.line, framework, { name: conf.get('name')?.str, url: conf.get('url')?.str, transport: conf.get('type')?.str === 'url' ? 'http' : conf.get('type')?.str });
          if (server) out.push(server);
        }
      }
      // A hosted MCP tool: `{"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp"}`.
      const url = holder.kwargs.get('server_url')?.str;
      if (holder.kwargs.get('type')?.str === 'mcp' && url) {
        const server = mcpServerAsset(path, holder.line, framework, { name: holder.kwargs.get('server_label')?.str, url, transport: 'hosted' });
        if (server) out.push(server);
      }
    });
  }
  return out;
}

/** The string literals of a list argument (variables in it left out), or undefined when it is no list. */
function literalStrings(a: Arg | undefined): string[] | undefined {
  return a?.list ?? a?.items?.flatMap((i) => (i.str !== undefined ? [i.str] : []));
}

/** Calls `visit` on the call and on every object literal / nested call in its arguments (bounded depth). */
function visitArgs(call: Call, depth: number, visit: (holder: Call) => void): void {
  visit(call);
  if (depth >= 6) return;
  const follow = (a: Arg) => {
    if (a.nested) visitArgs(a.nested, depth + 1, visit);
    for (const item of a.items ?? []) if (item.nested) visitArgs(item.nested, depth + 1, visit);
  };
  call.args.forEach(follow);
  call.kwargs.forEach(follow);
}

function providerModel(provider: string, model: string, call: Call, path: string, baseUrl?: string): Asset[] {
  const loc = at(path, call.line);
  return [providerModelAsset(provider, model, loc, { call: call.callee, baseUrl }), providerAsset(provider, loc, { baseUrl }, 0.8)];
}

const PROVIDER_ALIASES: Record<string, string> = {
  azure_openai: 'azure-openai',
  azure: 'azure-openai',
  bedrock_converse: 'bedrock',
  google_genai: 'google',
  google_vertexai: 'vertexai',
  gemini: 'google',
  vertex_ai: 'vertexai',
  mistralai: 'mistral',
  huggingface: 'huggingface',
};

function normaliseProvider(p: string): string {
  return PROVIDER_ALIASES[p] ?? p.replace(/_/g, '-');
}

export { providerId };
