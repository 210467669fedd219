module example.com/go-gateway

go 1.23

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/openai/openai-go v1.8.2
	github.com/ollama/ollama v0.6.5
)
