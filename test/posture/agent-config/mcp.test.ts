import { agentConfigKind } from '../../../src/documents/agent-config/kind.js';
import { mcpDockerHostAccess } from '../../../src/posture/agent-config/mcp-docker-host-access.js';
import { mcpFilesystemRoot } from '../../../src/posture/agent-config/mcp-filesystem-root.js';
import { mcpPlainHttp } from '../../../src/posture/agent-config/mcp-plain-http.js';
import { mcpUnpinnedPackage } from '../../../src/posture/agent-config/mcp-unpinned-package.js';
import { ruleTester } from '../../support/rule-tester.js';

const servers = (def: string) => `{\n  "mcpServers": {\n    "s": ${def}\n  }\n}`;

ruleTester(agentConfigKind, mcpUnpinnedPackage, {
  filename: '.mcp.json',
  valid: [
    servers('{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] }'),
    servers('{ "command": "uvx", "args": ["mcp-server-git==2025.1.14"] }'),
    servers('{ "command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server:v0.9.1"] }'),
    servers('{ "command": "node", "args": ["server.js"] }'),
  ],
  invalid: [
    { code: servers('{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }'), errors: [{ line: 3 }] },
    { code: servers('{ "command": "npx", "args": ["-y", "some-mcp@latest"] }'), errors: [{ line: 3, message: 'some-mcp@latest' }] },
    { files: { '.vscode/mcp.json': '{ "servers": { "git": { "command": "uvx", "args": ["mcp-server-git"] } } }' }, errors: [{ path: '.vscode/mcp.json' }] },
    { files: { '.codex/config.toml': '[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "docs-mcp"]\n' }, errors: [{ line: 1 }] },
  ],
});

ruleTester(agentConfigKind, mcpPlainHttp, {
  filename: '.cursor/mcp.json',
  valid: [servers('{ "url": "https://mcp.example.com/mcp" }'), servers('{ "url": "http://localhost:3000/sse" }')],
  invalid: [
    { code: servers('{ "url": "http://mcp.internal.example:8080/mcp?key=x" }'), errors: [{ line: 3, severity: 'medium', message: 'http://mcp.internal.example:8080/mcp' }] },
    { code: servers('{ "url": "http://10.0.0.5/mcp", "headers": { "Authorization": "Bearer x" } }'), errors: [{ line: 3, severity: 'high', message: 'Authorization' }] },
  ],
});

ruleTester(agentConfigKind, mcpDockerHostAccess, {
  filename: 'claude_desktop_config.json',
  valid: [servers('{ "command": "docker", "args": ["run", "-i", "--rm", "-v", "/home/me/project:/work:ro", "mcp/git:1.0"] }')],
  invalid: [
    { code: servers('{ "command": "docker", "args": ["run", "-i", "--privileged", "-v", "/:/host", "mcp/x:1"] }'), errors: [{ line: 3, severity: 'critical', message: '--privileged, host root mounted' }] },
    { code: servers('{ "command": "docker", "args": ["run", "--network=host", "mcp/x:1"] }'), errors: [{ line: 3, severity: 'high' }] },
    { code: servers('{ "command": "podman", "args": ["run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "mcp/x:1"] }'), errors: [{ line: 3, message: 'Docker socket' }] },
  ],
});

ruleTester(agentConfigKind, mcpFilesystemRoot, {
  filename: '.mcp.json',
  valid: [servers('{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "./docs"] }')],
  invalid: [
    { code: servers('{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "/"] }'), errors: [{ line: 3, severity: 'critical' }] },
    { code: servers('{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "~"] }'), errors: [{ line: 3, severity: 'high', message: "'~'" }] },
  ],
});
