import { agentConfigKind } from '../../../src/documents/agent-config/kind.js';
import { broadShellAllow } from '../../../src/posture/agent-config/broad-shell-allow.js';
import { codexNoSandbox } from '../../../src/posture/agent-config/codex-no-sandbox.js';
import { geminiTrustYolo } from '../../../src/posture/agent-config/gemini-trust-yolo.js';
import { openclawGatewayExposed } from '../../../src/posture/agent-config/openclaw-gateway-exposed.js';
import { vscodeAutoApprove } from '../../../src/posture/agent-config/vscode-auto-approve.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(agentConfigKind, broadShellAllow, {
  filename: '.claude/settings.json',
  valid: ['{ "permissions": { "allow": ["Bash(npm run test:*)", "Read", "Bash(git diff:*)"] } }', { files: { '.cursor/cli.json': '{ "permissions": { "allow": ["Shell(git status)"] } }' } }],
  invalid: [
    { code: '{\n  "permissions": {\n    "allow": [\n      "Read",\n      "Bash(*)"\n    ]\n  }\n}', errors: [{ line: 5, message: "'Bash(*)'" }] },
    { code: '{ "permissions": { "allow": ["Bash"] } }', errors: [{ line: 1 }] },
    { files: { '.cursor/cli.json': '{ "permissions": { "allow": ["Shell(*)"] } }' }, errors: [{ path: '.cursor/cli.json' }] },
    { files: { '.gemini/settings.json': '{ "tools": { "allowed": ["run_shell_command"] } }' }, errors: [{ path: '.gemini/settings.json' }] },
  ],
});

ruleTester(agentConfigKind, vscodeAutoApprove, {
  filename: '.vscode/settings.json',
  valid: ['{\n  // fine\n  "chat.tools.autoApprove": false,\n  "chat.tools.terminal.autoApprove": { "npm test": true, "/.*/": false },\n}'],
  invalid: [
    { code: '{\n  // injected\n  "chat.tools.autoApprove": true,\n}', errors: [{ line: 3, message: 'chat.tools.autoApprove' }] },
    { code: '{\n  "chat.tools.global.autoApprove": true,\n  "chat.tools.terminal.autoApprove": { "/.*/": true }\n}', errors: [{ line: 2 }, { line: 3, message: 'every terminal command' }] },
  ],
});

ruleTester(agentConfigKind, geminiTrustYolo, {
  filename: '.gemini/settings.json',
  valid: ['{ "mcpServers": { "gh": { "command": "gh-mcp", "trust": false } }, "general": { "defaultApprovalMode": "auto_edit" } }'],
  invalid: [
    { code: '{\n  "mcpServers": {\n    "gh": { "command": "gh-mcp", "trust": true }\n  }\n}', errors: [{ line: 3, message: "'gh'" }] },
    { code: '{\n  "general": {\n    "defaultApprovalMode": "yolo"\n  }\n}', errors: [{ line: 3, message: 'yolo' }] },
  ],
});

ruleTester(agentConfigKind, codexNoSandbox, {
  filename: '.codex/config.toml',
  valid: ['approval_policy = "on-request"\nsandbox_mode = "workspace-write"\n', { files: { 'app/config.toml': '[server]\nport = 8080\n' } }, 'approval_policy = "never"\nsandbox_mode = "read-only"\n'],
  invalid: [
    { code: 'model = "gpt-5"\napproval_policy = "never"\nsandbox_mode = "danger-full-access"\n', errors: [{ line: 3, severity: 'critical' }] },
    { code: 'approval_policy = "never"\n', errors: [{ line: 1, severity: 'medium' }] },
    { name: 'profile in a bare config.toml', files: { 'config.toml': 'model = "o3"\n\n[profiles.yolo]\nsandbox_mode = "danger-full-access"\n' }, errors: [{ line: 4, severity: 'high', message: "profile 'yolo'" }] },
  ],
});

ruleTester(agentConfigKind, openclawGatewayExposed, {
  filename: 'openclaw.json',
  valid: [
    '{\n  // JSON5 comments\n  gateway: { mode: "local", bind: "loopback", port: 18789 },\n}',
    '{ gateway: { bind: "lan", auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}" } } }',
    '{ gateway: { bind: "lan", auth: { mode: "token" } } }',
  ],
  invalid: [
    { code: '{\n  gateway: {\n    bind: "lan",\n    auth: { mode: "none" },\n  },\n}', errors: [{ line: 3, severity: 'critical' }] },
    { code: '{\n  gateway: {\n    bind: "custom",\n    host: "0.0.0.0",\n    auth: {\n      mode: "token",\n      token: "gway_0123456789abcdef",\n    },\n  },\n}', errors: [{ line: 7, severity: 'high', message: 'written in the file' }] },
    { code: '{ "gateway": { "bind": "loopback", "tailscale": { "mode": "funnel" } } }', errors: [{ line: 1, severity: 'high', message: 'funnel' }] },
  ],
});
