/** RuleTester tables of the AI-server checks on Kubernetes (exposure computed across objects). */
import { kubernetesKind } from '../../../src/documents/kubernetes/index.js';
import { comfyuiListenExposed } from '../../../src/posture/kubernetes/comfyui-listen-exposed.js';
import { gradioExposed } from '../../../src/posture/kubernetes/gradio-exposed.js';
import { jupyterEmptyToken } from '../../../src/posture/kubernetes/jupyter-empty-token.js';
import { langflowAutoLogin } from '../../../src/posture/kubernetes/langflow-auto-login.js';
import { ldPreloadGpu } from '../../../src/posture/kubernetes/ld-preload-gpu.js';
import { llmServerNoApiKey } from '../../../src/posture/kubernetes/llm-server-no-api-key.js';
import { mlflowNoAuth } from '../../../src/posture/kubernetes/mlflow-no-auth.js';
import { modelServerImageUnpinned } from '../../../src/posture/kubernetes/model-server-image-unpinned.js';
import { nvidiaToolkitVulnerable } from '../../../src/posture/kubernetes/nvidia-toolkit-vulnerable.js';
import { ollamaExposed } from '../../../src/posture/kubernetes/ollama-exposed.js';
import { ollamaOriginsWildcard } from '../../../src/posture/kubernetes/ollama-origins-wildcard.js';
import { torchserveManagementExposed } from '../../../src/posture/kubernetes/torchserve-management-exposed.js';
import { tritonModelControlExposed } from '../../../src/posture/kubernetes/triton-model-control-exposed.js';
import { trustRemoteCode } from '../../../src/posture/kubernetes/trust-remote-code.js';
import { ruleTester } from '../../support/rule-tester.js';
import { INTERNAL_LB_ANNOTATIONS } from '../../../src/catalog/k8s-internal-lb.js';
import { deployment, envFrom, envSource, join, lbService, lineOf, service } from './helpers.js';

