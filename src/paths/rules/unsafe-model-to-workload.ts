import type { PathRule } from './rule.js';

export const unsafeModelToWorkload: PathRule = {
  entries: ['unsafe-model-artifact'],
  targets: ['training-data', 'model-store', 'ai-account', 'secret', 'model-publishing-ci'],
  meta: {
    id: 'path/unsafe-model-to-credentials',
    title: 'Model artifact that runs code is loaded by a workload that holds credentials',
    severity: 'critical',
    category: 'unsafe-artifact',
    description:
      'A model file that executes code when loaded (a pickle with dangerous globals, a Keras Lambda layer) is loaded by a workload at start-up. Whoever controls the artifact runs code in that workload and takes what it holds: provider keys, its cloud role and the stores that role reaches.',
    remediation:
      'Convert the model to a format that cannot run code (safetensors, ONNX, GGUF) or load it with `weights_only=True`/`safe_mode=True`; verify artifacts by digest or signature before loading; and keep credentials the serving process does not need out of it.',
    references: { cwe: ['CWE-502', 'CWE-94'], owaspLlm: ['LLM03', 'LLM04'], atlas: ['AML.T0010.003', 'AML.T0011.000'], attack: ['T1195.002'], urls: ['https://atlas.mitre.org/techniques/AML.T0011', 'https://genai.owasp.org/llmrisk/llm032025-supply-chain/'] },
    tags: ['attack-path', 'model', 'supply-chain'],
    confidence: 'medium',
  },
};
