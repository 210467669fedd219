/** Helpers the agent-config rules share. */
import { isRecord } from '../../discovery/json-doc.js';
import { agentAssetId } from '../../documents/agent-config/discover.js';
import type { AgentConfigDoc, AgentConfigProject, ConfigPath, McpServer } from '../../documents/agent-config/types.js';
import type { PostureHit } from '../rule.js';

export interface ConfigVisit {
  path: string;
  doc: AgentConfigDoc;
}

export function configsOf(project: AgentConfigProject, client?: AgentConfigDoc['client'] | AgentConfigDoc['client'][]): ConfigVisit[] {
  const want = client === undefined ? undefined : Array.isArray(client) ? client : [client];
  return project.files.filter((f) => !want || want.includes(f.document.client)).map(({ path, document }) => ({ path, doc: document }));
}

/** Value at a path (`['permissions', 'defaultMode']`), or undefined. */
export function get(root: unknown, path: ConfigPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isRecord(cur) ? cur[seg] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A hit on a config key, pointing at the agent asset. */
export function configHit(v: ConfigVisit, path: ConfigPath, message: string, evidence: string, extra: Partial<PostureHit> = {}): PostureHit {
  return { path: v.path, line: v.doc.lineOf(path), message, evidence, key: path.join('.'), assetId: agentAssetId(v.doc.client, v.path), ...extra };
}

export function serverHit(v: ConfigVisit, s: McpServer, message: string, evidence: string, extra: Partial<PostureHit> = {}): PostureHit {
  return { path: v.path, line: s.line, message, evidence, key: `${s.path.join('.')}`, assetId: `mcp-server:${s.name}`, ...extra };
}

export const CLAUDE_SETTINGS = 'https://docs.anthropic.com/en/docs/claude-code/settings';
