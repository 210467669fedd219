/** RuleTester tables of the docker-compose rules (published ports decide exposure). */
import { composeKind } from '../../../src/documents/compose/index.js';
import { composeDockerSockMount } from '../../../src/posture/compose/docker-sock-mount.js';
import { jupyterEmptyToken } from '../../../src/posture/compose/jupyter-empty-token.js';
import { ldPreloadGpu } from '../../../src/posture/compose/ld-preload-gpu.js';
import { llmServerNoApiKey } from '../../../src/posture/compose/llm-server-no-api-key.js';
import { ollamaExposed } from '../../../src/posture/compose/ollama-exposed.js';
import { composePrivileged } from '../../../src/posture/compose/privileged.js';
import { rayDashboardExposed } from '../../../src/posture/compose/ray-dashboard-exposed.js';
import { ruleTester } from '../../support/rule-tester.js';

const svc = (body: string) => `services:\n  s:\n${body.replace(/^/gm, '    ')}\n`;

ruleTester(composeKind, ollamaExposed, {
  filename: 'docker-compose.yml',
  valid: [
    svc('image: ollama/ollama:0.3.14\nports:\n  - "127.0.0.1:11434:11434"'),
    svc('image: ollama/ollama:0.3.14\nexpose: ["11434"]'),
    svc('image: ollama/ollama:0.3.14\nenvironment:\n  OLLAMA_HOST: 127.0.0.1\nports:\n  - "11434:11434"'),
  ],
  invalid: [
    { code: svc('image: ollama/ollama:0.3.14\nports:\n  - "11434:11434"'), errors: [{ line: 5, message: 'published on all interfaces' }] },
    { code: svc('image: ollama/ollama:0.3.14\nports:\n  - "0.0.0.0:11434:11434"'), errors: [{ line: 5 }] },
    { name: 'long syntax', code: svc('image: ollama/ollama:0.3.14\nports:\n  - target: 11434\n    published: 8080'), errors: [{ line: 5 }] },
    { name: 'network_mode host', code: svc('image: ollama/ollama:0.3.14\nnetwork_mode: host'), errors: [{ line: 4, message: 'network_mode: host' }] },
  ],
});

ruleTester(composeKind, rayDashboardExposed, {
  filename: 'compose.yaml',
  valid: [
    svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --dashboard-host=0.0.0.0 --block\nports:\n  - "127.0.0.1:8265:8265"'),
    svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --block\nports:\n  - "8265:8265"'),
  ],
  invalid: [{ code: svc('image: rayproject/ray:2.40.0\ncommand: ray start --head --dashboard-host=0.0.0.0 --block\nports:\n  - "8265:8265"\n  - "10001:10001"'), errors: [{ line: 6 }, { line: 7 }] }],
});

ruleTester(composeKind, llmServerNoApiKey, {
  filename: 'docker-compose.yml',
  valid: [svc('image: vllm/vllm-openai:v0.6.3\ncommand: ["--model", "org/m", "--api-key", "${KEY}"]\nports:\n  - "8000:8000"'), svc('image: vllm/vllm-openai:v0.6.3\nports:\n  - "127.0.0.1:8000:8000"')],
  invalid: [{ code: svc('image: vllm/vllm-openai:v0.6.3\nenvironment:\n  - HF_TOKEN\nports:\n  - "8000:8000"'), errors: [{ line: 7, message: 'vLLM' }] }],
});

ruleTester(composeKind, jupyterEmptyToken, {
  filename: 'docker-compose.yml',
  valid: [svc('image: quay.io/jupyter/base-notebook:latest\nports:\n  - "8888:8888"')],
  invalid: [{ code: svc(`image: quay.io/jupyter/base-notebook:latest\ncommand: start-notebook.py --NotebookApp.token=''\nports:\n  - "8888:8888"`), errors: [{ line: 4, severity: 'critical' }] }],
});

ruleTester(composeKind, ldPreloadGpu, {
  filename: 'docker-compose.yml',
  valid: [svc('image: app:1\nenvironment:\n  - LD_PRELOAD=/x.so'), svc('image: app:1\nruntime: nvidia')],
  invalid: [{ code: svc('image: app:1\nruntime: nvidia\nenvironment:\n  LD_PRELOAD: /proc/self/cwd/poc.so'), errors: [{ line: 6 }] }],
});

ruleTester(composeKind, composePrivileged, {
  filename: 'docker-compose.yml',
  valid: [svc('image: app:1\nprivileged: false')],
  invalid: [{ code: svc('image: app:1\nprivileged: true'), errors: [{ line: 4 }] }],
});

ruleTester(composeKind, composeDockerSockMount, {
  filename: 'docker-compose.yml',
  valid: [svc('image: app:1\nvolumes:\n  - ./data:/data'), svc('image: app:1\nvolumes:\n  - /var/run/docker.sock.bak:/x')],
  invalid: [
    { code: svc('image: app:1\nvolumes:\n  - /var/run/docker.sock:/var/run/docker.sock'), errors: [{ line: 5 }] },
    { code: svc('image: app:1\nvolumes:\n  - type: bind\n    source: /run/containerd/containerd.sock\n    target: /c.sock'), errors: [{ line: 5 }] },
  ],
});