const vllm = (args: string[], env?: Record<string, string>) => deployment({ name: 'vllm', image: 'vllm/vllm-openai:v0.6.3', args, env, port: 8000, gpu: true });
const vllmArgs = ['--model', 'org/m', '--port', '8000'];
const vllmFrom = (extra: string) => deployment({ name: 'vllm', image: 'vllm/vllm-openai:v0.6.3', args: vllmArgs, port: 8000, gpu: true, containerExtra: extra });
ruleTester(kubernetesKind, llmServerNoApiKey, {
  filename: 'vllm.yaml',
  valid: [
    join(vllm(vllmArgs), service('vllm', 'ClusterIP', 80, 8000)),
    join(vllm([...vllmArgs, '--api-key', '$(KEY)']), service('vllm', 'LoadBalancer', 80, 8000)),
    join(vllm(vllmArgs, { VLLM_API_KEY: 'from-secret' }), service('vllm', 'LoadBalancer', 80, 8000)),
    { name: 'Service reaches another port', files: { 'vllm.yaml': vllm(vllmArgs), 'svc.yaml': service('vllm', 'LoadBalancer', 9090, 9090) } },
    { name: 'key from envFrom Secret in the same file', code: join(envSource('Secret', 'vllm-env', { VLLM_API_KEY: 'x' }), vllmFrom(envFrom({ kind: 'Secret', name: 'vllm-env' })), service('vllm', 'LoadBalancer', 80, 8000)) },
    { name: 'key from envFrom ConfigMap in another file', files: { 'vllm.yaml': join(vllmFrom(envFrom({ kind: 'ConfigMap', name: 'cfg' })), service('vllm', 'LoadBalancer', 80, 8000)), 'cm.yaml': envSource('ConfigMap', 'cfg', { VLLM_API_KEY: 'x' }) } },
    { name: 'envFrom prefix makes the name', code: join(envSource('Secret', 's', { API_KEY: 'x' }), vllmFrom(envFrom({ kind: 'Secret', name: 's', prefix: 'VLLM_' })), service('vllm', 'LoadBalancer', 80, 8000)) },
    { name: 'envFrom Secret only in another namespace: the one it reads is not scanned', code: join(envSource('Secret', 'vllm-env', { HF_TOKEN: 'x' }, 'other'), vllmFrom(envFrom({ kind: 'Secret', name: 'vllm-env' })), service('vllm', 'LoadBalancer', 80, 8000)) },
    { name: 'envFrom source not scanned: any variable may be set', code: join(vllmFrom(envFrom({ kind: 'Secret', name: 'external' })), service('vllm', 'LoadBalancer', 80, 8000)) },
    { name: 'internal load balancer', code: join(vllm(vllmArgs), lbService('vllm', 8000, { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } })) },
  ],
  invalid: [
    { name: 'envFrom Secret scanned, without the key', code: join(envSource('Secret', 'vllm-env', { HF_TOKEN: 'x' }), vllmFrom(envFrom({ kind: 'Secret', name: 'vllm-env' })), service('vllm', 'LoadBalancer', 80, 8000)), errors: [{ message: 'vLLM serves on port 8000 without an API key' }] },
    { name: 'envFrom prefix changes the name', code: join(envSource('Secret', 'vllm-env', { VLLM_API_KEY: 'x' }), vllmFrom(envFrom({ kind: 'Secret', name: 'vllm-env', prefix: 'OLD_' })), service('vllm', 'LoadBalancer', 80, 8000)), errors: [{ message: 'without an API key' }] },
    { name: 'envFrom ConfigMap scanned, key under another name; a Secret is not a ConfigMap', code: join(envSource('Secret', 'cfg', { VLLM_API_KEY: 'x' }), envSource('ConfigMap', 'cfg', { VLLM_API_KEY_FILE: '/k' }), vllmFrom(envFrom({ kind: 'ConfigMap', name: 'cfg' })), service('vllm', 'LoadBalancer', 80, 8000)), errors: [{ message: 'without an API key' }] },
    { name: 'LoadBalancer in another file', files: { 'vllm.yaml': vllm(vllmArgs), 'svc.yaml': service('vllm', 'LoadBalancer', 80, 8000) }, errors: [{ path: 'svc.yaml', line: lineOf(service('vllm', 'LoadBalancer', 80, 8000), 'type:'), message: 'vLLM serves on port 8000 without an API key' }] },
    { name: 'NodePort, SGLang by command', code: join(deployment({ name: 's', image: 'python:3.12', args: ['python', '-m', 'sglang.launch_server', '--port', '30000'], port: 30000 }), service('s', 'NodePort', 30000)), errors: [{ message: 'SGLang' }] },
    { name: 'hostNetwork', code: deployment({ name: 'tgi', image: 'ghcr.io/huggingface/text-generation-inference:2.4', podExtra: 'hostNetwork: true' }), errors: [{ line: lineOf(deployment({ name: 'tgi', image: 'ghcr.io/huggingface/text-generation-inference:2.4', podExtra: 'hostNetwork: true' }), 'hostNetwork'), message: 'exposed by hostNetwork' }] },
  ],
});

ruleTester(kubernetesKind, trustRemoteCode, {
  filename: 'm.yaml',
  valid: [vllm(vllmArgs), vllm([...vllmArgs, '--trust-remote-code=false'])],
  invalid: [
    { code: vllm([...vllmArgs, '--trust-remote-code']), errors: [{ line: lineOf(vllm(vllmArgs), 'args:'), severity: 'medium' }] },
    { name: 'pinned revision lowers severity', code: vllm([...vllmArgs, '--trust-remote-code', '--revision', 'abc123']), errors: [{ severity: 'low' }] },
    { name: 'TGI env', code: deployment({ image: 'ghcr.io/huggingface/text-generation-inference:2.4', env: { TRUST_REMOTE_CODE: 'true' } }), errors: [{ message: 'executed at load' }] },
  ],
});

const jupyter = (args: string[]) => deployment({ name: 'nb', image: 'quay.io/jupyter/scipy-notebook:2024-10-07', args, port: 8888 });
ruleTester(kubernetesKind, jupyterEmptyToken, {
  filename: 'nb.yaml',
  valid: [jupyter(['start-notebook.py']), jupyter(['start-notebook.py', "--IdentityProvider.token=''", '--PasswordIdentityProvider.hashed_password=argon2:xyz'])],
  invalid: [
    { code: jupyter(['start-notebook.py', "--IdentityProvider.token=''"]), errors: [{ severity: 'high' }] },
    { name: 'exposed by Ingress', files: { 'nb.yaml': join(jupyter(['jupyter', 'lab', '--ServerApp.token=']), service('nb', 'ClusterIP', 80, 8888)), 'ing.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: nb, namespace: ml}\nspec:\n  defaultBackend:\n    service: {name: nb-svc, port: {number: 80}}\n' }, errors: [{ path: 'nb.yaml', severity: 'critical', message: 'Ingress ml/nb' }] },
  ],
});

