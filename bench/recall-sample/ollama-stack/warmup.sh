#!/bin/sh
docker run --rm -d --gpus all -p 8080:80 \
  ghcr.io/huggingface/text-embeddings-inference:1.6 \
  --model-id BAAI/bge-small-en-v1.5
