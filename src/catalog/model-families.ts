/**
 * Hosted model families by provider, as data: a literal like `gpt-4.1-mini` in a `*_MODEL` constant
 * names an OpenAI model even where no client call sits beside it (issue 13.3: real projects keep
 * model ids in constants, config objects and environment defaults). Only these well-known prefixes
 * are read, so that arbitrary strings in `*_MODEL` variables are not taken for model ids.
 */
export interface ModelFamily {
  provider: string;
  /** Matches the whole id. */
  re: RegExp;
}

export const MODEL_FAMILIES: readonly ModelFamily[] = [
  { provider: 'openai', re: /^(?:gpt-(?:3\.5|4|4o|4\.1|4\.5|5|oss)[\w.-]*|o[134](?:-[\w.-]+)?|chatgpt-[\w.-]+|text-embedding-[\w.-]+|dall-e-[23]|whisper-1|tts-1(?:-hd)?|codex-[\w.-]+|computer-use-preview[\w.-]*)$/ },
  { provider: 'anthropic', re: /^claude-(?:[\w.-]+)$/ },
  { provider: 'google', re: /^(?:gemini-[\w.-]+|text-embedding-00\d|gemma-[\w.-]+|imagen-[\w.-]+|veo-[\w.-]+)$/ },
  { provider: 'mistral', re: /^(?:(?:mistral|codestral|ministral|pixtral|magistral|devstral|open-mistral|open-mixtral)-[\w.-]+)$/ },
  { provider: 'cohere', re: /^(?:command(?:-[\w.-]+)?|embed-(?:english|multilingual)-[\w.-]+|rerank-[\w.-]+)$/ },
  { provider: 'deepseek', re: /^deepseek-(?:chat|reasoner|coder)[\w.-]*$/ },
  { provider: 'xai', re: /^grok-[\w.-]+$/ },
  { provider: 'bedrock', re: /^(?:(?:us|eu|apac|global)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|qwen|openai)\.[\w.-]+(?::\d+)?$/ },
  // Ollama tags: `llama3.2`, `llama3.1:8b`, `qwen2.5-coder:7b`, `mistral:latest`.
  { provider: 'ollama', re: /^(?:llama[23](?:\.\d)?|qwen[23](?:\.\d)?(?:-coder)?|phi[34]|gemma[23]?|mistral|mixtral|deepseek-r1|nomic-embed-text|mxbai-embed-large|codellama|llava)(?::[\w.-]+)$/ },
];

/** Provider prefixes of `provider:model` strings (LangChain `init_chat_model`, PydanticAI, LiteLLM `provider/model`). */
export const MODEL_PROVIDER_PREFIXES: Record<string, string> = {
  openai: 'openai', 'azure-openai': 'azure-openai', azure_openai: 'azure-openai', azure: 'azure-openai', anthropic: 'anthropic',
  google: 'google', 'google-gla': 'google', 'google-vertex': 'google-vertex', google_genai: 'google', google_vertexai: 'google-vertex',
  gemini: 'google', vertex_ai: 'google-vertex', bedrock: 'bedrock', bedrock_converse: 'bedrock', 'bedrock-converse': 'bedrock',
  groq: 'groq', mistral: 'mistral', mistralai: 'mistral', cohere: 'cohere', ollama: 'ollama', ollama_chat: 'ollama', deepseek: 'deepseek',
  xai: 'xai', together: 'together', together_ai: 'together', fireworks: 'fireworks', fireworks_ai: 'fireworks', huggingface: 'huggingface',
  openrouter: 'openrouter', cerebras: 'cerebras', perplexity: 'perplexity',
};

/** The provider of a bare hosted model id, or undefined when it is not a known family. */
export function providerOfModel(id: string): string | undefined {
  return MODEL_FAMILIES.find((f) => f.re.test(id))?.provider;
}

/** Quick text test for the code pre-check: a quoted literal of a known family or a `provider:model` string. */
export const MODEL_LITERAL_HINT = /["'`](?:gpt-[345o]|o[134]-|claude-|gemini-|mistral-|codestral-|command-r|deepseek-|grok-|(?:us\.|eu\.)?anthropic\.claude|(?:openai|anthropic|google[-_]\w+|bedrock|groq|mistral(?:ai)?|ollama|azure_openai|vertex_ai|gemini|together|fireworks|xai|deepseek|openrouter)[:/][\w.-]+["'`])/;
