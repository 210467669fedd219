import { describe, expect, it } from 'vitest';
import { mcpConfigAnalyzer } from '../../../src/discovery/infra/mcp-config.js';
import { terraformAnalyzer } from '../../../src/discovery/infra/terraform.js';
import { analyze, analyzeFiles, sightings } from '../helpers.js';

describe('Terraform discovery', () => {
  const tf = [
    'resource "google_vertex_ai_endpoint" "chat" {',
    '  name         = "chat"',
    '  display_name = "chat"',
    '  location     = var.region',
    '}',
    '',
    'resource "google_workbench_instance" "lab" {',
    '  name     = "lab"',
    '  location = "us-central1-a"',
    '}',
    '',
    'resource "azurerm_machine_learning_workspace" "ws" {',
    '  name = "ws"',
    '}',
    '',
    'resource "awscc_bedrock_agent" "a" {',
    '  agent_name       = "a"',
    '  foundation_model = var.model',
    '}',
    '',
    'resource "google_storage_bucket" "b" {',
    '  name = "b"',
    '}',
  ].join('\n');
  const vars = 'variable "region" {\n  default = "europe-west4"\n}\nvariable "model" {\n  default = "amazon.nova-pro-v1:0"\n}\n';

  it('finds managed AI services of AWS (awscc), GCP and Azure with lines, resolving variable defaults from variables.tf', async () => {
    const { assets } = await analyzeFiles(terraformAnalyzer, { 'infra/main.tf': tf, 'infra/variables.tf': vars });
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'tf:infra/google_vertex_ai_endpoint.chat@1',
      'tf:infra/google_workbench_instance.lab@7',
      'tf:infra/azurerm_machine_learning_workspace.ws@12',
      'tf:infra/awscc_bedrock_agent.a@16',
      'model:bedrock/amazon.nova-pro-v1:0@18',
    ]));
    expect(assets.find((a) => a.id === 'tf:infra/google_vertex_ai_endpoint.chat')!.properties.location).toBe('europe-west4');
    expect(assets.some((a) => a.id.includes('google_storage_bucket'))).toBe(false);
  });

  it('reads what it can of invalid HCL (the posture analyzer reports the syntax note)', async () => {
    const { assets } = await analyzeFiles(terraformAnalyzer, { 'bad.tf': 'resource "aws_sagemaker_domain" "d" {\n  name = \n' });
    expect(sightings(assets)).toEqual(['tf:aws_sagemaker_domain.d@1']);
  });

  it('resolves locals and tfvars across the module and links referenced AI resources', async () => {
    const { assets } = await analyzeFiles(terraformAnalyzer, {
      'm/main.tf': 'locals {\n  model = var.model\n}\nresource "aws_bedrockagent_agent" "a" {\n  agent_name = "a"\n  foundation_model = local.model\n  guardrail_configuration {\n    guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id\n  }\n}\nresource "aws_bedrock_guardrail" "g" {\n  name = "g"\n}\n',
      'm/variables.tf': 'variable "model" {\n  default = "x"\n}\n',
      'm/prod.auto.tfvars': 'model = "amazon.nova-pro-v1:0"\n',
    });
    expect(sightings(assets)).toEqual(expect.arrayContaining(['model:bedrock/amazon.nova-pro-v1:0@6']));
    expect(assets.find((a) => a.id === 'tf:m/aws_bedrockagent_agent.a')!.relations).toEqual(expect.arrayContaining([{ type: 'depends-on', target: 'tf:m/aws_bedrock_guardrail.g' }]));
  });
});

describe('MCP client configs', () => {
  it('reads Claude Desktop / Cursor / Gemini configs and keeps no secret values', async () => {
    const cfg = JSON.stringify({ mcpServers: { brave: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'], env: { BRAVE_API_KEY: 'BSAxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } }, remote: { url: 'https://user:pw@mcp.acme.dev/sse?key=s3cr3t' } } }, null, 2);
    for (const path of ['claude_desktop_config.json', '.cursor/mcp.json', '.gemini/settings.json']) {
      const { assets } = await analyze(mcpConfigAnalyzer, path, cfg);
      expect(sightings(assets)).toEqual(expect.arrayContaining(['mcp-server:brave@3', 'mcp-server:remote@13', 'pkg:npm/%40modelcontextprotocol/server-brave-search@3']));
      const text = JSON.stringify(assets);
      expect(text).not.toContain('BSAxxxx');
      expect(text).not.toContain('s3cr3t');
      expect(text).not.toContain('pw@');
      expect(assets.find((a) => a.id === 'mcp-server:remote')!.properties).toMatchObject({ transport: 'sse', remote: true, url: 'https://mcp.acme.dev/sse' });
    }
  });

  it('accepts JSONC (comments, trailing commas) in VS Code configs and notes invalid files', async () => {
    const ok = await analyze(mcpConfigAnalyzer, '.vscode/mcp.json', '{\n  // c\n  "servers": { "x": { "command": "uvx", "args": ["mcp-server-git==2025.1.14"], }, },\n}\n');
    expect(sightings(ok.assets)).toEqual(expect.arrayContaining(['mcp-server:x@3', 'pkg:pypi/mcp-server-git@2025.1.14@3', 'agent:vscode-copilot:.vscode/mcp.json@3']));
    const bad = await analyze(mcpConfigAnalyzer, '.mcp.json', '{"mcpServers": {');
    expect(bad.assets).toEqual([]);
    expect(bad.notes[0].level).toBe('warning');
  });

  it('ignores unrelated settings.json files', () => {
    expect(mcpConfigAnalyzer.match({ path: '.vscode/settings.json', name: 'settings.json', ext: '.json', size: 10 })).toBe(false);
  });
});
