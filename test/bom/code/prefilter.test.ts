import { describe, expect, it } from 'vitest';
import { mayYieldAssets } from '../../../src/discovery/code/prefilter.js';

describe('code discovery pre-check', () => {
  it.each([
    ['python', 'import openai\nclient = openai.OpenAI()\n'],
    ['python', 'from langchain_openai import ChatOpenAI\n'],
    ['python', 'import os, torch as t\n'],
    ['python', 'from google import generativeai as genai\n'],
    ['python', 'from transformers import (\n    AutoModel,\n)\n'],
    ['python', 'import boto3\nrt = boto3.client("bedrock-runtime")\n'],
    ['python', 'model = AutoModel.from_pretrained("org/name")\n'],
    ['python', 'URL = "http://localhost:11434/api/generate"\n'],
    ['js', "import OpenAI from 'openai';\n"],
    ['js', "const { ChatAnthropic } = require('@langchain/anthropic');\n"],
    ['js', "const m = await import('@modelcontextprotocol/sdk/server/mcp.js');\n"],
    ['js', "fetch('https://api.openai.com/v1/chat/completions')\n"],
  ] as const)('parses a %s file that can hold AI assets: %j', (lang, text) => {
    expect(mayYieldAssets(lang, text)).toBe(true);
  });

  it.each([
    ['python', 'import os\nimport requests\nfrom flask import Flask\napp = Flask(__name__)\n'],
    ['python', '# we could use openai here one day\nx = 1\n'],
    ['js', "import express from 'express';\nimport { readFile } from 'node:fs/promises';\n"],
    ['js', "const openaiKey = process.env.KEY; // a variable named like a provider is not an import\n"],
  ] as const)('skips a %s file that cannot: %j', (lang, text) => {
    expect(mayYieldAssets(lang, text)).toBe(false);
  });
});
