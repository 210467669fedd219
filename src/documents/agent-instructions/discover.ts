/**
 * Inventory from instruction files and MCP server source: the agent an instruction file configures,
 * and each MCP server defined in the repository with its tool names.
 */
import type { Asset } from '../../core/model.js';
import { asset, at } from '../../discovery/assets.js';
import type { InstructionProject } from './types.js';

export function discoverInstructions(project: InstructionProject): Asset[] {
  return project.files.map(({ path, document: doc }) =>
    doc.type === 'instructions'
      ? asset('agent', `agent:${doc.audience}:${path}`, doc.audience, at(path, 1), { agent: doc.audience, instructionsFile: path }, { confidence: 0.8 })
      : asset('mcp-server', `mcp-server:${doc.serverName ?? path}`, doc.serverName ?? path, at(path, doc.segments[0]?.line ?? 1), {
          definedIn: 'code',
          tools: doc.segments.map((s) => s.label.replace(/^tool '(.*)'$/, '$1')),
        }, { confidence: 0.85 }),
  );
}
