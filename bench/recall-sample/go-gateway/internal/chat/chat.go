package chat

import (
	"context"

	"github.com/gin-gonic/gin"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go"
)

const fallbackModel = "gpt-4o-mini"

func Hosted(ctx context.Context, c openai.Client, q string) (*openai.ChatCompletion, error) {
	return c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "gpt-4.1",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(q)},
	})
}

func Local(ctx context.Context, q string) error {
	client, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	req := &api.GenerateRequest{Model: "qwen2.5-coder:7b", Prompt: q}
	return client.Generate(ctx, req, func(api.GenerateResponse) error { return nil })
}

func Routes(r *gin.Engine) { r.GET("/healthz", func(c *gin.Context) { c.String(200, "ok") }) }
