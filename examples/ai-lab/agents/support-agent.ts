// Support agent: tools over MCP, answers with the OpenAI Responses API.
import OpenAI from 'openai';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const openai = new OpenAI();
export const server = new McpServer({ name: 'lab-tools', version: '0.1.0' });

export async function reply(input: string): Promise<string> {
  const r = await openai.responses.create({ model: 'gpt-4.1-mini', input });
  return r.output_text;
}
