/**
 * Go facts → inventory assets (issue 13.5): imports of catalogued AI modules become Go packages,
 * and model ids are read where Go SDKs take them: request/params structs (`openai.ChatCompletionRequest
 * {Model: "gpt-4o"}`, `&api.ChatRequest{Model: …}`, `&bedrockruntime.InvokeModelInput{ModelId:
 * aws.String(…)}`), functional options (`ollama.WithModel("x")` of LangChainGo), model arguments of
 * GenAI calls, and model-named constants. The provider is the SDK's, found through the import that
 * binds the qualifier; the table below is what each module means.
 */
import type { Asset } from '../../core/model.js';
import { classifyGoImport } from '../../catalog/ai-packages.js';
import { classifyEndpoint } from '../../catalog/ai-endpoints.js';
import { packageUrl } from '../../packages/normalize.js';
import { asset, at, hfModelAsset, providerAsset, providerModelAsset } from '../assets.js';
import { hfRepoId, providerModelId } from '../ids.js';
import type { Arg, Call, CodeFacts } from './facts.js';
import { providerOfModel } from '../../catalog/model-families.js';
import { envKeyProviders, namedModelIds, TEST_PATH } from './detect.js';

/** Import path (or prefix) → the provider whose models the package's structs and options name. */
const GO_PROVIDERS: [string, string][] = [
  ['github.com/sashabaranov/go-openai', 'openai'],
  ['github.com/openai/openai-go', 'openai'],
  ['github.com/anthropics/anthropic-sdk-go', 'anthropic'],
  ['github.com/ollama/ollama/api', 'ollama'],
  ['google.golang.org/genai', 'google'],
  ['github.com/google/generative-ai-go', 'google'],
  ['cloud.google.com/go/vertexai', 'vertexai'],
  ['github.com/aws/aws-sdk-go-v2/service/bedrockruntime', 'bedrock'],
  ['github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai', 'azure-openai'],
  ['github.com/cohere-ai/cohere-go', 'cohere'],
  ['github.com/tmc/langchaingo/llms/openai', 'openai'],
  ['github.com/tmc/langchaingo/llms/anthropic', 'anthropic'],
  ['github.com/tmc/langchaingo/llms/ollama', 'ollama'],
  ['github.com/tmc/langchaingo/llms/googleai', 'google'],
  ['github.com/tmc/langchaingo/llms/bedrock', 'bedrock'],
  ['github.com/tmc/langchaingo/llms/mistral', 'mistral'],
  ['github.com/tmc/langchaingo/llms/cohere', 'cohere'],
  ['github.com/tmc/langchaingo/llms/huggingface', 'huggingface'],
  ['github.com/tmc/langchaingo/embeddings/ollama', 'ollama'],
];

/** Struct fields and option functions that hold a model id. */
const MODEL_FIELDS = ['Model', 'ModelID', 'ModelId', 'ModelName'];
const MODEL_OPTIONS = /^With(?:Default|Embedding|Chat)?Model(?:ID|Id|Name)?$/;
/** Calls whose positional argument is the model: GenAI `Models.GenerateContent(ctx, "gemini-…", …)`, generative-ai-go `GenerativeModel("…")`. */
const MODEL_ARG_CALLS: Record<string, number> = { GenerateContent: 1, GenerateContentStream: 1, EmbedContent: 1, CountTokens: 1, GenerateImages: 1, GenerativeModel: 0, EmbeddingModel: 0 };
/** Constructors of SDK clients: using one is using the provider. */
const CLIENT_CONSTRUCTOR = /^(?:New|NewClient\w*|NewFromConfig|NewLLM|NewChat\w*|ClientFromEnvironment)$/;

function providerOfImport(path: string): string | undefined {
  for (const [prefix, provider] of GO_PROVIDERS) if (path === prefix || path.startsWith(`${prefix}/`) || new RegExp(`^${prefix.replace(/\./g, '\\.')}/v\\d+(?:/|$)`).test(path)) return provider;
  return undefined;
}

/** Prefixes of SDK model constants (`openai.ChatModelGPT4o`, `anthropic.ModelClaude3_7SonnetLatest`, `openai.EmbeddingModelTextEmbedding3Small`). */
const CONSTANT_PREFIX = /^(?:ChatModel|EmbeddingModel|Model)(?=[A-Z])/;

/**
 * The model id an SDK constant stands for, from the SDKs' naming convention: words and numbers
 * joined by `-`, `Dot` and a `_` between single digits are a `.` for OpenAI (`GPT4_1Mini` →
 * gpt-4.1-mini, `GPT3Dot5Turbo` → gpt-3.5-turbo), a `-` for Anthropic (`Claude3_7SonnetLatest` →
 * claude-3-7-sonnet-latest). Only names that become an id of the provider's known families count.
 */
export function goModelConstant(provider: string, name: string): string | undefined {
  let s = name.replace(CONSTANT_PREFIX, '');
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(s)) return undefined;
  s = s.replace(/Dot(?=\d)/g, '.');
  s = provider === 'openai' ? s.replace(/(?<!\d)(\d)_(\d)(?!\d)/g, '$1.$2') : s;
  s = s.replace(/_/g, '-');
  // Word boundaries: lower→Upper, letter→digit (not the o-series `O3`), digit-run→Upper.
  s = s.replace(/([a-z])([A-Z])/g, '$1-$2').replace(/([A-Za-z]{2,})(\d)/g, '$1-$2').replace(/(\d[a-z]?)([A-Z])/g, '$1-$2');
  const id = s.toLowerCase().replace(/-+/g, '-');
  return providerOfModel(id) === provider ? id : undefined;
}

