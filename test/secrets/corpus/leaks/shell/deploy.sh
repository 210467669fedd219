#!/usr/bin/env bash
set -euo pipefail
export OPENAI_API_KEY="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"
curl -sS https://api.anthropic.com/v1/messages \
  -H "x-api-key: sk-ant-api03-2gdR0SHUq38kYaHJm9hwG0RaIvauQ2eoxE_GymgFkP10lnWBkAVezgVSy0tPgkW_fu12YxL-BRl_Uugt4IKiBCEHo6XMAAA" \
  -H "anthropic-version: 2023-06-01"
docker run -e HF_TOKEN=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 -e GROQ_API_KEY=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 ghcr.io/lab/serve:latest
wandb login e49812e1fcd3db6fa1fddd4c737114215e50e6f0
git push https://mlops-bot:ghp_GYxiCWnHzDEHi7bUHUJtfE9YLIrrop3Zqkxs@github.com/lab/models.git main
