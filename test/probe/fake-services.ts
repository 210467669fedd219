/**
 * Local stand-ins for AI services, answering as the real ones do (shapes from each project's docs and
 * source, listed in fixtures/README.md). Written from those sources, not from the fingerprints: a
 * fingerprint that drifts from the real shape fails here. Every server listens on 127.0.0.1 only and
 * records each request (method, path, body) so tests can check what probe sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Keep the connection open after the first chunk (SSE). */
  stream?: boolean;
}
export type Route = (req: { method: string; path: string; headers: http.IncomingHttpHeaders; json?: unknown }) => Answer | undefined;
export interface Recorded {
  method: string;
  path: string;
  rpc?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({ status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const text = (status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): Answer => ({ status, body, headers: { 'content-type': type, ...headers } });
const html = (title: string): Answer => text(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>${title}</title></head><body><div id="root"></div></body></html>`, 'text/html; charset=utf-8');

/** `GET /path` → answer; a function route for anything else. Unknown paths 404 like the service would. */
function table(routes: Record<string, Answer | ((j: unknown, h: http.IncomingHttpHeaders) => Answer)>, notFound: Answer = json(404, { detail: 'Not Found' }), anyMethod = false): Route {
  return (req) => {
    const key = `${req.method} ${req.path}`;
    const r = routes[key] ?? routes[`* ${req.path}`];
    if (!r) return req.method === 'GET' || anyMethod ? notFound : text(405, 'Method Not Allowed');
    return typeof r === 'function' ? r(req.json, req.headers) : r;
  };
}
/** Every path not explicitly open answers with `deny` (a gateway or the service's own auth). */
function guarded(open: Record<string, Answer | ((j: unknown, h: http.IncomingHttpHeaders) => Answer)>, deny: Answer): Route {
  return table(open, deny, true);
}
function all(deny: Answer, except: Record<string, Answer> = {}): Route {
  return (req) => except[`${req.method} ${req.path}`] ?? deny;
}

const RAY_VERSION = { version: '4', ray_version: '2.9.3', ray_commit: '62a4f4e1a2b3', session_name: 'session_2024-05-01_10-00-00_123456_1' };
const OPENAI_KEY = 'sk-proj-' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';

const MCP_OPEN: Route = (req) => {
  if (req.path !== '/mcp') return json(404, { error: 'not found' });
  if (req.method !== 'POST') return text(405, 'Method Not Allowed');
  const m = (req.json as { method?: string; id?: number } | undefined) ?? {};
  if (m.method === 'initialize')
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'mcp-session-id': 'sess-7f3a' },
      body: `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-06-18', capabilities: { tools: { listChanged: true } }, serverInfo: { name: 'filesystem-server', version: '1.2.0' } } })}\n\n`,
    };
  if (req.headers['mcp-session-id'] !== 'sess-7f3a') return json(400, { jsonrpc: '2.0', error: { code: -32000, message: 'Bad Request: No valid session ID provided' }, id: null });
  if (m.method === 'notifications/initialized') return { status: 202 };
  if (m.method === 'tools/list') return json(200, { jsonrpc: '2.0', id: m.id, result: { tools: [{ name: 'read_file', inputSchema: { type: 'object' } }, { name: 'run_shell', inputSchema: { type: 'object' } }] } });
  return json(200, { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } });
};

/** Per service: how it answers when open, and when protected (its own auth, or `null` when it has none). */
export const SERVICES: Record<string, { open: Route; protected?: Route; expectRule: string; expectProtectedAsset?: string }> = {
  ray: {
    open: table({ 'GET /': html('Ray Dashboard'), 'GET /api/version': json(200, RAY_VERSION), 'GET /api/jobs/': json(200, [{ type: 'SUBMISSION', job_id: null, submission_id: 'raysubmit_1', status: 'SUCCEEDED', entrypoint: 'python train.py --hf-token=hf_abcdefghijklmnopqrstuvwxyz0123', runtime_env: { env_vars: { OPENAI_API_KEY: OPENAI_KEY } } }]) }),
    protected: guarded({ 'GET /': html('Ray Dashboard') }, text(401, 'Unauthorized: missing or invalid authentication token')),
    expectRule: 'probe/ray-dashboard-unauthenticated',
    expectProtectedAsset: 'ray-dashboard',
  },
  jupyter: {
    open: table({ 'GET /api': json(200, { version: '2.14.2' }), 'GET /api/status': json(200, { connections: 0, kernels: 1, last_activity: '2026-01-01T00:00:00Z', started: '2026-01-01T00:00:00Z' }), 'GET /api/kernels': json(200, [{ id: 'k1', name: 'python3' }]) }),
    protected: table({ 'GET /api': json(200, { version: '2.14.2' }), 'GET /api/status': json(403, { message: 'Forbidden', reason: null }), 'GET /api/kernels': json(403, { message: 'Forbidden', reason: null }) }, { status: 302, headers: { location: '/login?next=%2F' } }),
    expectRule: 'probe/jupyter-server-unauthenticated',
    expectProtectedAsset: 'jupyter-server',
  },
  mlflow: {
    open: table({ 'GET /': html('MLflow'), 'GET /api/2.0/mlflow/experiments/search?max_results=5': json(200, { experiments: [{ experiment_id: '0', name: 'Default', artifact_location: 'mlflow-artifacts:/0', lifecycle_stage: 'active' }] }) }),
    protected: all(text(401, 'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.', 'text/plain', { 'www-authenticate': 'Basic realm="mlflow"' })),
    expectRule: 'probe/mlflow-unauthenticated',
    expectProtectedAsset: 'mlflow',
  },
  ollama: {
    open: table({ 'GET /': text(200, 'Ollama is running'), 'GET /api/version': json(200, { version: '0.5.7' }), 'GET /api/tags': json(200, { models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest', size: 2019393189, digest: 'a80c4f17acd5', details: { format: 'gguf', family: 'llama' } }] }) }, text(404, '404 page not found')),
    expectRule: 'probe/ollama-unauthenticated',
  },
  vllm: {
    open: table({ 'GET /v1/models': json(200, { object: 'list', data: [{ id: 'meta-llama/Llama-3.1-8B-Instruct', object: 'model', created: 1700000000, owned_by: 'vllm', root: 'meta-llama/Llama-3.1-8B-Instruct', parent: null, max_model_len: 8192 }] }), 'GET /version': json(200, { version: '0.6.3' }), 'GET /health': text(200, '') }),
    protected: table({
      'GET /v1/models': json(401, { error: 'Unauthorized' }),
      'GET /version': json(200, { version: '0.6.3' }),
      'GET /metrics': text(200, '# HELP vllm:num_requests_running Number of requests currently running.\n# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running{model_name="meta-llama/Llama-3.1-8B-Instruct"} 0.0\n', 'text/plain; version=0.0.4'),
    }),
    expectRule: 'probe/vllm-unauthenticated',
    expectProtectedAsset: 'vllm',
  },
  tgi: {
    open: table({ 'GET /info': json(200, { model_id: 'bigscience/bloom-560m', model_sha: 'e985a63', model_dtype: 'torch.float16', model_device_type: 'cuda', max_concurrent_requests: 128, max_best_of: 2, max_stop_sequences: 4, max_input_tokens: 1024, max_total_tokens: 2048, validation_workers: 2, router: 'text-generation-router', version: '2.4.0' }) }),
    expectRule: 'probe/tgi-unauthenticated',
  },
  triton: {
    open: table({ 'GET /v2': json(200, { name: 'triton', version: '2.41.0', extensions: ['classification', 'sequence', 'model_repository', 'model_repository(unload_dependents)', 'schedule_policy', 'model_configuration', 'statistics', 'trace', 'logging'] }), 'GET /v2/health/ready': text(200, '') }, text(400, '')),
    expectRule: 'probe/triton-unauthenticated',
  },
  'torchserve-management': {
    open: table({ 'GET /models': json(200, { models: [{ modelName: 'resnet-18', modelUrl: 'resnet-18.mar' }] }) }, json(404, { code: 404, type: 'ResourceNotFoundException', message: 'Requested resource is not found, please refer to API document.' })),
    protected: all(json(401, { code: 401, type: 'InvalidKeyException', message: 'Token Authorization failed. Token either incorrect, expired, or not provided correctly' })),
    expectRule: 'probe/torchserve-management-unauthenticated',
  },
  'torchserve-inference': {
    open: table({ 'GET /ping': json(200, { status: 'Healthy' }), 'OPTIONS /': json(200, { openapi: '3.0.1', info: { title: 'TorchServe APIs', description: 'TorchServe is a flexible and easy to use tool for serving deep learning models', version: '0.12.0' }, paths: { '/ping': {}, '/predictions/{model_name}': {} } }) }),
    protected: guarded({ 'GET /ping': json(200, { status: 'Healthy' }) }, json(401, { code: 401, type: 'InvalidKeyException', message: 'Token Authorization failed. Token either incorrect, expired, or not provided correctly' })),
    expectRule: 'probe/torchserve-inference-unauthenticated',
    expectProtectedAsset: 'torchserve-inference',
  },
  gradio: {
    open: table({ 'GET /config': json(200, { version: '4.44.1', mode: 'blocks', app_id: 1, dev_mode: false, components: [{ id: 1, type: 'textbox', props: {} }], title: 'Gradio', protocol: 'sse_v3', dependencies: [{ id: 0 }], root: '' }), 'GET /': html('Gradio') }),
    protected: table({ 'GET /config': json(200, { auth_required: true, auth_message: null, space_id: null, root: '' }), 'GET /': html('Gradio') }),
    expectRule: 'probe/gradio-unauthenticated',
    expectProtectedAsset: 'gradio',
  },
  langflow: {
    open: table({ 'GET /api/v1/version': json(200, { version: '1.1.1', main_version: '1.1.1', package: 'Langflow' }), 'GET /api/v1/auto_login': json(200, { access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZjMwIiwidHlwZSI6ImFjY2VzcyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ', refresh_token: null, token_type: 'bearer' }) }),
    protected: table({ 'GET /api/v1/version': json(200, { version: '1.3.2', main_version: '1.3.2', package: 'Langflow' }), 'GET /api/v1/auto_login': json(400, { detail: { message: 'Auto login is disabled. Please enable it in the settings', auto_login: false } }) }),
    expectRule: 'probe/langflow-unauthenticated',
    expectProtectedAsset: 'langflow',
  },
  comfyui: {
    open: table({ 'GET /system_stats': json(200, { system: { os: 'posix', ram_total: 67271446528, comfyui_version: '0.3.10', python_version: '3.11.9', pytorch_version: '2.5.1', embedded_python: false, argv: ['main.py', '--listen', '0.0.0.0'] }, devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync', type: 'cuda', index: 0, vram_total: 25393692672 }] }) }),
    expectRule: 'probe/comfyui-unauthenticated',
  },
  kubeflow: {
    open: table({ 'GET /api/workgroup/env-info': json(200, { user: 'anonymous@kubeflow.org', platform: { provider: 'other://', providerName: 'other', kubeflowVersion: '1.9.0' }, namespaces: [{ user: 'anonymous@kubeflow.org', namespace: 'kubeflow-user-example-com', role: 'owner' }], isClusterAdmin: false }), 'GET /apis/v1beta1/healthz': json(200, { commit_sha: '2f5a1b', tag_name: '2.2.0', multi_user: false }), 'GET /': html('Kubeflow Central Dashboard') }),
    protected: all({ status: 302, headers: { location: '/dex/auth?client_id=kubeflow-oidc-authservice&redirect_uri=%2Flogin%2Foidc' } }),
    expectRule: 'probe/kubeflow-unauthenticated',
  },
  'label-studio': {
    open: table({ 'GET /version': json(200, { release: '1.13.1', 'label-studio-os-package': { version: '1.13.1' } }), 'GET /api/projects': json(200, { count: 1, next: null, previous: null, results: [{ id: 1, title: 'Sentiment' }] }) }),
    protected: table({ 'GET /version': json(200, { release: '1.13.1', 'label-studio-os-package': { version: '1.13.1' } }) }, json(401, { detail: 'Authentication credentials were not provided.' })),
    expectRule: 'probe/label-studio-unauthenticated',
    expectProtectedAsset: 'label-studio',
  },
  chroma: {
    open: table({ 'GET /api/v2/heartbeat': json(200, { 'nanosecond heartbeat': 1733000000000000000 }), 'GET /api/v2/tenants/default_tenant/databases/default_database/collections': json(200, [{ id: '8c4f', name: 'docs', metadata: null, dimension: 384, tenant: 'default_tenant', database: 'default_database' }]), 'GET /api/v1/heartbeat': json(410, { error: 'Unimplemented', message: 'The v1 API is deprecated. Please use /v2 apis' }) }),
    protected: table({ 'GET /api/v2/heartbeat': json(200, { 'nanosecond heartbeat': 1733000000000000000 }) }, json(401, { error: 'AuthError', message: 'Unauthorized' })),
    expectRule: 'probe/chroma-unauthenticated',
    expectProtectedAsset: 'chroma',
  },
  qdrant: {
    open: table({ 'GET /': json(200, { title: 'qdrant - vector search engine', version: '1.12.4', commit: '4f8a' }), 'GET /collections': json(200, { result: { collections: [{ name: 'docs' }] }, status: 'ok', time: 0.000012 }) }),
    protected: all(text(401, 'Must provide an API key or an Authorization bearer token')),
    expectRule: 'probe/qdrant-unauthenticated',
    expectProtectedAsset: 'qdrant',
  },
  weaviate: {
    open: table({ 'GET /v1/meta': json(200, { hostname: 'http://[::]:8080', modules: { 'text2vec-openai': {} }, version: '1.26.1' }), 'GET /v1/schema': json(200, { classes: [{ class: 'Article', properties: [] }] }) }),
    protected: table({ 'GET /v1/.well-known/ready': text(200, '') }, json(401, { code: 401, message: 'anonymous access not enabled, please provide an auth scheme such as OIDC' })),
    expectRule: 'probe/weaviate-unauthenticated',
    expectProtectedAsset: 'weaviate',
  },
  milvus: {
    open: table({ 'GET /v1/vector/collections': json(200, { code: 200, data: ['docs', 'faq'] }) }),
    protected: table({}, json(200, { code: 1800, message: "user hasn't authenticated" })),
    expectRule: 'probe/milvus-unauthenticated',
    expectProtectedAsset: 'milvus',
  },
  litellm: {
    open: table({ 'GET /health/liveliness': json(200, "I'm alive!"), 'GET /model/info': json(200, { data: [{ model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', api_key: OPENAI_KEY }, model_info: { id: 'a1' } }] }), 'GET /v1/models': json(200, { data: [{ id: 'gpt-4o', object: 'model', created: 1677610602, owned_by: 'openai' }], object: 'list' }) }),
    protected: table({ 'GET /health/liveliness': json(200, "I'm alive!") }, json(401, { error: { message: 'Authentication Error, No api key passed in.', type: 'auth_error', param: 'None', code: '401' } })),
    expectRule: 'probe/litellm-unauthenticated',
    expectProtectedAsset: 'litellm',
  },
  'mcp-http': {
    open: MCP_OPEN,
    protected: (req) => (req.path === '/mcp' ? json(401, { error: 'invalid_token', error_description: 'Missing bearer token' }, { 'www-authenticate': 'Bearer error="invalid_token", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"' }) : json(404, { error: 'not found' })),
    expectRule: 'probe/mcp-streamable-http-unauthenticated',
    expectProtectedAsset: 'mcp-streamable-http',
  },
  'mcp-http-mounted': {
    // FastMCP / Starlette mount: `/mcp` answers 307 to `/mcp/`.
    open: (req) => (req.path === '/mcp' ? { status: 307, headers: { location: '/mcp/' } } : MCP_OPEN({ ...req, path: req.path === '/mcp/' ? '/mcp' : req.path })),
    expectRule: 'probe/mcp-streamable-http-unauthenticated',
  },
  'mcp-sse': {
    open: (req) => (req.method === 'GET' && req.path === '/sse' ? { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, body: 'event: endpoint\ndata: /messages?sessionId=4c1e7a\n\n', stream: true } : text(404, 'Not Found')),
    protected: (req) => (req.path === '/sse' ? json(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"' }) : text(404, 'Not Found')),
    expectRule: 'probe/mcp-sse-unauthenticated',
    expectProtectedAsset: 'mcp-sse',
  },
  openclaw: {
    open: table({ 'GET /': html('OpenClaw Control'), 'GET /v1/models': json(200, { object: 'list', data: [{ id: 'openclaw', object: 'model', created: 0, owned_by: 'openclaw' }] }) }),
    protected: table({ 'GET /': html('OpenClaw Control') }, json(401, { error: { message: 'Unauthorized', type: 'unauthorized' } })),
    expectRule: 'probe/openclaw-gateway-unauthenticated',
    expectProtectedAsset: 'openclaw-gateway',
  },
  llamacpp: {
    open: table({ 'GET /v1/models': json(200, { object: 'list', data: [{ id: 'qwen2.5-7b-instruct-q4_k_m.gguf', object: 'model', created: 1733000000, owned_by: 'llamacpp', meta: { n_ctx_train: 32768 } }] }), 'GET /health': json(200, { status: 'ok' }) }),
    protected: table({ 'GET /health': json(200, { status: 'ok' }) }, json(401, { error: { code: 401, message: 'Invalid API Key', type: 'authentication_error' } })),
    expectRule: 'probe/openai-compatible-unauthenticated',
    expectProtectedAsset: 'openai-compatible',
  },
  metrics: {
    open: table({ 'GET /metrics': text(200, '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 12.5\n', 'text/plain; version=0.0.4; charset=utf-8') }),
    expectRule: 'probe/metrics-unauthenticated',
  },
};

/** Quiet twins: things that are not AI services, or answer everything the same way. */
export const DECOYS: Record<string, Route> = {
  'spa-catch-all': (req) => (req.method === 'GET' ? html('My App') : req.method === 'OPTIONS' ? { status: 204 } : text(405, 'Method Not Allowed')),
  'json-ok-everywhere': () => json(200, { status: 'ok', version: '1.0.0' }),
  'empty-array-everywhere': () => json(200, []),
  'not-found-everywhere': () => text(404, 'Not Found'),
};

export interface FakeServer {
  url: string;
  port: number;
  log: Recorded[];
  close(): Promise<void>;
}

export async function startFake(route: Route): Promise<FakeServer> {
  const log: Recorded[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const rpc = (body as { method?: unknown } | undefined)?.method;
      log.push({ method: req.method ?? '', path: req.url ?? '', rpc: typeof rpc === 'string' ? rpc : undefined });
      const a = route({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, json: body }) ?? json(404, { detail: 'Not Found' });
      res.writeHead(a.status, a.headers ?? {});
      const payload = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
      if (a.stream) res.write(payload); // an SSE stream stays open, as the real transport does
      else res.end(req.method === 'HEAD' ? undefined : payload);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
