/** `aigis mcp`: serve aigis to MCP clients (Claude Code, VS Code, Cursor …) over stdio or streamable HTTP. */
import { format } from 'node:util';
import type { Command } from 'commander';
import { ConfinementError, Roots } from '../../mcp/confine.js';
import { CliError, EXIT_OK } from '../exit.js';
import { collectList } from '../options.js';

interface McpFlags {
  root: string[];
  http?: string;
  token?: string;
  allowProbe?: boolean;
}

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('serve aigis to MCP clients (stdio, or streamable HTTP with --http): read-only scan, AI-BOM, attack paths, findings, inventory queries and log detections, confined to --root')
    .option('--root <dir>', 'directory the tools may read (repeatable; default: the current directory)', collectList, [])
    .option('--http <[host:]port>', 'serve streamable HTTP at http://host:port/mcp instead of stdio (host defaults to 127.0.0.1)')
    .option('--token <token>', 'bearer token every HTTP request must carry (default: $AIGIS_MCP_TOKEN); required to bind beyond loopback')
    .option('--allow-probe', 'add the probe tool, which sends HTTP requests to endpoints the client names')
    .action(async (flags: McpFlags) => {
      process.exitCode = await mcpCommand(flags);
    });
}

export function parseHttp(value: string): { host: string; port: number } {
  const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new CliError(`--http ${value}: use PORT or HOST:PORT (e.g. 127.0.0.1:8787)`);
  return { host: (m[1] ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1'), port };
}

export async function mcpCommand(flags: McpFlags): Promise<number> {
  let roots: Roots;
  try {
    roots = new Roots(flags.root.length ? flags.root : ['.']);
  } catch (err) {
    if (err instanceof ConfinementError) throw new CliError(err.message);
    throw err;
  }
  const token = flags.token ?? (process.env.AIGIS_MCP_TOKEN || undefined);
  const { sharedState } = await import('../../mcp/server.js');
  const shared = sharedState({ roots, allowProbe: flags.allowProbe === true });
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  if (flags.http !== undefined) {
    const { host, port } = parseHttp(flags.http);
    const { startHttp, McpListenError } = await import('../../mcp/http.js');
    let server;
    try {
      server = await startHttp(shared, { host, port, token });
    } catch (err) {
      if (err instanceof McpListenError) throw new CliError(err.message);
      throw new CliError(`cannot listen on ${flags.http}: ${(err as Error).message}`);
    }
    const addr = server.address();
    const where = addr && typeof addr === 'object' ? `${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : flags.http;
    process.stderr.write(`aigis: MCP server on http://${where}/mcp (roots: ${roots.dirs.join(', ')}${token ? ', bearer token required' : ''})\n`);
    await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return EXIT_OK;
  }
  if (flags.token) throw new CliError('--token applies to --http only');
  // stdout carries the protocol: a library that logs (an Emscripten module's console.log) must not
  // corrupt it, so console output goes to stderr.
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = toStderr;
  const [{ StdioServerTransport }, { createServer }] = await Promise.all([import('@modelcontextprotocol/sdk/server/stdio.js'), import('../../mcp/server.js')]);
  const server = createServer(shared);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    stop.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(new StdioServerTransport());
  await closed;
  await server.close();
  return EXIT_OK;
}
