"""Triage agent: Claude decides, tools come from MCP servers."""
import asyncio

import anthropic
from langchain_mcp_adapters.client import MultiServerMCPClient

client = anthropic.Anthropic()


async def triage(ticket: str) -> str:
    tools = await MultiServerMCPClient({"tickets": {"command": "python", "args": ["agent/tickets_server.py"], "transport": "stdio"}}).get_tools()
    msg = client.messages.create(
        model="claude-3-5-sonnet-20241022",
        max_tokens=1024,
        messages=[{"role": "user", "content": ticket}],
    )
    return f"{msg.content[0].text} ({len(tools)} tools)"


if __name__ == "__main__":
    print(asyncio.run(triage("printer on fire")))
