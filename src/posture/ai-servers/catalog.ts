/**
 * Self-hosted AI servers, as data: how to recognise each from a run view (image repository or
 * command line) and the ports it listens on by default. The checks in ./checks.ts use it.
 */
import { parseImageRef } from '../../catalog/ai-images.js';
import type { RunView } from '../../documents/run-view.js';

export type ServerId = 'ray' | 'jupyter' | 'mlflow' | 'ollama' | 'vllm' | 'sglang' | 'tgi' | 'llama.cpp' | 'torchserve' | 'triton' | 'gradio' | 'langflow' | 'comfyui';

export interface ServerEntry {
  id: ServerId;
  name: string;
  /** Matched against `registry/repository` of the image. */
  image?: RegExp;
  /** Matched against the command line (argv joined by spaces). */
  command?: RegExp;
  /** Default listening ports, first = main API. */
  ports: number[];
  /** Flags that set the port (`--port 8000`). */
  portFlags?: string[];
  /** OpenAI-compatible LLM servers: how an API key is configured. */
  apiKey?: { flags: string[]; env: string[] };
}

export const SERVERS: ServerEntry[] = [
  { id: 'ray', name: 'Ray', image: /(?:^|\/)(?:rayproject|anyscale)\/ray(?:-ml|-llm)?$/, command: /(?:^|\s)ray\s+start\b/, ports: [8265, 10001, 6379] },
  { id: 'jupyter', name: 'Jupyter', image: /(?:^|\/)(?:jupyter|kubeflownotebookswg)\/|\/jupyter\/[\w-]+-notebook$/, command: /(?:^|\s|\/)(?:jupyter(?:-lab|-notebook)?(?:\s+(?:lab|notebook|server))?|start-notebook\.(?:sh|py))(?:\s|$)/, ports: [8888], portFlags: ['--port', '--ServerApp.port', '--NotebookApp.port'] },
  { id: 'mlflow', name: 'MLflow', command: /(?:^|\s|\/)mlflow\s+(?:server|ui)\b/, ports: [5000], portFlags: ['--port', '-p'] },
  { id: 'ollama', name: 'Ollama', image: /(?:^|\/)ollama\/ollama$/, command: /(?:^|\s|\/)ollama\s+serve\b/, ports: [11434] },
  {
    id: 'vllm', name: 'vLLM', image: /(?:^|\/)vllm\/vllm-openai$|(?:^|\/)vllm-openai$/, command: /(?:^|\s|\/)vllm\s+serve\b|vllm\.entrypoints\.openai/, ports: [8000], portFlags: ['--port'],
    apiKey: { flags: ['--api-key'], env: ['VLLM_API_KEY'] },
  },
  { id: 'sglang', name: 'SGLang', image: /(?:^|\/)lmsysorg\/sglang$/, command: /sglang\.launch_server|(?:^|\s|\/)sglang\s+serve\b/, ports: [30000], portFlags: ['--port'], apiKey: { flags: ['--api-key'], env: ['SGLANG_API_KEY'] } },
  {
    id: 'tgi', name: 'Text Generation Inference', image: /huggingface\/text-generation-inference$/, command: /(?:^|\s|\/)text-generation-launcher\b/, ports: [80], portFlags: ['--port'],
    apiKey: { flags: ['--api-key'], env: ['API_KEY'] },
  },
  { id: 'llama.cpp', name: 'llama.cpp server', image: /(?:ggerganov|ggml-org)\/llama\.cpp$/, command: /(?:^|\s|\/)llama-server\b/, ports: [8080], portFlags: ['--port'], apiKey: { flags: ['--api-key', '--api-key-file'], env: ['LLAMA_API_KEY'] } },
  { id: 'torchserve', name: 'TorchServe', image: /(?:^|\/)pytorch\/torchserve(?:-kfs|-nightly)?$/, command: /(?:^|\s|\/)torchserve\s/, ports: [8080, 8081, 8082] },
  { id: 'triton', name: 'Triton Inference Server', image: /nvcr\.io\/nvidia\/tritonserver$/, command: /(?:^|\s|\/)tritonserver\b/, ports: [8000, 8001, 8002] },
  { id: 'gradio', name: 'Gradio', command: /(?:^|\s|\/)gradio\s/, ports: [7860] },
  { id: 'langflow', name: 'Langflow', image: /(?:^|\/)langflowai\/langflow(?:-nightly|-backend)?$/, command: /(?:^|\s|\/)langflow\s+run\b/, ports: [7860], portFlags: ['--port'] },
  { id: 'comfyui', name: 'ComfyUI', image: /comfy-?ui/i, command: /comfy-?ui|(?:^|\s|\/)comfy\s+launch\b/i, ports: [8188], portFlags: ['--port'] },
];

/** Which catalogue servers a run view is (an image and a command can both say it). */
export function serversOf(run: RunView): ServerEntry[] {
  const ref = run.image ? parseImageRef(run.image.value) : undefined;
  const repo = ref ? `${ref.registry}/${ref.repository}` : '';
  const cmd = run.argv.map((a) => a.value).join(' ');
  return SERVERS.filter((s) => (s.id === 'ray' && (run.role === 'ray-head' || run.role === 'ray-worker')) || (repo && s.image?.test(repo)) || (cmd && s.command?.test(cmd)));
}

export function serverOf(run: RunView, id: ServerId): ServerEntry | undefined {
  return serversOf(run).find((s) => s.id === id);
}
