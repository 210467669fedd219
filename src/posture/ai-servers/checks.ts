/**
 * AI-server checks written once over the neutral run view, reported by the Kubernetes, compose and
 * Dockerfile rule modules under their own ids and aliases. Each check returns what is wrong at
 * which line; the rule module adds its id, the asset and the key.
 */
import { parseImageRef, classifyImage } from '../../catalog/ai-images.js';
import type { RuleMeta, Severity } from '../../core/model.js';
import { envMayBeSet, envOf, exposureOf, flagOf, unquote, type Exposure, type RunView } from '../../documents/run-view.js';
import type { PostureHit } from '../rule.js';
import { serverOf, serversOf, type ServerEntry } from './catalog.js';

export interface RunFinding {
  line: number;
  /** File of the offending field when it is not the container's (a Service in another manifest). */
  path?: string;
  message: string;
  evidence?: string;
  severity?: Severity;
  /** Distinguishes two findings of one check on one run. */
  sub?: string;
}

export type BaseMeta = Omit<RuleMeta, 'id' | 'aliases'>;

export interface RunCheck {
  meta: BaseMeta;
  check(run: RunView): RunFinding[];
}

export function runHits(run: RunView, found: RunFinding[]): PostureHit[] {
  return found.map((f) => ({
    path: f.path ?? run.path, line: f.line, message: f.message, evidence: f.evidence, severity: f.severity, assetId: run.assetId,
    key: f.sub ? `${run.key}#${f.sub}` : run.key,
  }));
}

const exposedText = (e: Exposure) => `exposed by ${e.via}${e.path ? '' : ''}`;
const ATLAS_PUBLIC = ['AML.T0049'];

