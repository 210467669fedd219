// Package gateway routes chat requests to hosted and local models.
package gateway

import (
	"context"
	"fmt"
	"os"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/ollama/ollama/api"
	openai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms/ollama"
	"google.golang.org/genai"
)

const DefaultModel = "gpt-4.1-mini"

var embeddingModel = "text-embedding-3-small"

type Gateway struct {
	oa     *openai.Client
	claude anthropic.Client
}

func New() *Gateway {
	cfg := openai.DefaultConfig(os.Getenv("OPENAI_API_KEY"))
	cfg.BaseURL = "https://api.openai.com/v1"
	return &Gateway{oa: openai.NewClientWithConfig(cfg), claude: anthropic.NewClient()}
}

func (g *Gateway) Chat(ctx context.Context, prompt string) (string, error) {
	resp, err := g.oa.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    "gpt-4o",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

func (g *Gateway) Claude(ctx context.Context, prompt string) (*anthropic.Message, error) {
	return g.claude.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.Model("claude-3-7-sonnet-20250219"),
		MaxTokens: 1024,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(prompt))},
	})
}

func Local(ctx context.Context) error {
	client, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	req := &api.ChatRequest{Model: "llama3.2:3b", Messages: []api.Message{{Role: "user", Content: "hi"}}}
	return client.Chat(ctx, req, func(r api.ChatResponse) error { fmt.Print(r.Message.Content); return nil })
}

func Chain() {
	llm, _ := ollama.New(ollama.WithModel("mistral:7b"))
	_ = llm
}

func Bedrock(ctx context.Context, c *bedrockruntime.Client) {
	_, _ = c.InvokeModel(ctx, &bedrockruntime.InvokeModelInput{
		ModelId:     aws.String("anthropic.claude-3-haiku-20240307-v1:0"),
		ContentType: aws.String("application/json"),
	})
}

func Gemini(ctx context.Context) {
	client, _ := genai.NewClient(ctx, &genai.ClientConfig{Backend: genai.BackendGeminiAPI})
	_, _ = client.Models.GenerateContent(ctx, "gemini-2.0-flash", genai.Text("hi"), nil)
}

func placeholder() {
	// Not ids: a variable, a placeholder and a comment mentioning "gpt-4o".
	m := os.Getenv("MODEL")
	_ = openai.ChatCompletionRequest{Model: m}
	_ = openai.ChatCompletionRequest{Model: "your-model-here"}
}
