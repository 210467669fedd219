/**
 * AI servers a container starts (`data/ai-servers.json`): how a command line or a base image reveals
 * one, its default port and the variable that sets its listen address. Used by Dockerfile discovery.
 */
import { createRequire } from 'node:module';

export interface AiServerEntry {
  name: string;
  command?: string[];
  module?: string;
  hostEnv?: string;
  port: number;
  images?: string[];
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-servers.json') as { servers: AiServerEntry[] };

/** The server a command line starts (`ollama serve`, `python3 -m vllm.entrypoints.openai.api_server`, `text-generation-launcher`). */
export function serverOfCommand(toks: string[]): AiServerEntry | undefined {
  for (let i = 0; i < toks.length; i++) {
    const base = toks[i].slice(toks[i].lastIndexOf('/') + 1);
    for (const s of data.servers) {
      if (s.command && base === s.command[0] && (s.command.length === 1 || toks[i + 1] === s.command[1])) return s;
      if (s.module && toks[i] === s.module && toks[i - 1] === '-m') return s;
    }
  }
  return undefined;
}

/** The server an AI image (by its catalogue name) runs by default. */
export function serverOfImage(imageName: string): AiServerEntry | undefined {
  return data.servers.find((s) => s.images?.includes(imageName));
}

/** The server whose listen address an environment variable sets (`OLLAMA_HOST`). */
export function serverOfHostEnv(name: string): AiServerEntry | undefined {
  return data.servers.find((s) => s.hostEnv === name);
}