/** Port the server listens on: `--port N`, or its default. */
function portOf(run: RunView, s: ServerEntry, index = 0): number {
  const f = s.portFlags ? flagOf(run, ...s.portFlags) : undefined;
  const n = f ? Number(unquote(f.value)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : s.ports[index];
}

function allInterfaces(host: string | undefined): boolean {
  if (host === undefined) return false;
  const h = unquote(host).replace(/^https?:\/\//, '');
  return h === '' || /^(?:0\.0\.0\.0|::|\[::\]|\*)(?::\d+)?$/.test(h) || /^:\d+$/.test(h);
}

// ---- Ray (ShadowRay, CVE-2023-48022) ----

export const rayExposed: RunCheck = {
  meta: {
    title: 'Ray dashboard, client or GCS port reachable from outside the cluster',
    severity: 'critical',
    category: 'exposure',
    description:
      "Ray's dashboard and Jobs API (8265), client server (10001) and GCS (6379) have no authentication unless token authentication is enabled, and the Jobs API runs arbitrary code by design. ShadowRay (CVE-2023-48022) was exactly this: thousands of Ray clusters whose dashboard was reachable from the internet were used to run code, steal model weights and credentials, and mine cryptocurrency. The port is reachable here through a LoadBalancer/NodePort Service, an Ingress/HTTPRoute, the host network, a hostPort or a port published on all interfaces.",
    remediation:
      'Keep the Ray head internal: a ClusterIP head Service (`headGroupSpec.serviceType: ClusterIP`), no Ingress to 8265/10001/6379, and `kubectl port-forward` or an authenticating proxy for the dashboard. Enable token authentication on the cluster as well:\n\n```yaml\nenv:\n  - name: RAY_AUTH_MODE\n    value: token\n  - name: RAY_AUTH_TOKEN\n    valueFrom: {secretKeyRef: {name: ray-auth, key: token}}\n```',
    references: { cve: ['CVE-2023-48022'], cwe: ['CWE-306'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://docs.ray.io/en/latest/ray-security/index.html'] },
    tags: ['ray', 'shadowray'],
    confidence: 'high',
  },
  check(run) {
    const ray = serverOf(run, 'ray');
    if (!ray || run.role === 'ray-worker' || (!run.role && !flagOf(run, '--head'))) return [];
    // `ray start` binds the dashboard to localhost unless told otherwise; KubeRay sets 0.0.0.0.
    const host = flagOf(run, '--dashboard-host');
    const dashboardOpen = run.role === 'ray-head' ? !host || allInterfaces(host.value) : !!host && allInterfaces(host.value);
    const out: RunFinding[] = [];
    const names: Record<number, string> = { 8265: 'dashboard/Jobs API', 10001: 'client server', 6379: 'GCS' };
    const seen = new Set<Exposure>();
    for (const port of ray.ports) {
      if (port === 8265 && !dashboardOpen) continue;
      const e = exposureOf(run, port);
      if (!e || seen.has(e)) continue;
      seen.add(e);
      const ports = ray.ports.filter((p) => (p !== 8265 || dashboardOpen) && exposureOf(run, p) === e);
      out.push({
        line: e.line, path: e.path, sub: e.via,
        message: `${run.label}: Ray ${ports.map((p) => `${names[p]} (${p})`).join(', ')} ${exposedText(e)}${rayTokenAuth(run) === 'off' ? ', and token authentication is not enabled' : ''}.`,
        evidence: `${e.via}${host ? `; dashboard-host=${host.value}` : ''}`,
      });
    }
    return out;
  },
};

/** `on`, `off`, or `unknown` (RAY_AUTH_MODE from a Secret, or possibly set by an envFrom source not scanned). */
function rayTokenAuth(run: RunView): 'on' | 'off' | 'unknown' {
  const mode = envOf(run, 'RAY_AUTH_MODE');
  if (mode) return mode.value === undefined ? 'unknown' : unquote(mode.value) === 'token' ? 'on' : 'off';
  return envMayBeSet(run, 'RAY_AUTH_MODE') ? 'unknown' : 'off';
}

export const rayNoAuth: RunCheck = {
  meta: {
    title: 'Ray cluster without token authentication',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'Ray has no authentication by default: anyone who reaches the head node can submit jobs, that is run code as the cluster. Since Ray 2.52 token authentication is available (`RAY_AUTH_MODE=token`). Without it the cluster relies on the network alone, which ShadowRay (CVE-2023-48022) showed is often not enough. Severity is high when a Ray port is exposed.',
    remediation: 'Set `RAY_AUTH_MODE=token` and a token from a Secret on the head and worker containers:\n\n```yaml\nenv:\n  - name: RAY_AUTH_MODE\n    value: token\n  - name: RAY_AUTH_TOKEN\n    valueFrom: {secretKeyRef: {name: ray-auth, key: token}}\n```',
    references: { cve: ['CVE-2023-48022'], cwe: ['CWE-306'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://docs.ray.io/en/latest/ray-security/token-auth.html'] },
    tags: ['ray', 'authentication'],
    confidence: 'medium',
  },
  check(run) {
    if (!serverOf(run, 'ray') || run.role === 'ray-worker' || (!run.role && !flagOf(run, '--head'))) return [];
    const mode = envOf(run, 'RAY_AUTH_MODE');
    if (rayTokenAuth(run) !== 'off') return [];
    const exposed = [8265, 10001, 6379].map((p) => exposureOf(run, p)).find(Boolean);
    return [{
      line: mode?.line ?? run.line,
      message: `${run.label}: Ray head ${mode ? `sets RAY_AUTH_MODE=${mode.value ?? ''}` : 'does not set RAY_AUTH_MODE=token (default: no authentication)'}${exposed ? `, and it is ${exposedText(exposed)}` : ''}.`,
      evidence: mode ? `RAY_AUTH_MODE=${mode.value ?? ''}` : 'RAY_AUTH_MODE not set',
      severity: exposed ? 'high' : undefined,
    }];
  },
};

// ---- Jupyter ----

const TOKEN_FLAGS = ['--NotebookApp.token', '--ServerApp.token', '--IdentityProvider.token'];
const PASSWORD_FLAGS = ['--NotebookApp.password', '--ServerApp.password', '--PasswordIdentityProvider.hashed_password'];

export const jupyterEmptyToken: RunCheck = {
  meta: {
    title: 'Jupyter server started with an empty token and no password',
    severity: 'high',
    category: 'misconfiguration',
    description:
      "`--ServerApp.token=''` (or `--NotebookApp.token=''`, `--IdentityProvider.token=''`) with no password turns Jupyter's authentication off: whoever reaches the port gets a Python kernel, the notebook's credentials and whatever the service account can do. Exposed notebooks are routinely found and used for cryptomining and credential theft. Critical when the port is reachable from outside.",
    remediation: "Remove the empty token and let Jupyter generate one, or pass one from a Secret; put the server behind an authenticating proxy when it must be shared:\n\n```yaml\nargs: [\"start-notebook.py\", \"--IdentityProvider.token=$(JUPYTER_TOKEN)\"]\nenv:\n  - name: JUPYTER_TOKEN\n    valueFrom: {secretKeyRef: {name: jupyter, key: token}}\n```",
    references: { cwe: ['CWE-306'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://jupyter-server.readthedocs.io/en/latest/operators/security.html'] },
    tags: ['jupyter', 'authentication'],
    confidence: 'high',
  },
  check(run) {
    const token = flagOf(run, ...TOKEN_FLAGS);
    const envToken = envOf(run, 'JUPYTER_TOKEN');
    const empty = token && unquote(token.value) === '' ? token : envToken && envToken.value !== undefined && unquote(envToken.value) === '' ? { value: '', line: envToken.line } : undefined;
    if (!empty) return [];
    const pw = flagOf(run, ...PASSWORD_FLAGS);
    if (pw && unquote(pw.value) !== '') return [];
    const s = serverOf(run, 'jupyter');
    const e = s ? exposureOf(run, portOf(run, s)) : run.exposure[0];
    return [{
      line: empty.line,
      message: `${run.label}: Jupyter runs with an empty token and no password${e ? `, ${exposedText(e)}` : ''}.`,
      evidence: token ? `${run.argv.find((a) => a.line === token.line && TOKEN_FLAGS.some((f) => a.value.startsWith(f)))?.value ?? 'token='}` : 'JUPYTER_TOKEN=""',
      severity: e ? 'critical' : undefined,
    }];
  },
};

// ---- MLflow ----

export const mlflowNoAuth: RunCheck = {
  meta: {
    title: 'MLflow tracking server exposed without authentication',
    severity: 'high',
    category: 'exposure',
    description:
      '`mlflow server` has no authentication unless started with `--app-name basic-auth` (or behind an authenticating proxy). Bound to all interfaces and reachable from outside, it lets anyone read and overwrite experiments, registered models and artifacts (a model swapped in the registry is a supply-chain compromise), and several MLflow path-traversal CVEs were exploitable exactly on such servers.',
    remediation: 'Start the server with authentication and keep it internal:\n\n```yaml\nargs: ["mlflow", "server", "--host", "0.0.0.0", "--app-name", "basic-auth"]\n```\nand a ClusterIP Service (or `127.0.0.1:5000:5000` in compose) behind an authenticating proxy.',
    references: { cwe: ['CWE-306'], owaspLlm: ['LLM03', 'LLM04'], atlas: ATLAS_PUBLIC, urls: ['https://mlflow.org/docs/latest/auth/index.html'] },
    tags: ['mlflow', 'authentication'],
    confidence: 'high',
  },
  check(run) {
    const s = serverOf(run, 'mlflow');
    if (!s) return [];
    const app = flagOf(run, '--app-name');
    if (app && unquote(app.value) === 'basic-auth') return [];
    const host = flagOf(run, '--host', '-h');
    if (!host || !allInterfaces(host.value)) return [];
    const e = exposureOf(run, portOf(run, s));
    if (!e) return [];
    return [{ line: host.line, message: `${run.label}: MLflow server listens on ${unquote(host.value)} without --app-name basic-auth and is ${exposedText(e)}.`, evidence: `--host ${unquote(host.value)}; ${e.via}` }];
  },
};

// ---- Ollama ----

export const ollamaExposed: RunCheck = {
  meta: {
    title: 'Ollama API bound to all interfaces and reachable from outside',
    severity: 'high',
    category: 'exposure',
    description:
      "Ollama's API has no authentication: anyone who reaches it can pull and delete models, push models to a registry, and use the GPU. The official image binds `OLLAMA_HOST=0.0.0.0:11434`; published or exposed, the server is open (tens of thousands of exposed Ollama servers are indexed, and several Ollama CVEs — path traversal in model pull, CVE-2024-37032 — are reachable without credentials).",
    remediation: 'Publish the port on localhost only, or keep it internal and put an authenticating proxy in front:\n\n```yaml\nports:\n  - "127.0.0.1:11434:11434"\n```',
    references: { cve: ['CVE-2024-37032'], cwe: ['CWE-306'], owaspLlm: ['LLM10'], atlas: ATLAS_PUBLIC, urls: ['https://github.com/ollama/ollama/blob/main/docs/faq.md'] },
    tags: ['ollama'],
    confidence: 'high',
  },
  check(run) {
    const s = serverOf(run, 'ollama');
    if (!s) return [];
    const host = envOf(run, 'OLLAMA_HOST');
    // The official image sets OLLAMA_HOST=0.0.0.0:11434; a bare `ollama serve` binds 127.0.0.1.
    const imageDefault = !!run.image && /ollama\/ollama/.test(run.image.value);
    const open = host?.value !== undefined ? allInterfaces(host.value) : imageDefault;
    if (!open) return [];
    const port = Number(/:(\d+)$/.exec(host?.value ?? '')?.[1]) || s.ports[0];
    const e = exposureOf(run, port);
    if (!e) return [];
    return [{ line: e.line, path: e.path, message: `${run.label}: Ollama listens on all interfaces (${host?.value !== undefined ? `OLLAMA_HOST=${host.value}` : 'image default OLLAMA_HOST=0.0.0.0'}) and port ${port} is ${exposedText(e)}; its API has no authentication.`, evidence: e.via }];
  },
};

export const ollamaOrigins: RunCheck = {
  meta: {
    title: 'Ollama accepts browser requests from any origin (OLLAMA_ORIGINS=*)',
    severity: 'medium',
    category: 'misconfiguration',
    description: '`OLLAMA_ORIGINS=*` lets any web page a user visits call the Ollama API from the browser (CORS), reaching even a server bound to localhost: drive-by model pulls, deletion and prompt injection into local tools. High when the server is also exposed.',
    remediation: 'List the origins that need the API instead of `*`:\n\n```yaml\nenvironment:\n  - OLLAMA_ORIGINS=https://chat.example.com\n```',
    references: { cwe: ['CWE-942'], owaspLlm: ['LLM10'], urls: ['https://github.com/ollama/ollama/blob/main/docs/faq.md'] },
    tags: ['ollama', 'cors'],
    confidence: 'high',
  },
  check(run) {
    const o = envOf(run, 'OLLAMA_ORIGINS');
    if (!o?.value || !o.value.split(',').some((x) => unquote(x.trim()) === '*' || /^\w+:\/\/\*$/.test(x.trim()))) return [];
    const s = serverOf(run, 'ollama');
    const e = s ? exposureOf(run, s.ports[0]) : undefined;
    return [{ line: o.line, message: `${run.label}: OLLAMA_ORIGINS=${o.value} allows any web origin${e ? ` and the server is ${exposedText(e)}` : ''}.`, evidence: `OLLAMA_ORIGINS=${o.value}`, severity: e ? 'high' : undefined }];
  },
};

// ---- OpenAI-compatible LLM servers ----

export const llmServerNoApiKey: RunCheck = {
  meta: {
    title: 'OpenAI-compatible LLM server exposed without an API key',
    severity: 'high',
    category: 'exposure',
    description:
      'vLLM, SGLang, Text Generation Inference and llama.cpp serve an OpenAI-compatible API with no authentication unless an API key is set. Reachable from outside, anyone can use the GPUs (LLMjacking), read the model\'s answers, exhaust the server, and reach every endpoint the server exposes (several vLLM CVEs are in request handling).',
    remediation: 'Set an API key from a Secret, and keep the Service internal behind a gateway that authenticates:\n\n```yaml\nargs: ["--model", "org/model", "--api-key", "$(VLLM_API_KEY)"]\nenv:\n  - name: VLLM_API_KEY\n    valueFrom: {secretKeyRef: {name: vllm, key: api-key}}\n```',
    references: { cwe: ['CWE-306'], owaspLlm: ['LLM10'], atlas: ATLAS_PUBLIC, urls: ['https://docs.vllm.ai/en/latest/usage/security.html'] },
    tags: ['llm-server', 'vllm', 'sglang', 'tgi'],
    confidence: 'high',
  },
  check(run) {
    const out: RunFinding[] = [];
    for (const s of serversOf(run)) {
      if (!s.apiKey) continue;
      if (flagOf(run, ...s.apiKey.flags) || s.apiKey.env.some((n) => envMayBeSet(run, n))) continue;
      const port = portOf(run, s);
      const e = exposureOf(run, port);
      if (!e) continue;
      out.push({ line: e.line, path: e.path, sub: s.id, message: `${run.label}: ${s.name} serves on port ${port} without an API key (${s.apiKey.flags[0]} / ${s.apiKey.env[0]}) and is ${exposedText(e)}.`, evidence: e.via });
    }
    return out;
  },
};

export const trustRemoteCode: RunCheck = {
  meta: {
    title: 'Model server runs with --trust-remote-code',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      '`--trust-remote-code` (vLLM, SGLang, TGI, Transformers-based servers) executes the Python files that come with the model repository when the model loads. Whoever controls the repository, a revision of it, or the path it is pulled through, runs code in the server with its credentials and GPUs. Needed only for architectures not yet in the library, and then with a pinned, reviewed revision.',
    remediation: 'Remove `--trust-remote-code`; when a model needs it, pin a reviewed revision (`--revision <commit>`, `--code-revision <commit>`) and mirror the repository.',
    references: { cwe: ['CWE-94', 'CWE-829'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], urls: ['https://huggingface.co/docs/transformers/models#custom-models'] },
    tags: ['supply-chain', 'llm-server'],
    confidence: 'high',
  },
  check(run) {
    const f = flagOf(run, '--trust-remote-code', '--trust_remote_code');
    const env = envOf(run, 'TRUST_REMOTE_CODE');
    const on = f && !/^(?:false|0|no)$/i.test(unquote(f.value)) ? f : env?.value && /^(?:true|1|yes)$/i.test(unquote(env.value)) ? { value: env.value, line: env.line } : undefined;
    if (!on) return [];
    const pinned = flagOf(run, '--revision', '--code-revision');
    return [{ line: on.line, message: `${run.label}: model code from the repository is executed at load (--trust-remote-code)${pinned ? ` (revision ${pinned.value})` : ', with no pinned revision'}.`, evidence: env && on.line === env.line ? `TRUST_REMOTE_CODE=${env.value ?? ''}` : '--trust-remote-code', severity: pinned ? 'low' : undefined }];
  },
};

// ---- TorchServe, Triton, Gradio, Langflow, ComfyUI ----

export const torchserveManagementExposed: RunCheck = {
  meta: {
    title: 'TorchServe management API reachable from outside',
    severity: 'critical',
    category: 'exposure',
    description:
      "TorchServe's management API (8081) registers models from any URL and has no authentication unless token authorization is on; ShellTorch (CVE-2023-43654, SSRF in model registration leading to code execution) was exploited through exposed management APIs. The official image binds it to 0.0.0.0.",
    remediation: 'Never expose 8081: expose only the inference port (8080), keep `management_address=http://127.0.0.1:8081`, and enable token authorization and `allowed_urls`:\n\n```yaml\nports:\n  - containerPort: 8080\n```',
    references: { cve: ['CVE-2023-43654'], cwe: ['CWE-306', 'CWE-918'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://pytorch.org/serve/security.html'] },
    tags: ['torchserve', 'shelltorch'],
    confidence: 'high',
  },
  check(run) {
    if (!serverOf(run, 'torchserve')) return [];
    const e = exposureOf(run, 8081);
    return e ? [{ line: e.line, path: e.path, message: `${run.label}: TorchServe management API (8081) is ${exposedText(e)}.`, evidence: e.via }] : [];
  },
};

export const tritonModelControlExposed: RunCheck = {
  meta: {
    title: 'Triton model-control API (explicit mode) reachable from outside',
    severity: 'high',
    category: 'exposure',
    description:
      'With `--model-control-mode=explicit` Triton accepts model load/unload requests on its HTTP (8000) and gRPC (8001) ports with no authentication; a reachable server can be made to load a model from its repository or, with a writable repository, attacker content (Triton backends execute Python models). Triton CVEs in 2025 (CVE-2025-23319 and related) were reachable over these endpoints.',
    remediation: 'Use `--model-control-mode=none` (or `poll` with a read-only repository) in production, or restrict the repository endpoints: `--http-restricted-api=model-repository:admin-key=<secret>`; keep the Service internal.',
    references: { cve: ['CVE-2025-23319'], cwe: ['CWE-306'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md'] },
    tags: ['triton'],
    confidence: 'medium',
  },
  check(run) {
    if (!serverOf(run, 'triton')) return [];
    const mode = flagOf(run, '--model-control-mode');
    if (!mode || unquote(mode.value) !== 'explicit') return [];
    if (flagOf(run, '--http-restricted-api', '--grpc-restricted-protocol')) return [];
    const e = exposureOf(run, 8000) ?? exposureOf(run, 8001);
    return e ? [{ line: mode.line, message: `${run.label}: Triton runs with --model-control-mode=explicit and is ${exposedText(e)}; model load/unload needs no credentials.`, evidence: `--model-control-mode=explicit; ${e.via}` }] : [];
  },
};

export const gradioExposed: RunCheck = {
  meta: {
    title: 'Gradio app shared publicly or bound to all interfaces and exposed',
    severity: 'medium',
    category: 'exposure',
    description: '`GRADIO_SHARE=true` opens a public `*.gradio.live` tunnel to the app, and `GRADIO_SERVER_NAME=0.0.0.0` with a reachable port serves it to everyone; a Gradio demo usually has no login, calls a model with the owner\'s credentials, and Gradio file-access CVEs (CVE-2024-1561 and others) were exploited on such apps.',
    remediation: 'Do not use share links for internal apps; bind to localhost or put the app behind an authenticating proxy (or `auth=` in `launch()`):\n\n```yaml\nenvironment:\n  - GRADIO_SERVER_NAME=127.0.0.1\n```',
    references: { cve: ['CVE-2024-1561'], cwe: ['CWE-306'], owaspLlm: ['LLM10'], atlas: ATLAS_PUBLIC, urls: ['https://www.gradio.app/guides/sharing-your-app'] },
    tags: ['gradio'],
    confidence: 'medium',
  },
  check(run) {
    const share = envOf(run, 'GRADIO_SHARE');
    if (share?.value && /^(?:true|1)$/i.test(unquote(share.value))) return [{ line: share.line, message: `${run.label}: GRADIO_SHARE=${share.value} opens a public share link to the app.`, evidence: `GRADIO_SHARE=${share.value}`, severity: 'high', sub: 'share' }];
    const name = envOf(run, 'GRADIO_SERVER_NAME');
    if (!name?.value || !allInterfaces(name.value)) return [];
    const port = Number(envOf(run, 'GRADIO_SERVER_PORT')?.value) || 7860;
    const e = exposureOf(run, port);
    return e ? [{ line: name.line, message: `${run.label}: Gradio binds ${name.value} and port ${port} is ${exposedText(e)}.`, evidence: `GRADIO_SERVER_NAME=${name.value}; ${e.via}` }] : [];
  },
};

export const langflowAutoLogin: RunCheck = {
  meta: {
    title: 'Langflow with automatic login (no authentication)',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'Langflow logs every visitor in as a superuser while `LANGFLOW_AUTO_LOGIN` is true, which is the default when it is not set. Flows run Python, hold API keys for the LLM providers and tools they call, and Langflow\'s code-validation endpoint was exploited without authentication (CVE-2025-3248, in CISA KEV). Critical when the port is reachable from outside.',
    remediation: 'Turn automatic login off and create a superuser from a Secret:\n\n```yaml\nenv:\n  - name: LANGFLOW_AUTO_LOGIN\n    value: "false"\n  - name: LANGFLOW_SUPERUSER\n    value: admin\n  - name: LANGFLOW_SUPERUSER_PASSWORD\n    valueFrom: {secretKeyRef: {name: langflow, key: password}}\n```',
    references: { cve: ['CVE-2025-3248'], cwe: ['CWE-306'], owaspLlm: ['LLM06'], atlas: ATLAS_PUBLIC, urls: ['https://docs.langflow.org/configuration-authentication'] },
    tags: ['langflow', 'authentication'],
    confidence: 'high',
  },
  check(run) {
    const s = serverOf(run, 'langflow');
    if (!s) return [];
    const auto = envOf(run, 'LANGFLOW_AUTO_LOGIN');
    if (auto?.value !== undefined && /^(?:false|0|no)$/i.test(unquote(auto.value))) return [];
    if (auto && auto.value === undefined) return []; // taken from a Secret/ConfigMap: unknown
    if (!auto && envMayBeSet(run, 'LANGFLOW_AUTO_LOGIN')) return []; // may come from an envFrom source not scanned
    const e = exposureOf(run, portOf(run, s));
    return [{
      line: auto?.line ?? run.line,
      message: `${run.label}: Langflow ${auto ? `sets LANGFLOW_AUTO_LOGIN=${auto.value}` : 'does not set LANGFLOW_AUTO_LOGIN (default true: every visitor is superuser)'}${e ? ` and is ${exposedText(e)}` : ''}.`,
      evidence: auto ? `LANGFLOW_AUTO_LOGIN=${auto.value}` : 'LANGFLOW_AUTO_LOGIN not set',
      severity: e ? 'critical' : undefined,
    }];
  },
};

export const comfyuiListenExposed: RunCheck = {
  meta: {
    title: 'ComfyUI listening on all interfaces and reachable from outside',
    severity: 'high',
    category: 'exposure',
    description: 'ComfyUI has no authentication; `--listen` binds it to all interfaces. Reachable, anyone can queue workflows on the GPU, install custom nodes through ComfyUI-Manager (arbitrary code) and read generated content. Exposed ComfyUI instances were mass-exploited through vulnerable custom nodes.',
    remediation: 'Drop `--listen` (localhost only) or put the UI behind an authenticating proxy and keep the port internal:\n\n```yaml\ncommand: ["python", "main.py", "--listen", "127.0.0.1"]\n```',
    references: { cwe: ['CWE-306'], owaspLlm: ['LLM03'], atlas: ATLAS_PUBLIC, urls: ['https://docs.comfy.org/'] },
    tags: ['comfyui'],
    confidence: 'medium',
  },
  check(run) {
    const s = serverOf(run, 'comfyui');
    const listen = flagOf(run, '--listen');
    if (!s || !listen || (listen.value !== '' && !allInterfaces(listen.value) && !listen.value.includes(','))) return [];
    const port = portOf(run, s);
    const e = exposureOf(run, port);
    return e ? [{ line: listen.line, message: `${run.label}: ComfyUI runs with --listen${listen.value ? ` ${listen.value}` : ''} and port ${port} is ${exposedText(e)}.`, evidence: `--listen; ${e.via}` }] : [];
  },
};

// ---- GPU containers: NVIDIAScape, toolkit versions ----

export const ldPreloadGpu: RunCheck = {
  meta: {
    title: 'LD_PRELOAD set in a GPU container (NVIDIAScape, CVE-2025-23266)',
    severity: 'critical',
    category: 'misconfiguration',
    description:
      "The NVIDIA Container Toolkit's createContainer hook (enable-cuda-compat) runs on the host with the container's environment. NVIDIAScape (CVE-2025-23266) showed that an `LD_PRELOAD` in that environment makes the privileged hook load a library from the container image: a three-line Dockerfile escapes to root on the GPU node, across tenants. Any `LD_PRELOAD` on a GPU workload is either this exploit or a pattern that enables it.",
    remediation: 'Remove `LD_PRELOAD` from the container environment (and the image\'s ENV), upgrade the NVIDIA Container Toolkit to 1.17.8 / GPU Operator to 25.3.1 or later, and on older versions disable the hook (`features.disable-cuda-compat-lib-hook = true`).',
    references: { cve: ['CVE-2025-23266'], cwe: ['CWE-426'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], urls: ['https://nvidia.custhelp.com/app/answers/detail/a_id/5659', 'https://www.wiz.io/blog/nvidia-ai-vulnerability-cve-2025-23266-nvidiascape'] },
    tags: ['gpu', 'nvidiascape', 'container-escape'],
    confidence: 'high',
  },
  check(run) {
    if (!run.gpu) return [];
    const e = envOf(run, 'LD_PRELOAD');
    if (!e || (e.value !== undefined && unquote(e.value).trim() === '')) return [];
    return [{ line: e.line, message: `${run.label}: GPU container sets LD_PRELOAD${e.value !== undefined ? `=${e.value}` : ' (from a Secret/ConfigMap)'}; the NVIDIA toolkit hook would load it on the host (CVE-2025-23266).`, evidence: `LD_PRELOAD=${e.value ?? '(valueFrom)'}` }];
  },
};

/** Fixed versions from NVIDIA's bulletins (CVE-2024-0132: Sept 2024; CVE-2025-23266: July 2025). */
const TOOLKIT_FIXES = [
  { cve: 'CVE-2025-23266', toolkit: [1, 17, 8], operator: [25, 3, 1] },
  { cve: 'CVE-2024-0132', toolkit: [1, 16, 2], operator: [24, 6, 2] },
];

export function nvidiaComponentVersion(image: string): { component: 'toolkit' | 'operator'; version: number[]; tag: string } | undefined {
  const ref = parseImageRef(image);
  if (!ref?.tag || ref.registry !== 'nvcr.io') return undefined;
  const component = /^nvidia\/k8s\/container-toolkit$/.test(ref.repository) ? 'toolkit' : /^nvidia\/(?:cloud-native\/)?gpu-operator$/.test(ref.repository) ? 'operator' : undefined;
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(ref.tag);
  return component && m ? { component, version: [Number(m[1]), Number(m[2]), Number(m[3])], tag: ref.tag } : undefined;
}

function below(v: number[], fixed: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== fixed[i]) return v[i] < fixed[i];
  return false;
}

export const nvidiaToolkitVulnerable: RunCheck = {
  meta: {
    title: 'NVIDIA Container Toolkit or GPU Operator older than the container-escape fixes',
    severity: 'critical',
    category: 'vulnerability',
    description:
      'NVIDIA Container Toolkit before 1.17.8 (GPU Operator before 25.3.1) lets a container image escape to root on the GPU node through the createContainer hook (NVIDIAScape, CVE-2025-23266); before 1.16.2 (GPU Operator 24.6.2) a crafted image could also mount the host filesystem (CVE-2024-0132, TOCTOU). Every GPU workload on such a node is one malicious image away from the host.',
    remediation: 'Deploy NVIDIA Container Toolkit 1.17.8 or later (GPU Operator 25.3.1 or later):\n\n```yaml\nimage: nvcr.io/nvidia/k8s/container-toolkit:v1.17.8-ubuntu20.04\n```',
    references: { cve: ['CVE-2025-23266', 'CVE-2024-0132'], cwe: ['CWE-426', 'CWE-367'], owaspLlm: ['LLM03'], urls: ['https://nvidia.custhelp.com/app/answers/detail/a_id/5659', 'https://nvidia.custhelp.com/app/answers/detail/a_id/5582'] },
    tags: ['gpu', 'nvidiascape', 'container-escape'],
    confidence: 'high',
  },
  check(run) {
    if (!run.image) return [];
    const v = nvidiaComponentVersion(run.image.value);
    if (!v) return [];
    const cves = TOOLKIT_FIXES.filter((f) => below(v.version, f[v.component])).map((f) => f.cve);
    if (!cves.length) return [];
    const fixed = TOOLKIT_FIXES[0][v.component].join('.');
    return [{ line: run.image.line, message: `${run.label}: ${v.component === 'toolkit' ? 'NVIDIA Container Toolkit' : 'NVIDIA GPU Operator'} ${v.tag} is affected by ${cves.join(', ')}; fixed in ${fixed}.`, evidence: run.image.value }];
  },
};

export const modelServerImageUnpinned: RunCheck = {
  meta: {
    title: 'Model-server image not pinned (latest or no tag, no digest)',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'A model server (vLLM, TGI, Triton, Ollama, Ray …) pulled as `:latest` or without a tag changes under the deployment at the next pull: an unreviewed release (or a hijacked tag) goes to production with the GPUs, model weights and credentials the server holds, and the BOM cannot say which version runs.',
    remediation: 'Pin a release tag, better a digest:\n\n```yaml\nimage: vllm/vllm-openai:v0.6.3@sha256:<digest>\n```',
    references: { cwe: ['CWE-1357', 'CWE-829'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'] },
    tags: ['supply-chain', 'image'],
    confidence: 'high',
  },
  check(run) {
    if (!run.image) return [];
    const ref = parseImageRef(run.image.value);
    if (!ref || ref.digest || (ref.tag && ref.tag !== 'latest') || /\$|\{\{/.test(run.image.value)) return [];
    const entry = classifyImage(ref);
    if (entry?.category !== 'serving' && !serversOf(run).length) return [];
    return [{ line: run.image.line, message: `${run.label}: ${entry?.name ?? 'model-server'} image ${run.image.value} is ${ref.tag ? 'tagged latest' : 'not tagged'} and has no digest.`, evidence: run.image.value }];
  },
};
