/**
 * Cheap pre-check before tree-sitter (Trivy's "keywords" idea): a source file can only yield
 * inventory assets if it imports a catalogued AI library, calls one of the AI APIs that are
 * recognised without an import, or mentions a catalogued endpoint host. Imports are found here with
 * a loose regex only to decide whether to parse; every asset still comes from the syntax tree.
 * Parsing is the dominant cost of a scan, and most source files of a repository are not about AI.
 */
import { mentionsEndpointHost, providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import { classifyNpmImport, classifyPythonImport } from '../../catalog/ai-imports.js';
import { classifyGoImport } from '../../catalog/ai-packages.js';
import { MODEL_LITERAL_HINT } from '../../catalog/model-families.js';
import { CALL_RULES } from './call-rules.js';
import { OPENAI_AGENTS_NAMES } from './detect.js';

const PY_FROM = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([\w \t,\\\r\n]*)/gm;
const PY_IMPORT = /^[ \t]*import[ \t]+([\w., \t]+)/gm;
const JS_SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(|\bimport)\s*['"`]([^'"`\r\n]+)['"`]/g;

/** Words that reveal a call rule needing no import: the callee itself, or the values it accepts (boto3 `client('bedrock-runtime')`). */
const UNCONDITIONAL_KEYWORDS = [
  ...new Set(
    CALL_RULES.filter((r) => !r.requires && !r.requiresModule).flatMap((r) => {
      const values = 'values' in r.target && r.target.values ? Object.keys(r.target.values) : [];
      return values.length ? values : [r.callee];
    }),
  ),
];

/** `MODEL_ID = "org/name"`, `"model": "org/name"`, `getenv("MODEL_ID", "org/name")`. */
const HF_ID_NEAR_MODEL_NAME = /(?:model|llm)(?:_?id|_?name)?["']?\s*[:=,]\s*["'`][\w.-]+\/[\w.-]+["'`]/i;

/** A quoted Go import path of a catalogued AI module (`"github.com/sashabaranov/go-openai"`). */
const GO_IMPORT = /"([a-z0-9.-]+\.[a-z]{2,}\/[^"\s]+)"/g;

const PROCESS_HINT = /["'`](?:ollama|docker|podman|vllm|huggingface-cli)\b/;

/** `getenv("GROQ_API_KEY")`, `environ.get("OPENAI_API_KEY")`, `os.Getenv("ANTHROPIC_API_KEY")`: a provider's variable (detect.ts envKeyProviders). */
const ENV_KEY_READ = /(?:getenv|Getenv|LookupEnv|environ\.get|environ\.setdefault)\s*\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]/g;

function readsProviderEnvKey(text: string): boolean {
  for (const m of text.matchAll(ENV_KEY_READ)) if (providerOfEnvKey(m[1])) return true;
  return false;
}

export function mayYieldAssets(lang: 'python' | 'js' | 'go', text: string): boolean {
  if (lang === 'python' ? importsAiPython(text) : lang === 'go' ? importsAiGo(text) : importsAiNpm(text)) return true;
  if (UNCONDITIONAL_KEYWORDS.some((k) => text.includes(k))) return true;
  // Settings modules hold model ids without importing any AI library (`DEFAULT_LLM_MODEL = "gpt-4.1-mini"`).
  if (MODEL_LITERAL_HINT.test(text) || HF_ID_NEAR_MODEL_NAME.test(text)) return true;
  // Commands the code runs (`subprocess.run(["ollama", "pull", …])`, `os.system("docker run … vllm/…")`).
  if (PROCESS_HINT.test(text)) return true;
  if (readsProviderEnvKey(text)) return true;
  return mentionsEndpointHost(text);
}

function importsAiPython(text: string): boolean {
  for (const m of text.matchAll(PY_FROM)) {
    if (classifyPythonImport(m[1])) return true;
    if ((m[1] === 'agents' || m[1].startsWith('agents.')) && m[2].split(/[\s,\\()]+/).some((n) => OPENAI_AGENTS_NAMES.has(n))) return true;
    // `from google import generativeai`: the package is the module plus an imported name.
    for (const name of m[2].split(/[\s,\\()]+/)) if (name && classifyPythonImport(`${m[1]}.${name}`)) return true;
  }
  for (const m of text.matchAll(PY_IMPORT)) {
    for (const part of m[1].split(',')) {
      const mod = part.trim().split(/\s+/)[0];
      if (mod && classifyPythonImport(mod)) return true;
    }
  }
  return false;
}

function importsAiGo(text: string): boolean {
  for (const m of text.matchAll(GO_IMPORT)) if (classifyGoImport(m[1])) return true;
  return false;
}

function importsAiNpm(text: string): boolean {
  for (const m of text.matchAll(JS_SPECIFIER)) if (classifyNpmImport(m[1])) return true;
  return false;
}