const mlflow = (args: string[]) => deployment({ name: 'mlflow', image: 'ghcr.io/mlflow/mlflow:v2.17.0', args, port: 5000 });
ruleTester(kubernetesKind, mlflowNoAuth, {
  filename: 'mlflow.yaml',
  valid: [
    join(mlflow(['mlflow', 'server', '--host', '0.0.0.0', '--app-name', 'basic-auth']), service('mlflow', 'LoadBalancer', 5000)),
    join(mlflow(['mlflow', 'server', '--host', '0.0.0.0']), service('mlflow', 'ClusterIP', 5000)),
    join(mlflow(['mlflow', 'server']), service('mlflow', 'LoadBalancer', 5000)),
  ],
  invalid: [{ code: join(mlflow(['mlflow', 'server', '--host', '0.0.0.0']), service('mlflow', 'LoadBalancer', 5000)), errors: [{ message: 'without --app-name basic-auth' }] }],
});

const ollama = (env?: Record<string, string>) => deployment({ name: 'ollama', image: 'ollama/ollama:0.3.14', env, port: 11434 });
ruleTester(kubernetesKind, ollamaExposed, {
  filename: 'o.yaml',
  valid: [
    join(ollama(), service('ollama', 'ClusterIP', 11434)), join(ollama({ OLLAMA_HOST: '127.0.0.1:11434' }), service('ollama', 'LoadBalancer', 11434)),
    ...INTERNAL_LB_ANNOTATIONS.map((a) => ({ name: `internal load balancer: ${a.annotation}`, code: join(ollama(), lbService('ollama', 11434, { annotations: { [a.annotation]: a.values[0].toUpperCase() } })) })),
    { name: 'GKE Internal (capitalised)', code: join(ollama(), lbService('ollama', 11434, { annotations: { 'networking.gke.io/load-balancer-type': 'Internal' } })) },
    { name: 'internal Service in another file', files: { 'o.yaml': ollama(), 'svc.yaml': lbService('ollama', 11434, { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } }) } },
    { name: 'RFC 1918 source range', code: join(ollama(), lbService('ollama', 11434, { ranges: ['10.0.0.0/8'] })) },
    { name: 'private, loopback, link-local, CGNAT, ULA source ranges', code: join(ollama(), lbService('ollama', 11434, { ranges: ['172.20.0.0/16', '192.168.1.0/24', '127.0.0.1/32', '169.254.0.0/16', '100.64.0.0/10', 'fd00:1::/64', 'fe80::/10', '::1/128', '10.1.2.3'] })) },
    { name: 'source ranges by annotation', code: join(ollama(), lbService('ollama', 11434, { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/16, 192.168.0.0/24' } })) },
  ],
  invalid: [
    { code: join(ollama(), service('ollama', 'LoadBalancer', 11434)), errors: [{ message: 'image default OLLAMA_HOST=0.0.0.0' }] },
    { name: 'internal annotation set to false', code: join(ollama(), lbService('ollama', 11434, { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' } })), errors: [{ message: 'exposed by Service ml/ollama-svc (LoadBalancer)' }] },
    { name: 'AWS scheme internet-facing', code: join(ollama(), lbService('ollama', 11434, { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'source range 0.0.0.0/0', code: join(ollama(), lbService('ollama', 11434, { ranges: ['0.0.0.0/0'] })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'one public source range among private ones', code: join(ollama(), lbService('ollama', 11434, { ranges: ['10.0.0.0/8', '203.0.113.0/24'] })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'source range wider than the private block', code: join(ollama(), lbService('ollama', 11434, { ranges: ['10.0.0.0/7'] })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'malformed source range', code: join(ollama(), lbService('ollama', 11434, { ranges: ['10.0.0.0/33'] })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'IPv6 public source range', code: join(ollama(), lbService('ollama', 11434, { ranges: ['2001:db8::/32'] })), errors: [{ message: 'LoadBalancer' }] },
    { name: 'internal annotation on a NodePort Service', code: join(ollama(), service('ollama', 'NodePort', 11434).replace('  namespace: ml', '  namespace: ml\n  annotations: {networking.gke.io/load-balancer-type: Internal}')), errors: [{ message: 'NodePort' }] },
    { name: 'hostPort', code: deployment({ name: 'o', image: 'ollama/ollama:0.3.14', env: { OLLAMA_HOST: '0.0.0.0:11434' }, containerExtra: 'ports:\n  - containerPort: 11434\n    hostPort: 11434' }), errors: [{ message: 'hostPort 11434' }] },
  ],
});

ruleTester(kubernetesKind, ollamaOriginsWildcard, {
  filename: 'o.yaml',
  valid: [ollama({ OLLAMA_ORIGINS: 'https://chat.example.com' })],
  invalid: [
    { code: ollama({ OLLAMA_ORIGINS: '*' }), errors: [{ severity: 'medium', line: lineOf(ollama({ OLLAMA_ORIGINS: '*' }), 'name: OLLAMA_ORIGINS') }] },
    { code: join(ollama({ OLLAMA_ORIGINS: '*' }), service('ollama', 'NodePort', 11434)), errors: [{ severity: 'high' }] },
  ],
});

const ts = deployment({ name: 'ts', image: 'pytorch/torchserve:0.12.0-gpu', port: 8080 });
ruleTester(kubernetesKind, torchserveManagementExposed, {
  filename: 'ts.yaml',
  valid: [join(ts, service('ts', 'LoadBalancer', 80, 8080)), join(ts, service('ts', 'ClusterIP', 8081))],
  invalid: [{ code: join(ts, service('ts', 'LoadBalancer', 8081)), errors: [{ message: 'management API (8081)' }] }],
});

const triton = (mode: string) => deployment({ name: 'tr', image: 'nvcr.io/nvidia/tritonserver:24.08-py3', args: ['tritonserver', '--model-repository=/models', `--model-control-mode=${mode}`], port: 8000 });
ruleTester(kubernetesKind, tritonModelControlExposed, {
  filename: 'tr.yaml',
  valid: [join(triton('none'), service('tr', 'LoadBalancer', 8000)), join(triton('explicit'), service('tr', 'ClusterIP', 8000))],
  invalid: [{ code: join(triton('explicit'), service('tr', 'LoadBalancer', 8000)), errors: [{ message: '--model-control-mode=explicit' }] }],
});

const gradio = (env: Record<string, string>) => deployment({ name: 'g', image: 'python:3.12', args: ['python', 'app.py'], env, port: 7860 });
ruleTester(kubernetesKind, gradioExposed, {
  filename: 'g.yaml',
  valid: [join(gradio({ GRADIO_SERVER_NAME: '0.0.0.0' }), service('g', 'ClusterIP', 7860)), gradio({ GRADIO_SHARE: 'false' })],
  invalid: [
    { code: gradio({ GRADIO_SHARE: 'true' }), errors: [{ severity: 'high', message: 'public share link' }] },
    { code: join(gradio({ GRADIO_SERVER_NAME: '0.0.0.0' }), service('g', 'LoadBalancer', 80, 7860)), errors: [{ severity: 'medium' }] },
  ],
});

const langflow = (env?: Record<string, string>) => deployment({ name: 'lf', image: 'langflowai/langflow:1.1.1', env, port: 7860 });
const langflowFrom = (extra: string) => deployment({ name: 'lf', image: 'langflowai/langflow:1.1.1', port: 7860, containerExtra: extra });
ruleTester(kubernetesKind, langflowAutoLogin, {
  filename: 'lf.yaml',
  valid: [
    join(langflow({ LANGFLOW_AUTO_LOGIN: 'false' }), service('lf', 'LoadBalancer', 7860)),
    { name: 'envFrom ConfigMap sets it false', code: join(envSource('ConfigMap', 'lf-cfg', { LANGFLOW_AUTO_LOGIN: 'false' }), langflowFrom(envFrom({ kind: 'ConfigMap', name: 'lf-cfg' }))) },
    { name: 'envFrom source not scanned', code: langflowFrom(envFrom({ kind: 'Secret', name: 'lf-external' })) },
  ],
  invalid: [
    { name: 'envFrom ConfigMap sets it true', code: join(envSource('ConfigMap', 'lf-cfg', { LANGFLOW_AUTO_LOGIN: 'true' }), langflowFrom(envFrom({ kind: 'ConfigMap', name: 'lf-cfg' }))), errors: [{ message: 'sets LANGFLOW_AUTO_LOGIN=true' }] },
    { name: 'env overrides envFrom', code: join(envSource('ConfigMap', 'lf-cfg', { LANGFLOW_AUTO_LOGIN: 'false' }), langflowFrom(`${envFrom({ kind: 'ConfigMap', name: 'lf-cfg' })}\nenv:\n  - name: LANGFLOW_AUTO_LOGIN\n    value: "true"`)), errors: [{ message: 'sets LANGFLOW_AUTO_LOGIN=true' }] },
    { code: langflow(), errors: [{ severity: 'medium', message: 'does not set LANGFLOW_AUTO_LOGIN' }] },
    { code: join(langflow({ LANGFLOW_AUTO_LOGIN: 'true' }), service('lf', 'LoadBalancer', 7860)), errors: [{ severity: 'critical' }] },
  ],
});

const comfy = (args: string[]) => deployment({ name: 'c', image: 'yanwk/comfyui-boot:cu121', args, port: 8188, gpu: true });
ruleTester(kubernetesKind, comfyuiListenExposed, {
  filename: 'c.yaml',
  valid: [join(comfy(['python', 'main.py', '--listen']), service('c', 'ClusterIP', 8188)), join(comfy(['python', 'main.py']), service('c', 'LoadBalancer', 8188))],
  invalid: [{ code: join(comfy(['python', 'main.py', '--listen', '0.0.0.0']), service('c', 'LoadBalancer', 8188)), errors: [{ message: 'ComfyUI runs with --listen' }] }],
});

const gpuPod = (env: Record<string, string>, gpu = true) => deployment({ name: 'train', image: 'nvcr.io/nvidia/pytorch:24.05-py3', env, gpu });
ruleTester(kubernetesKind, ldPreloadGpu, {
  filename: 'train.yaml',
  valid: [gpuPod({ LD_PRELOAD: '/lib/x.so' }, false), gpuPod({ LD_PRELOAD: '' }), gpuPod({ OMP_NUM_THREADS: '4' })],
  invalid: [{ code: gpuPod({ LD_PRELOAD: '/proc/self/cwd/poc.so' }), errors: [{ line: lineOf(gpuPod({ LD_PRELOAD: 'x' }), 'name: LD_PRELOAD'), severity: 'critical', message: 'CVE-2025-23266' }] }],
});

const toolkit = (tag: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: toolkit, namespace: gpu-operator}
spec:
  selector: {matchLabels: {app: tk}}
  template:
    metadata: {labels: {app: tk}}
    spec:
      containers:
        - name: toolkit
          image: nvcr.io/nvidia/k8s/container-toolkit:${tag}
`;
ruleTester(kubernetesKind, nvidiaToolkitVulnerable, {
  filename: 'tk.yaml',
  valid: [toolkit('v1.17.8-ubuntu20.04'), toolkit('v1.18.0')],
  invalid: [
    { code: toolkit('v1.17.7-ubuntu20.04'), errors: [{ line: 11, message: /CVE-2025-23266; fixed in 1\.17\.8/ }] },
    { code: toolkit('v1.16.1-ubuntu20.04'), errors: [{ message: 'CVE-2025-23266, CVE-2024-0132' }] },
    { name: 'GPU Operator', code: toolkit('x').replace('nvcr.io/nvidia/k8s/container-toolkit:x', 'nvcr.io/nvidia/gpu-operator:v24.9.0'), errors: [{ message: 'GPU Operator v24.9.0' }] },
  ],
});

ruleTester(kubernetesKind, modelServerImageUnpinned, {
  filename: 'm.yaml',
  valid: [deployment({ image: 'vllm/vllm-openai:v0.6.3' }), deployment({ image: 'nginx:latest' }), deployment({ image: 'vllm/vllm-openai@sha256:' + 'a'.repeat(64) })],
  invalid: [
    { code: deployment({ image: 'vllm/vllm-openai:latest' }), errors: [{ message: 'tagged latest' }] },
    { code: deployment({ image: 'ollama/ollama' }), errors: [{ message: 'not tagged' }] },
  ],
});

ruleTester(kubernetesKind, nvidiaToolkitVulnerable, {
  filename: 'gpu-operator/values.yaml',
  valid: ['operator:\n  repository: nvcr.io/nvidia\n  version: v25.3.1\ntoolkit:\n  enabled: true\n  version: v1.17.8-ubuntu20.04\n', 'toolkit:\n  enabled: true\n'],
  invalid: [
    { code: 'operator:\n  version: v24.6.1\ntoolkit:\n  enabled: true\n  version: v1.16.1-ubuntu20.04\n', errors: [{ line: 2, message: 'GPU Operator v24.6.1' }, { line: 5, message: 'CVE-2025-23266, CVE-2024-0132' }] },
  ],
});
