/**
 * Corpus templates (see generate.ts for the marker syntax). LEAKS are files as they appear in real
 * AI repositories, images and clusters; DECOYS are the look-alikes that make naive scanners noisy.
 */

type Template = string | (() => string);

/** A Jupyter notebook (nbformat 4, indent 1 like Jupyter writes it). */
export function notebook(cells: { type: 'code' | 'markdown'; source: string; outputs?: unknown[] }[]): string {
  const nb = {
    cells: cells.map((c, i) => ({
      cell_type: c.type,
      ...(c.type === 'code' ? { execution_count: i + 1, outputs: c.outputs ?? [] } : {}),
      metadata: {},
      source: c.source.split(/(?<=\n)/),
    })),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}

const stream = (text: string) => ({ name: 'stdout', output_type: 'stream', text: text.split(/(?<=\n)/) });

export const LEAKS: Record<string, Template> = {
  'python/app.py': `import os
from openai import OpenAI
from anthropic import Anthropic

# TODO move to vault before launch
client = OpenAI(api_key="@@openaiProject@@")
claude = Anthropic(api_key='@@anthropic@@')

GROQ_KEY = os.getenv("GROQ_API_KEY", "@@groq@@")


def ask(prompt: str) -> str:
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return r.choices[0].message.content
`,
  'python/settings.py': `from mistralai import Mistral
import cohere
import wandb

PROVIDERS = {
    "mistral": {
        "api_key": "@@mistral@@",
        "model": "mistral-large-latest",
    },
    "cohere": {"api_key": "@@cohere@@"},
}

co = cohere.ClientV2(
    api_key="@@cohere@@",
)

wandb.login(key="@@wandb@@")
`,
  'python/langchain_app.py': `from langchain_openai import ChatOpenAI, AzureChatOpenAI
from langchain_anthropic import ChatAnthropic
from langchain_together import ChatTogether

llm = ChatOpenAI(model="gpt-4o-mini", openai_api_key="@@openaiSvc@@")
azure = AzureChatOpenAI(
    azure_endpoint="https://my-team.openai.azure.com/",
    api_version="2024-06-01",
    api_key="@@azure32@@",
)
fallback = ChatAnthropic(model="claude-3-5-sonnet-latest", anthropic_api_key="@@anthropic@@")
together = ChatTogether(together_api_key="@@together@@", model="meta-llama/Llama-3-70b-chat-hf")
`,
  'python/legacy_openai.py': `import openai

openai.api_key = "@@openaiLegacy@@"
openai.organization = "org-Qx3kT0mZ1"
# older key, still active?
OPENAI_FALLBACK_KEY = "@@openaiBare@@"
`,
  'python/clients.py': `import requests
from groq import Groq
import replicate

HEADERS = {"Authorization": "Bearer @@pplx@@", "Content-Type": "application/json"}
XAI = requests.Session()
XAI.headers["Authorization"] = f"Bearer @@xai@@"
replicate_client = replicate.Client(api_token="@@replicate@@")
ds = OpenAI(api_key="@@deepseek@@", base_url="https://api.deepseek.com")
nim = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="@@nvidia@@")
`,
  'js/client.ts': `import OpenAI from 'openai';
import { Pinecone } from '@pinecone-database/pinecone';

const pc = new Pinecone({ apiKey: '@@pinecone@@' });
const grok = new OpenAI({ baseURL: 'https://api.x.ai/v1', apiKey: process.env.XAI_API_KEY ?? '@@xai@@' });
const router = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey: \`@@openrouter@@\`,
});
export { pc, grok, router };
`,
  'js/bundle.min.js': () =>
    `!function(){"use strict";var e={apiKey:"@@google@@",authDomain:"lab.firebaseapp.com"},t="data:image/png;base64,@@decoy:png@@";function n(r){return fetch("https://openrouter.ai/api/v1/chat/completions",{method:"POST",headers:{Authorization:"Bearer @@openrouter@@"},body:JSON.stringify(r)})}window.__cfg=e,window.__img=t,window.__ask=n}();\n`,
  '.env': `# local dev settings — DO NOT COMMIT (committed anyway)
OPENAI_API_KEY=@@openaiProject@@
ANTHROPIC_API_KEY="@@anthropic@@"
HF_TOKEN='@@hf@@'
export GOOGLE_API_KEY=@@google@@
AZURE_OPENAI_ENDPOINT=https://contoso-ai.openai.azure.com/
AZURE_OPENAI_API_KEY=@@azure32@@
LANGCHAIN_TRACING_V2=true
LANGCHAIN_API_KEY=@@langsmith@@
PINECONE_API_KEY=@@pineconeLegacy@@
WANDB_API_KEY=@@wandb@@
TOGETHER_API_KEY=@@together@@
MISTRAL_API_KEY=@@mistral@@
CO_API_KEY=@@cohere@@
REPLICATE_API_TOKEN=@@replicate@@
GITHUB_TOKEN=@@ghp@@
DEEPSEEK_API_KEY=@@deepseek@@
# OPENAI_API_KEY=sk-proj-...
`,
  'config/app.yaml': `llm:
  provider: anthropic
  anthropic:
    api_key: @@anthropicAdmin@@
  openai:
    api_key: "@@openaiAdmin@@"
  huggingface:
    token: >-
      @@hf@@
  gemini: {api_key: '@@google@@'}
vector_store:
  pinecone:
    api_key: @@pinecone@@
    environment: us-east-1
`,
  'config/settings.json': `{
  "providers": {
    "openai": { "apiKey": "@@openaiProject@@", "model": "gpt-4.1" },
    "groq": { "apiKey": "@@groq@@" },
    "perplexity": { "apiKey": "@@pplx@@" }
  },
  "tracing": { "langsmith": { "apiKey": "@@langsmithSk@@" } }
}
`,
  'config/config.toml': `[default]
model = "mistral-small"

[providers.huggingface]
token = "@@hf@@"
org_token = '@@hfOrg@@'

[providers.together]
api_key = "@@togetherNew@@"
`,
  'infra/main.tf': `provider "aws" {
  region     = "us-east-1"
  access_key = "@@awsPair@@"
  secret_key = "@@awsPairSecret@@"
}

variable "openai_api_key" {
  type    = string
  default = "@@openaiProject@@"
}

resource "aws_bedrock_model_invocation_logging_configuration" "x" {}
`,
  'infra/prod.tfvars': `openai_api_key    = "@@openaiProject@@"
hf_token          = "@@hf@@"
github_token      = "@@githubPat@@"
anthropic_api_key = "@@anthropic@@"
`,
  'infra/terraform.tfstate': `{
  "version": 4,
  "terraform_version": "1.9.5",
  "resources": [
    {
      "mode": "managed",
      "type": "azurerm_cognitive_account",
      "name": "openai",
      "instances": [
        {
          "attributes": {
            "endpoint": "https://lab-openai.openai.azure.com/",
            "kind": "OpenAI",
            "primary_access_key": "@@azure84@@",
            "secondary_access_key": "@@azure84@@"
          }
        }
      ]
    }
  ]
}
`,
  'docker/Dockerfile': `FROM python:3.12-slim
ARG HF_TOKEN=@@hf@@
ENV OPENAI_API_KEY=@@openaiProject@@
ENV ANTHROPIC_API_KEY @@anthropic@@
RUN pip install --no-cache-dir vllm && huggingface-cli download meta-llama/Llama-3.1-8B --token $HF_TOKEN
ENV WANDB_API_KEY=@@wandb@@ \\
    GROQ_API_KEY=@@groq@@
CMD ["python", "serve.py"]
`,
  'docker/image-config.json': `{
 "architecture": "amd64",
 "config": {
  "Env": [
   "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
   "OPENAI_API_KEY=@@openaiProject@@",
   "HUGGING_FACE_HUB_TOKEN=@@hf@@"
  ],
  "Cmd": ["python", "serve.py"]
 },
 "history": [
  {"created_by": "/bin/sh -c #(nop)  ENV ANTHROPIC_API_KEY=@@anthropic@@"},
  {"created_by": "ARG REPLICATE_API_TOKEN=@@replicate@@"}
 ]
}
`,
  'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: llm-keys
  namespace: inference
type: Opaque
data:
  OPENAI_API_KEY: @@b64:openaiProject@@
  HF_TOKEN: "@@b64:hf@@"
  MISTRAL_API_KEY: @@b64:mistral@@
stringData:
  ANTHROPIC_API_KEY: @@anthropic@@
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: gateway
spec:
  template:
    spec:
      containers:
        - name: gateway
          image: ghcr.io/lab/gateway:1.4
          env:
            - name: GROQ_API_KEY
              value: "@@groq@@"
`,
  'k8s/runtime-env.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: runtime-env
data:
  app.env: @@b64env:openaiSvc@@
  token: @@b64:ghs@@
`,
  'k8s/secret.json': `{
  "apiVersion": "v1",
  "kind": "Secret",
  "metadata": { "name": "wandb" },
  "data": {
    "WANDB_API_KEY": "@@b64:wandb@@"
  }
}
`,
  'helm/values.yaml': `image:
  repository: ghcr.io/lab/rag
  tag: 0.9.1
env:
  COHERE_API_KEY: "@@cohere@@"
  PINECONE_API_KEY: "@@pinecone@@"
  LANGSMITH_API_KEY: "@@langsmith@@"
`,
  'notebooks/finetune.ipynb': () =>
    notebook([
      { type: 'markdown', source: '# Fine-tune Llama on support tickets\n' },
      { type: 'code', source: 'from huggingface_hub import login\nlogin(token="@@hf@@")\n' },
      {
        type: 'code',
        source: 'import os\nprint({k: v for k, v in os.environ.items() if "KEY" in k})\n',
        outputs: [stream("{'OPENAI_API_KEY': '@@openaiProject@@', 'HOME': '/root'}\n")],
      },
      {
        type: 'code',
        source: 'import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\n',
        outputs: [{ data: { 'image/png': '@@decoy:png@@', 'text/plain': ['<Figure size 640x480 with 1 Axes>'] }, metadata: {}, output_type: 'display_data' }],
      },
      { type: 'code', source: '!wandb login @@wandb@@\n', outputs: [stream('wandb: Appending key for api.wandb.ai to your netrc file: /root/.netrc\n')] },
      { type: 'code', source: 'client = anthropic.Anthropic(api_key="@@anthropic@@")\n' },
    ]),
  'notebooks/eval.ipynb': () =>
    notebook([
      { type: 'code', source: '%env GROQ_API_KEY=@@groq@@\n' },
      {
        type: 'code',
        source: '!cat ~/.config/gh/hosts.yml\n',
        outputs: [stream('github.com:\n    oauth_token: @@gho@@\n    user: mlops-bot\n')],
      },
      {
        type: 'code',
        source: 'resp.json()\n',
        outputs: [{ data: { 'text/plain': ["{'key': '@@openrouter@@', 'label': 'eval'}"] }, metadata: {}, execution_count: 2, output_type: 'execute_result' }],
      },
    ]),
  'mcp/claude_desktop_config.json': `{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": {
        "GITHUB_PERSONAL_ACCESS_TOKEN": "@@githubPat@@"
      }
    },
    "openrouter": {
      "command": "uvx",
      "args": ["mcp-openrouter"],
      "env": { "OPENROUTER_API_KEY": "@@openrouter@@" }
    }
  }
}
`,
  'mcp/.mcp.json': `{"mcpServers":{"pinecone":{"command":"npx","args":["-y","@pinecone-database/mcp"],"env":{"PINECONE_API_KEY":"@@pinecone@@"}},"replicate":{"command":"npx","args":["-y","replicate-mcp"],"env":{"REPLICATE_API_TOKEN":"@@replicate@@"}}}}
`,
  'mcp/.cursor/mcp.json': `{
  "mcpServers": {
    "hf": {
      "url": "https://huggingface.co/mcp",
      "headers": { "Authorization": "Bearer @@hf@@" }
    }
  }
}
`,
  'shell/deploy.sh': `#!/usr/bin/env bash
set -euo pipefail
export OPENAI_API_KEY="@@openaiProject@@"
curl -sS https://api.anthropic.com/v1/messages \\
  -H "x-api-key: @@anthropic@@" \\
  -H "anthropic-version: 2023-06-01"
docker run -e HF_TOKEN=@@hf@@ -e GROQ_API_KEY=@@groq@@ ghcr.io/lab/serve:latest
wandb login @@wandb@@
git push https://mlops-bot:@@ghp@@@github.com/lab/models.git main
`,
  'shell/.bashrc': `alias ll='ls -la'
export ANTHROPIC_API_KEY=@@anthropic@@
export AWS_ACCESS_KEY_ID=@@awsPair@@
export AWS_SECRET_ACCESS_KEY=@@awsPairSecret@@
`,
  'ci/.github/workflows/train.yml': `name: train
on: [push]
jobs:
  train:
    runs-on: ubuntu-latest
    env:
      HF_TOKEN: @@hf@@
      WANDB_API_KEY: \${{ secrets.WANDB_API_KEY }}
    steps:
      - uses: actions/checkout@v4
      - run: git clone https://x-access-token:@@ghs@@@github.com/lab/datasets.git
      - run: python train.py
`,
  'ci/.gitlab-ci.yml': `variables:
  OPENAI_API_KEY: "@@openaiProject@@"
  GIT_STRATEGY: clone
eval:
  script:
    - export GOOGLE_API_KEY=@@google@@
    - python eval.py
`,
  'logs/server.log': `2025-03-02T10:11:12Z INFO starting gateway
2025-03-02T10:11:13Z DEBUG {"event":"config","body":"{\\"openai\\":{\\"api_key\\":\\"@@openaiProject@@\\"}}"}
2025-03-02T10:11:14Z DEBUG env dump: "PATH=/usr/bin\\nANTHROPIC_API_KEY=@@anthropic@@\\nHOME=/root"
2025-03-02T10:11:15Z ERROR upstream 401 for key @@groq@@
`,
  'docs/setup.md': `# Setup

Ask Dana for the shared key, or use this one for now:

\`\`\`bash
export OPENAI_API_KEY=@@openaiProject@@
export HF_TOKEN=@@hf@@
\`\`\`
`,
  'go/main.go': `package main

const anthropicKey = "@@anthropic@@"

var cfg = Config{GeminiKey: \`@@google@@\`}
`,
  'java/LlmConfig.java': `package lab.llm;

public final class LlmConfig {
    public static final String OPENAI_KEY = "@@openaiProject@@";
    private static final String AWS_ID = "@@awsPair@@";
    private static final String AWS_SECRET = "@@awsPairSecret@@";
}
`,
  'dotnet/appsettings.json': `{
  "AzureOpenAI": {
    "Endpoint": "https://lab.openai.azure.com/",
    "Key": "@@azure84@@",
    "Deployment": "gpt-4o"
  }
}
`,
  'aws/credentials': `[default]
aws_access_key_id = @@awsPair@@
aws_secret_access_key = @@awsPairSecret@@

[bedrock]
aws_access_key_id=@@awsPair@@
aws_secret_access_key=@@awsPairSecret@@
aws_session_token=IQoJb3JpZ2luX2VjEJr
`,
  'aws/export.sh': `# only half of it, the id is in the vault
export AWS_SECRET_ACCESS_KEY=@@awsSecret@@
`,
  'aws/ids.txt': `bedrock-ci user: @@awsId@@
`,
  'python/requirements.txt': `torch==2.5.1
git+https://@@ghp@@@github.com/lab/private-tokenizer.git@v1.2
--extra-index-url https://__token__:@@githubPat@@@pkgs.lab.dev/simple
`,
  'netrc/.netrc': `machine api.wandb.ai
  login user
  password @@wandb@@
machine github.com login bot password @@ghp@@
`,
  'csv/keys-export.csv': `name,provider,key,created
prod,openai,@@openaiProject@@,2025-01-02
eval,groq,@@groq@@,2025-02-03
`,
  'xml/settings.xml': `<settings>
  <servers>
    <server><id>github</id><username>bot</username><password>@@ghp@@</password></server>
  </servers>
</settings>
`,
  'java/application.properties': `spring.ai.openai.api-key=@@openaiProject@@
spring.ai.anthropic.api-key=@@anthropic@@
spring.ai.mistralai.api-key=@@mistral@@
`,
  'json/event.json': `{"type":"webhook","payload":"{\\"apiKey\\":\\"@@anthropic@@\\",\\"model\\":\\"claude\\"}","hf":"token=@@hf@@&repo=x"}
`,
  'url/urls.txt': `https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=@@google@@
https://user:@@hf@@@huggingface.co/lab/private-model
`,
  'ruby/config.rb': `Rails.application.configure do
  config.x.openai_key = ENV.fetch("OPENAI_API_KEY") { "@@openaiProject@@" }
  config.x.xai_key = '@@xai@@'
end
`,
  'php/config.php': `<?php
return [
    'perplexity' => ['key' => '@@pplx@@'],
    'pinecone' => ['api_key' => "@@pinecone@@"],
];
`,
  'weird/crlf.env': 'OPENAI_API_KEY=@@openaiProject@@\r\nGROQ_API_KEY=@@groq@@\r\n',
  'weird/tabs.yaml': 'secrets:\n\topenrouter:\t"@@openrouter@@"\n',
};

export const DECOYS: Record<string, Template> = {
  '.env.example': `# copy to .env and fill in
OPENAI_API_KEY=sk-...
OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
ANTHROPIC_API_KEY=<your-anthropic-key>
ANTHROPIC_API_KEY=sk-ant-api03-your-key-here
HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
GOOGLE_API_KEY=\${GOOGLE_API_KEY}
AZURE_OPENAI_API_KEY=your_api_key_here
AZURE_OPENAI_API_KEY=00000000000000000000000000000000
MISTRAL_API_KEY=changeme
GROQ_API_KEY=gsk_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
GITHUB_TOKEN=ghp_************************************
PINECONE_API_KEY=pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
`,
  'env_lookups.py': `import os

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))
hf_token = os.environ.get("HF_TOKEN")
co = cohere.ClientV2(api_key=os.environ["CO_API_KEY"])
mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"])
wandb.login(key=os.environ["WANDB_API_KEY"])
`,
  'env_lookups.ts': `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });
const key = import.meta.env.VITE_GEMINI_API_KEY;
const together = new Together({ apiKey: Deno.env.get("TOGETHER_API_KEY") });
`,
  'package-lock.json': `{
  "name": "lab",
  "lockfileVersion": 3,
  "packages": {
    "node_modules/openai": {
      "version": "4.77.0",
      "resolved": "https://registry.npmjs.org/openai/-/openai-4.77.0.tgz",
      "integrity": "@@decoy:integrity@@"
    },
    "node_modules/@anthropic-ai/sdk": {
      "integrity": "@@decoy:integrity@@"
    }
  }
}
`,
  'yarn.lock': `openai@^4.0.0:
  version "4.77.0"
  resolved "https://registry.yarnpkg.com/openai/-/openai-4.77.0.tgz#@@decoy:sha1@@"
  integrity @@decoy:integrity@@
`,
  'poetry.lock': `[[package]]
name = "openai"
version = "1.58.1"
files = [
    {file = "openai-1.58.1-py3-none-any.whl", hash = "sha256:@@decoy:sha256@@"},
]
`,
  'uv.lock': `[[package]]
name = "anthropic"
version = "0.42.0"
sdist = { url = "https://files.pythonhosted.org/anthropic-0.42.0.tar.gz", hash = "sha256:@@decoy:sha256@@" }
`,
  'requirements-hashed.txt': `openai==1.58.1 \\
    --hash=sha256:@@decoy:sha256@@ \\
    --hash=sha256:@@decoy:sha256@@
wandb==0.19.1 --hash=sha256:@@decoy:sha256@@
`,
  'hashes.md': `# Release checksums

| file | sha256 |
|---|---|
| model.safetensors | @@decoy:sha256@@ |
| tokenizer.json | @@decoy:sha256@@ |

commit @@decoy:sha1@@ (wandb integration)
together with the cohere reranker we pinned revision @@decoy:sha1@@
mistral weights md5: @@decoy:md5@@
`,
  'uuids.json': `{
  "request_id": "@@decoy:uuid@@",
  "trace_id": "@@decoy:uuid@@",
  "pinecone": { "index": "docs", "PINECONE_INDEX_ID": "@@decoy:uuid@@", "host": "docs-@@decoy:uuid@@.svc.pinecone.io" },
  "azure_openai": { "deployment_id": "@@decoy:md5@@", "etag": "@@decoy:md5@@" }
}
`,
  'notebooks/plots.ipynb': () =>
    notebook([
      { type: 'code', source: 'import os\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n' },
      {
        type: 'code',
        source: 'plt.imshow(img)\n',
        outputs: [
          { data: { 'image/png': '@@decoy:png@@', 'text/plain': ['<Figure>'] }, metadata: {}, output_type: 'display_data' },
          { data: { 'image/jpeg': '@@decoy:blob@@' }, metadata: {}, output_type: 'display_data' },
        ],
      },
      { type: 'code', source: '# set HF_TOKEN in your shell first\nlogin(token=os.environ["HF_TOKEN"])\n' },
    ]),
  'aws-docs.md': `# Configure the CLI

\`\`\`ini
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
\`\`\`
Second example: AKIAI44QH8DHBEXAMPLE / je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`,
  'helm/values.yaml': `env:
  OPENAI_API_KEY: {{ .Values.openai.apiKey | quote }}
  ANTHROPIC_API_KEY: "\${ANTHROPIC_API_KEY}"
  HF_TOKEN: "{{ required \\"hf token\\" .Values.hf.token }}"
  AZURE_OPENAI_API_KEY: "$(AZURE_OPENAI_API_KEY)"
`,
  'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: app
data:
  DB_HOST: cG9zdGdyZXMuZGVmYXVsdC5zdmM=
  OPENAI_API_KEY: c2stLi4u
  PLACEHOLDER: eW91cl9hcGlfa2V5X2hlcmU=
  tls.crt: @@decoy:blob@@
`,
  'lookalikes.py': `# identifiers that contain key prefixes
task_proj_ids = ["task-proj-2024", "desk-admin-panel"]
from huggingface_hub import hf_hub_download, hf_hub_url
GLUED = "@@glued:hf@@"
GLUED2 = "@@glued:ghp@@"
TAIL = "@@tail:awsId@@"
TAIL2 = "@@tail:groq@@"
sk_learn_model = "sk-learn-pipeline-v2"
route = "/api/r8_proxy/status"
xai_model = "xai-grok-2-latest"
pplx_model = "pplx-70b-online"
`,
  'bundle.min.js': () =>
    `var a="data:font/woff2;base64,@@decoy:blob@@",b="@@decoy:blob@@";function c(d){return d.replace(/sk-/g,"")}\n`,
  'fixtures.py': `# unit-test fixtures: obviously fake
FAKE_OPENAI = "sk-proj-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
FAKE_ANTHROPIC = "sk-ant-api03-test-test-test-test-test-test-test-test-test-test-test-test-test-test-test-test-test-testAA"
FAKE_HF = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"
FAKE_AWS = "AKIA1234567890ABCDEF"
FAKE_GH = "ghp_0123456789abcdefghijklmnopqrstuvwxyz"
FAKE_GROQ = "gsk_abcdefABCDEF123456abcdefABCDEF123456abcdefABCDEF1234"
FAKE_R8 = "r8_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789A"
FAKE_GOOGLE = "AIzaSyA1234567890abcdefghijklmnopqrstu"
FAKE_PPLX = "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"
`,
  'docs/providers.md': `# Supported providers

| provider | key format |
|---|---|
| OpenAI | \`sk-proj-…\`, \`sk-svcacct-…\`, \`sk-admin-…\` |
| Anthropic | \`sk-ant-api03-…\` |
| Hugging Face | \`hf_…\` (34 letters) |
| GitHub | \`ghp_\`, \`github_pat_\` |

Set \`OPENAI_API_KEY\` in the environment; never paste it here.
`,
  'model-card.md': `---
base_model: mistralai/Mistral-7B-Instruct-v0.3
revision: @@decoy:sha1@@
---
Evaluated together with Cohere Command R; weights & biases run \`lab/eval/@@decoy:alnum32@@\`.
`,
  'redacted.log': `key=sk-proj-****************
anthropic key sk-ant-...4f2a rotated
token ghp_…(40 chars)
`,
  'logo.svg': `<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,@@decoy:png@@"/></svg>
`,
  'go.sum': `github.com/sashabaranov/go-openai v1.36.0 h1:@@decoy:sha256b64@@
github.com/sashabaranov/go-openai v1.36.0/go.mod h1:@@decoy:sha256b64@@
`,
  'tokens-random.txt': `session ids: @@decoy:alnum32@@ @@decoy:alnum40@@
nonce @@decoy:b64secret40@@
`,
};
