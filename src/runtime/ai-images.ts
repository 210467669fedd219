/**
 * Container images of AI serving and training stacks, matched as substrings of the image repository.
 *
 * TODO(discovery): this belongs to the shared AI image catalogue of the discovery work; when it lands
 * on main, derive this list from it. Until then the Falco rules in rules/runtime/falco-*.yml carry the
 * same list (Sigma rules must be self-contained to be exported); a test checks that they agree.
 */
export const AI_IMAGE_PATTERNS: readonly string[] = [
  'vllm',
  'rayproject/ray',
  'anyscale/ray',
  'kserve',
  'kubeflow',
  'text-generation-inference',
  'tritonserver',
  'ollama',
  'nvidia/cuda',
  'nvcr.io/nvidia',
  'pytorch',
  'tensorflow',
  'huggingface',
  'jupyter',
  'sglang',
  'localai',
  'llama.cpp',
  'mlflow',
  'deepspeed',
];

/** The pattern an image repository matches, if any (case-insensitive). */
export function aiImageMatch(repository: string): string | undefined {
  const r = repository.toLowerCase();
  return AI_IMAGE_PATTERNS.find((p) => r.includes(p));
}
