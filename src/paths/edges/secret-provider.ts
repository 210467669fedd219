/**
 * Edge kind: leaked key ─grants→ provider account. A `secret` asset (one per credential rule and file,
 * src/secrets/assets.ts) opens the account of the provider its format belongs to. Paying AI APIs are
 * LLMjacking targets; an AWS key opens Bedrock only when the scan saw Bedrock in use (we do not claim
 * what the key's policy does not show).
 */
import type { Asset } from '../../core/model.js';
import type { GraphEdge } from '../graph.js';

/** Secret catalogue provider names → discovery's provider ids (`llm-provider:<id>`). */
const PROVIDERS: Record<string, string> = {
  OpenAI: 'openai', Anthropic: 'anthropic', 'Hugging Face': 'huggingface', Google: 'google', Azure: 'azure-openai',
  Groq: 'groq', Replicate: 'replicate', Perplexity: 'perplexity', xAI: 'xai', OpenRouter: 'openrouter',
  'Mistral AI': 'mistral', Cohere: 'cohere', 'Together AI': 'together', NVIDIA: 'nvidia', DeepSeek: 'deepseek',
};

export function secretProviderEdges(assets: readonly Asset[], has: (id: string) => boolean): GraphEdge[] {
  const out: GraphEdge[] = [];
  const bedrock = has('llm-provider:bedrock');
  for (const a of assets) {
    if (a.kind !== 'secret' || typeof a.properties.provider !== 'string') continue;
    const p = a.properties.provider;
    if (p === 'AWS') {
      if (bedrock) out.push({ from: a.id, to: 'llm-provider:bedrock', type: 'grants' });
      continue;
    }
    const id = PROVIDERS[p];
    if (id && (a.properties.llmjacking === true || has(`llm-provider:${id}`))) out.push({ from: a.id, to: `llm-provider:${id}`, type: 'grants', stub: { kind: 'llm-provider', name: id } });
  }
  return out;
}