/** A string literal, one passed through a conversion or pointer helper (`aws.String("x")`, `anthropic.Model("x")`), or an SDK model constant. */
function literalOf(arg: Arg | undefined, provider?: string, qualifiers?: Map<string, string>): string | undefined {
  if (!arg) return undefined;
  if (arg.str !== undefined) return arg.str;
  if (arg.ref && provider && qualifiers) {
    const [q, c] = arg.ref.split('.');
    if (qualifiers.get(q) === provider && c) return goModelConstant(provider, c);
  }
  const n = arg.nested;
  if (n && !n.isNew && n.args.length === 1 && n.args[0].str !== undefined) return n.args[0].str;
  return undefined;
}

/**
 * MCP servers built with the Go SDKs: mark3labs/mcp-go `server.NewMCPServer("name", "1.0.0")` and
 * the official go-sdk `mcp.NewServer(&mcp.Implementation{Name: "name"}, nil)`.
 */
function mcpServer(call: Call, importPath: string | undefined, path: string): Asset | undefined {
  let name: string | undefined;
  let framework: string;
  if (call.name === 'NewMCPServer' && importPath?.startsWith('github.com/mark3labs/mcp-go')) {
    name = call.args[0]?.str;
    framework = 'mcp-go';
  } else if (call.name === 'NewServer' && importPath?.startsWith('github.com/modelcontextprotocol/go-sdk')) {
    name = call.args[0]?.nested?.kwargs.get('Name')?.str;
    framework = 'MCP Go SDK';
  } else {
    return undefined;
  }
  const id = name && /^[\w.@/ -]{1,100}$/.test(name) ? `mcp-server:${name}` : `mcp-server:${path}`;
  return asset('mcp-server', id, name ?? path, at(path, call.line), { framework, definedIn: 'code' }, { confidence: 0.9 });
}

/** `ownModule`: the module of the project itself (from go.mod); its own packages are not dependencies. */
export function detectGoAssets(facts: CodeFacts, path: string, ownModule?: string): Asset[] {
  const out: Asset[] = [];
  /** Local package name → provider of the SDK it names. */
  const qualifiers = new Map<string, string>();
  /** Local package name → import path. */
  const importOf = new Map<string, string>();
  for (const imp of facts.imports) {
    for (const n of imp.names) importOf.set(n, imp.module);
    const own = ownModule !== undefined && (imp.module === ownModule || imp.module.startsWith(`${ownModule}/`));
    const m = own ? undefined : classifyGoImport(imp.module);
    if (m) {
      out.push(asset('package', packageUrl('Go', m.module), m.module, at(path, imp.line), { ecosystem: 'Go', aiCategory: m.info.category, imported: true, importName: imp.module, direct: true }, { confidence: 0.9 }));
    }
    const provider = providerOfImport(imp.module);
    if (provider) for (const n of imp.names) qualifiers.set(n, provider);
  }
  const importsAi = out.length > 0;
  const modelLines = new Set<string>();
  const model = (provider: string, raw: string | undefined, call: Call, line: number) => {
    const id = raw ? providerModelId(raw) : undefined;
    if (!id) return;
    const hf = provider === 'huggingface' ? hfRepoId(id) : undefined;
    const loc = at(path, line);
    modelLines.add(`${line}\u0000${id}`);
    out.push(hf ? hfModelAsset(hf, loc, { call: call.callee }) : providerModelAsset(provider, id, loc, { call: call.callee }), providerAsset(provider, loc, {}, 0.8));
  };

  for (const call of facts.calls) {
    const qualifier = call.callee.split('.')[0];
    const provider = qualifiers.get(qualifier);
    if (call.isNew) {
      // A struct of an SDK package: its model field names the model.
      if (!provider) continue;
      for (const f of MODEL_FIELDS) {
        const v = call.kwargs.get(f);
        if (v) model(provider, literalOf(v, provider, qualifiers), call, v.line);
      }
      continue;
    }
    if (provider && MODEL_OPTIONS.test(call.name)) model(provider, literalOf(call.args[0], provider, qualifiers), call, call.line);
    else if (provider && CLIENT_CONSTRUCTOR.test(call.name) && call.callee.split('.').length === 2) out.push(providerAsset(provider, at(path, call.line), { client: call.callee }, 0.85));
    const mcp = mcpServer(call, importOf.get(qualifier), path);
    if (mcp) out.push(mcp);
    const pos = MODEL_ARG_CALLS[call.name];
    if (pos !== undefined && importsAi) {
      const sdk = [...new Set(qualifiers.values())].find((p) => p === 'google' || p === 'vertexai');
      if (sdk) model(sdk, call.args[pos]?.str, call, call.args[pos]?.line ?? call.line);
    }
  }

  // Model-named constants and fields outside SDK structs (`const DefaultModel = "gpt-4.1-mini"`).
  for (const a of namedModelIds(facts, path, importsAi)) {
    const line = a.locations[0].startLine ?? 0;
    if (a.kind === 'model' && modelLines.has(`${line}\u0000${a.name}`)) continue;
    if (a.kind === 'llm-provider' && [...modelLines].some((k) => k.startsWith(`${line}\u0000`))) continue;
    out.push(a);
  }

  out.push(...envKeyProviders(facts.calls, path));

  if (TEST_PATH.test(path)) {
    for (const a of out) {
      a.properties.inTest = true;
      a.confidence = Math.min(a.confidence ?? 0.8, 0.5);
    }
  } else {
    for (const s of facts.strings) {
      const ep = classifyEndpoint(s.value);
      if (ep) out.push(providerAsset(ep.provider, at(path, s.line), { endpoint: ep.host, endpointName: ep.name }, 0.9));
    }
  }
  return out;
}
