#!/bin/sh
ollama serve & sleep 5 && ollama pull llama3.2:3b
docker run --gpus all -p 8080:80 \
  ghcr.io/huggingface/text-generation-inference:3.0.1 \
  --model-id mistralai/Mistral-7B-Instruct-v0.3
