/** RuleTester tables of the remaining AI-server checks on docker-compose (exposure = a port published on all interfaces). */
import { composeKind } from '../../../src/documents/compose/index.js';
import { comfyuiListenExposed } from '../../../src/posture/compose/comfyui-listen-exposed.js';
import { gradioExposed } from '../../../src/posture/compose/gradio-exposed.js';
import { langflowAutoLogin } from '../../../src/posture/compose/langflow-auto-login.js';
import { mlflowNoAuth } from '../../../src/posture/compose/mlflow-no-auth.js';
import { modelServerImageUnpinned } from '../../../src/posture/compose/model-server-image-unpinned.js';
import { ollamaOriginsWildcard } from '../../../src/posture/compose/ollama-origins-wildcard.js';
import { rayNoTokenAuth } from '../../../src/posture/compose/ray-no-token-auth.js';
import { torchserveManagementExposed } from '../../../src/posture/compose/torchserve-management-exposed.js';
import { tritonModelControlExposed } from '../../../src/posture/compose/triton-model-control-exposed.js';
import { trustRemoteCode } from '../../../src/posture/compose/trust-remote-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const svc = (body: string) => `services:\n  s:\n${body.replace(/^/gm, '    ')}\n`;
const F = 'docker-compose.yml';

ruleTester(composeKind, rayNoTokenAuth, {
  filename: F,
  valid: [svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --block\nenvironment:\n  RAY_AUTH_MODE: token'), svc('image: rayproject/ray:2.40.0\ncommand: ray start --address=head:6379 --block')],
  invalid: [
    { code: svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --block'), errors: [{ line: 2, severity: 'medium' }] },
    { code: svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --block\nports:\n  - "10001:10001"'), errors: [{ severity: 'high' }] },
  ],
});

ruleTester(composeKind, mlflowNoAuth, {
  filename: F,
  valid: [svc('image: ghcr.io/mlflow/mlflow:v2.17.0\ncommand: mlflow server --host 0.0.0.0 --app-name basic-auth\nports:\n  - "5000:5000"'), svc('image: ghcr.io/mlflow/mlflow:v2.17.0\ncommand: mlflow server --host 0.0.0.0\nports:\n  - "127.0.0.1:5000:5000"')],
  invalid: [{ code: svc('image: ghcr.io/mlflow/mlflow:v2.17.0\ncommand: mlflow server --host 0.0.0.0 --port 5000\nports:\n  - "5000:5000"'), errors: [{ line: 4 }] }],
});

ruleTester(composeKind, ollamaOriginsWildcard, {
  filename: F,
  valid: [svc('image: ollama/ollama:0.3.14\nenvironment:\n  - OLLAMA_ORIGINS=http://localhost:3000')],
  invalid: [{ code: svc('image: ollama/ollama:0.3.14\nenvironment:\n  - OLLAMA_ORIGINS=*\nports:\n  - "11434:11434"'), errors: [{ line: 5, severity: 'high' }] }],
});

ruleTester(composeKind, trustRemoteCode, {
  filename: F,
  valid: [svc('image: vllm/vllm-openai:v0.6.3\ncommand: ["--model", "org/m"]')],
  invalid: [{ code: svc('image: vllm/vllm-openai:v0.6.3\ncommand: ["--model", "org/m", "--trust-remote-code"]'), errors: [{ line: 4 }] }],
});

ruleTester(composeKind, torchserveManagementExposed, {
  filename: F,
  valid: [svc('image: pytorch/torchserve:0.12.0\nports:\n  - "8080:8080"\n  - "127.0.0.1:8081:8081"')],
  invalid: [{ code: svc('image: pytorch/torchserve:0.12.0\nports:\n  - "8080:8080"\n  - "8081:8081"'), errors: [{ line: 6 }] }],
});

ruleTester(composeKind, tritonModelControlExposed, {
  filename: F,
  valid: [svc('image: nvcr.io/nvidia/tritonserver:24.08-py3\ncommand: tritonserver --model-repository=/m --model-control-mode=explicit --http-restricted-api=model-repository:admin-key=x\nports:\n  - "8000:8000"')],
  invalid: [{ code: svc('image: nvcr.io/nvidia/tritonserver:24.08-py3\ncommand: tritonserver --model-repository=/m --model-control-mode=explicit\nports:\n  - "8000:8000"'), errors: [{ line: 4 }] }],
});

ruleTester(composeKind, gradioExposed, {
  filename: F,
  valid: [svc('image: app:1\nenvironment:\n  GRADIO_SERVER_NAME: 0.0.0.0\nports:\n  - "127.0.0.1:7860:7860"')],
  invalid: [{ code: svc('image: app:1\nenvironment:\n  GRADIO_SERVER_NAME: 0.0.0.0\nports:\n  - "7860:7860"'), errors: [{ line: 5 }] }],
});

ruleTester(composeKind, langflowAutoLogin, {
  filename: F,
  valid: [svc('image: langflowai/langflow:1.1.1\nenvironment:\n  LANGFLOW_AUTO_LOGIN: "False"\nports:\n  - "7860:7860"')],
  invalid: [{ code: svc('image: langflowai/langflow:1.1.1\nports:\n  - "7860:7860"'), errors: [{ line: 2, severity: 'critical' }] }],
});

ruleTester(composeKind, comfyuiListenExposed, {
  filename: F,
  valid: [svc('image: yanwk/comfyui-boot:cu121\ncommand: python main.py --listen\nports:\n  - "127.0.0.1:8188:8188"')],
  invalid: [{ code: svc('image: yanwk/comfyui-boot:cu121\ncommand: python main.py --listen\nports:\n  - "8188:8188"'), errors: [{ line: 4 }] }],
});

ruleTester(composeKind, modelServerImageUnpinned, {
  filename: F,
  valid: [svc('image: ghcr.io/huggingface/text-generation-inference:2.4.0')],
  invalid: [{ code: svc('image: ghcr.io/huggingface/text-generation-inference:latest'), errors: [{ line: 3 }] }],
});
