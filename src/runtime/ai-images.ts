/**
 * AI container images in runtime events, from the shared catalogue (data/ai-images.json via
 * src/catalog/ai-images.ts). The Falco rules in rules/runtime/falco-*.yml carry their own substring
 * list (an exported Sigma rule must be self-contained); a test checks that the list recognises every
 * catalogue image of the categories below.
 */
import { classifyImage, type AiImageCategory, type AiImageEntry } from '../catalog/ai-images.js';

/** Categories whose containers the Falco rules escalate (vector stores, UIs and gateways are not model workloads). */
export const RUNTIME_AI_CATEGORIES: readonly AiImageCategory[] = ['serving', 'training', 'framework', 'gpu-runtime', 'distributed', 'notebook', 'mlops'];

/** The catalogue entry of a container image repository when it is an AI serving / training image. */
export function aiImageOf(repository: string): AiImageEntry | undefined {
  const e = classifyImage(repository);
  return e && RUNTIME_AI_CATEGORIES.includes(e.category) ? e : undefined;
}
