package main

import (
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("ticket-tools", "0.3.0", server.WithToolCapabilities(true))
	_ = server.ServeStdio(s)
}
