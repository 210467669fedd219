/**
 * Inventory from agent configurations (replaces the former bom-mcp-config analyzer, so that a file is
 * parsed once): the agent, each MCP server it launches or connects to, and the package or image
 * behind a server. Only names of environment variables and headers are kept, never their values; URLs
 * lose their query string and credentials.
 */
import { classifyImage } from '../../catalog/ai-images.js';
import type { Asset, Relation } from '../../core/model.js';
import { asset, at } from '../../discovery/assets.js';
import { basename, launchedPackage, LOOPBACK_URL, safeUrl } from './launch.js';
import type { AgentConfigProject } from './types.js';


export function discoverAgentConfigs(project: AgentConfigProject): Asset[] {
  const assets: Asset[] = [];
  for (const { path, document: doc } of project.files) {
    const agentRel: Relation[] = [];
    for (const s of doc.mcpServers) {
      const loc = at(path, s.line);
      const id = `mcp-server:${s.name}`;
      const rel: Relation[] = [];
      const pkg = s.command ? launchedPackage(s.command, s.args) : undefined;
      if (pkg) {
        rel.push({ type: pkg.kind === 'image' ? 'runs' : 'depends-on', target: pkg.id });
        assets.push(asset(pkg.kind === 'image' ? 'container-image' : 'package', pkg.id, pkg.name, loc, pkg.kind === 'image'
          ? { aiImage: classifyImage(pkg.name)?.name, category: 'mcp-server' }
          : { ecosystem: pkg.kind === 'pypi' ? 'PyPI' : 'npm', aiCategory: 'mcp', direct: true, pinned: !!pkg.version, specifier: pkg.version, via: `${doc.client} MCP config` }, { version: pkg.version, confidence: 0.9 }));
      }
      assets.push(asset('mcp-server', id, s.name, loc, {
        transport: s.transport,
        command: s.command ? basename(s.command) : undefined,
        package: pkg?.name,
        url: s.url ? safeUrl(s.url) : undefined,
        remote: s.url ? !LOOPBACK_URL.test(s.url) : undefined,
        envKeys: s.envKeys.length ? s.envKeys : undefined,
        headerKeys: s.headerKeys.length ? s.headerKeys : undefined,
        configuredBy: doc.client,
        definedIn: 'config',
        disabled: s.disabled,
        trust: s.trust,
      }, { confidence: 0.95, relations: rel }));
      agentRel.push({ type: 'uses', target: id });
    }
    // Settings files without servers still declare the agent (its permissions are what rules check).
    if (!agentRel.length && doc.role === 'mcp') continue;
    const line = doc.mcpKey && doc.mcpServers.length ? doc.lineOf([doc.mcpKey]) : 1;
    assets.unshift(asset('agent', agentAssetId(doc.client, path), doc.client, at(path, line), { agent: doc.client, mcpServers: agentRel.length, configRole: doc.role }, { confidence: 0.95, relations: agentRel }));
  }
  return assets;
}

export function agentAssetId(client: string, path: string): string {
  return `agent:${client}:${path}`;
}
