"""MCP server exposing the ticket system to coding agents."""
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("tickets")


@mcp.tool()
def open_ticket(title: str, body: str) -> str:
    """Open a support ticket and return its id."""
    return f"T-{abs(hash(title + body)) % 10000}"


if __name__ == "__main__":
    mcp.run()
