/**
 * RuleTester-style table: every `secret/*` rule has cases where it fires (with the expected line)
 * and cases where it must stay quiet (placeholders, env lookups, look-alikes, hashes, examples).
 */
import { describe, expect, it } from 'vitest';
import { SECRET_RULE_METAS } from '../../src/secrets/rules.js';
import { KeyGen } from './fake-keys.js';
import { scan } from './helpers.js';

const g = new KeyGen(20260522);
const k = {
  proj: g.key('openaiProject'), svc: g.key('openaiSvc'), admin: g.key('openaiAdmin'), legacy: g.key('openaiLegacy'),
  bare: g.key('openaiBare'), ant: g.key('anthropic'), antAdmin: g.key('anthropicAdmin'), hf: g.key('hf'),
  hfOrg: g.key('hfOrg'), google: g.key('google'), awsId: g.key('awsId'), awsTemp: g.key('awsTempId'),
  awsSecret: g.key('awsSecret'), az32: g.key('azure32'), az84: g.key('azure84'), groq: g.key('groq'),
  r8: g.key('replicate'), pplx: g.key('pplx'), xai: g.key('xai'), or: g.key('openrouter'), mistral: g.key('mistral'),
  cohere: g.key('cohere'), together: g.key('together'), tgp: g.key('togetherNew'), ls: g.key('langsmith'),
  lsSk: g.key('langsmithSk'), wandb: g.key('wandb'), pc: g.key('pinecone'), pcLegacy: g.key('pineconeLegacy'),
  ghp: g.key('ghp'), pat: g.key('githubPat'), gho: g.key('gho'), ghu: g.key('ghu'), ghs: g.key('ghs'), ghr: g.key('ghr'),
  nv: g.key('nvidia'), ds: g.key('deepseek'),
};

interface Case {
  file: string;
  code: string;
  /** Line of the finding (1-based) for firing cases. */
  line?: number;
}

const CASES: Record<string, { fire: Case[]; quiet: Case[] }> = {
  'secret/openai-api-key': {
    fire: [
      { file: 'app.py', code: `import openai\nclient = OpenAI(api_key="${k.proj}")\n`, line: 2 },
      { file: '.env', code: `OPENAI_API_KEY=${k.legacy}\n`, line: 1 },
      { file: 'chat.js', code: `// openai client\nconst openai = new OpenAI({ apiKey: '${k.bare}' });\n`, line: 2 },
    ],
    quiet: [
      { file: 'app.py', code: 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\nkey = os.getenv("OPENAI_API_KEY")\n' },
      { file: '.env.example', code: 'OPENAI_API_KEY=sk-...\nOPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nOPENAI_API_KEY=<your-key>\n' },
      { file: 'README.md', code: 'export OPENAI_API_KEY=sk-proj-your_api_key_here_your_api_key_here_your_api_key_here_1234\n' },
      { file: 'task.js', code: `const id = "desk-${k.bare.slice(3)}";\n` },
      { file: 'x.txt', code: `no context here: ${k.bare}\n` },
    ],
  },
  'secret/openai-service-account-key': {
    fire: [{ file: 'deploy/values.yaml', code: `openai:\n  apiKey: "${k.svc}"\n`, line: 2 }],
    quiet: [{ file: 'values.yaml', code: 'openai:\n  apiKey: "{{ .Values.openai.key }}"\n  other: sk-svcacct-${OPENAI_KEY}\n' }],
  },
  'secret/openai-admin-key': {
    fire: [{ file: 'scripts/rotate.sh', code: `#!/bin/sh\ncurl -H "Authorization: Bearer ${k.admin}" https://api.openai.com/v1/organization/users\n`, line: 2 }],
    quiet: [{ file: 'rotate.sh', code: 'curl -H "Authorization: Bearer $OPENAI_ADMIN_KEY" https://api.openai.com/v1/organization/users\n' }],
  },
  'secret/anthropic-api-key': {
    fire: [{ file: 'agent.ts', code: `const anthropic = new Anthropic({\n  apiKey: "${k.ant}",\n});\n`, line: 2 }],
    quiet: [{ file: 'agent.ts', code: 'const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n// key looks like sk-ant-api03-...\n' }],
  },
  'secret/anthropic-admin-key': {
    fire: [{ file: 'admin.py', code: `ADMIN = '${k.antAdmin}'\n`, line: 1 }],
    quiet: [{ file: 'admin.py', code: 'ADMIN = "sk-ant-admin01-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXAA"\n' }],
  },
  'secret/huggingface-token': {
    fire: [
      { file: 'download.sh', code: `huggingface-cli login --token ${k.hf}\n`, line: 1 },
      { file: 'clone.sh', code: `git clone https://user:${k.hf}@huggingface.co/org/private-model\n`, line: 1 },
    ],
    quiet: [
      { file: 'dl.py', code: 'from huggingface_hub import hf_hub_download\nhf_token = os.environ["HF_TOKEN"]\nx = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"\n' },
      { file: 'auto.py', code: 'registry["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"] = cls\n' },
    ],
  },
  'secret/huggingface-org-token': {
    fire: [{ file: 'config.toml', code: `[hub]\ntoken = "${k.hfOrg}"\n`, line: 2 }],
    quiet: [{ file: 'config.toml', code: '[hub]\ntoken = "api_org_your_org_token"\n' }],
  },
  'secret/google-ai-api-key': {
    fire: [{ file: 'gemini.py', code: `genai.configure(api_key="${k.google}")\n`, line: 1 }],
    quiet: [{ file: 'gemini.py', code: 'genai.configure(api_key=os.environ["GOOGLE_API_KEY"])\nKEY = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"\n' }],
  },
  'secret/aws-access-key': {
    fire: [
      { file: 'credentials', code: `[default]\naws_access_key_id = ${k.awsId}\naws_secret_access_key = ${k.awsSecret}\n`, line: 2 },
      { file: 'bedrock.tf', code: `provider "aws" {\n  access_key = "${k.awsTemp}"\n  secret_key = "${k.awsSecret}"\n}\n`, line: 2 },
    ],
    quiet: [{ file: 'credentials', code: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' }],
  },
  'secret/aws-access-key-id': {
    fire: [
      { file: 'notes.md', code: `The CI user is ${k.awsId}.\n`, line: 1 },
      { file: 'ids.txt', code: 'hand-written id: AKIA0Z8Q1W9X7C0V4N1M\n', line: 1 },
    ],
    quiet: [{ file: 'notes.md', code: `id AKIAIOSFODNN7EXAMPLE and token X${k.awsId}Y and AKIAXXXXXXXXXXXXXXXX\n` }],
  },
  'secret/aws-secret-access-key': {
    fire: [{ file: 'env.sh', code: `export AWS_SECRET_ACCESS_KEY="${k.awsSecret}"\n`, line: 1 }],
    quiet: [{ file: 'env.sh', code: `export AWS_SECRET_ACCESS_KEY="$VAULT_SECRET"\nCOMMIT_SHA=${'a'.repeat(0)}3f786850e387550fdab836ed7e6dc881de23001b\n` }],
  },
  'secret/azure-openai-key': {
    fire: [
      { file: 'azure.py', code: `client = AzureOpenAI(\n    azure_endpoint="https://contoso.openai.azure.com/",\n    api_key="${k.az32}",\n)\n`, line: 3 },
      { file: 'settings.json', code: `{ "AZURE_OPENAI_API_KEY": "${k.az84}" }\n`, line: 1 },
    ],
    quiet: [{ file: 'azure.py', code: `# azure openai\nmodel_sha = "${k.az32}"\nclient = AzureOpenAI(api_key=os.environ["AZURE_OPENAI_API_KEY"])\n` }],
  },
  'secret/groq-api-key': {
    fire: [{ file: 'groq.ts', code: `const groq = new Groq({ apiKey: "${k.groq}" });\n`, line: 1 }],
    quiet: [{ file: 'groq.ts', code: 'const groq = new Groq({ apiKey: "gsk_..." });\nconst k = "gsk_1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP";\n' }],
  },
  'secret/replicate-api-token': {
    fire: [{ file: 'Dockerfile', code: `FROM python:3.12\nENV REPLICATE_API_TOKEN=${k.r8}\n`, line: 2 }],
    quiet: [{ file: 'Dockerfile', code: 'FROM python:3.12\nARG REPLICATE_API_TOKEN\nENV REPLICATE_API_TOKEN=${REPLICATE_API_TOKEN}\n' }],
  },
  'secret/perplexity-api-key': {
    fire: [{ file: 'search.py', code: `PPLX = "${k.pplx}"\n`, line: 1 }],
    quiet: [{ file: 'search.py', code: 'PPLX = "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n' }],
  },
  'secret/xai-api-key': {
    fire: [{ file: 'grok.json', code: `{"xai": {"key": "${k.xai}"}}\n`, line: 1 }],
    quiet: [{ file: 'grok.json', code: '{"xai": {"key": "${XAI_API_KEY}"}}\n' }],
  },
  'secret/openrouter-api-key': {
    fire: [{ file: '.mcp.json', code: `{\n  "mcpServers": {\n    "router": {\n      "command": "npx",\n      "env": { "OPENROUTER_API_KEY": "${k.or}" }\n    }\n  }\n}\n`, line: 5 }],
    quiet: [{ file: '.mcp.json', code: '{ "env": { "OPENROUTER_API_KEY": "sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000" } }\n' }],
  },
  'secret/mistral-api-key': {
    fire: [{ file: 'llm.py', code: `from mistralai import Mistral\nclient = Mistral(api_key="${k.mistral}")\n`, line: 2 }],
    quiet: [{ file: 'llm.py', code: `from mistralai import Mistral\nrun_id = "${k.mistral}"\n` }],
  },
  'secret/cohere-api-key': {
    fire: [{ file: 'rag.py', code: `import cohere\nco = cohere.ClientV2(api_key="${k.cohere}")\n`, line: 2 }],
    quiet: [{ file: 'rag.py', code: 'import cohere\nrevision = "3f786850e387550fdab836ed7e6dc881de23001b"\nco = cohere.ClientV2()\n' }],
  },
  'secret/together-api-key': {
    fire: [
      { file: '.env', code: `TOGETHER_API_KEY=${k.together}\n`, line: 1 },
      { file: 'together.py', code: `client = Together(api_key="${k.tgp}")\n`, line: 1 },
    ],
    quiet: [{ file: 'weights.txt', code: `we trained together on it\nsha256: ${k.together}\n` }],
  },
  'secret/langsmith-api-key': {
    fire: [
      { file: '.env', code: `LANGCHAIN_TRACING_V2=true\nLANGSMITH_API_KEY=${k.ls}\n`, line: 2 },
      { file: 'svc.yaml', code: `env:\n  - name: LANGSMITH_API_KEY\n    value: ${k.lsSk}\n`, line: 3 },
    ],
    quiet: [{ file: '.env', code: 'LANGSMITH_API_KEY=lsv2_pt_...\n' }],
  },
  'secret/wandb-api-key': {
    fire: [
      { file: 'train.sh', code: `wandb login ${k.wandb}\n`, line: 1 },
      { file: '.netrc', code: `machine api.wandb.ai\n  login user\n  password ${k.wandb}\n`, line: 3 },
    ],
    quiet: [{ file: 'train.py', code: 'import wandb\nwandb.login(key=os.environ["WANDB_API_KEY"])\ncommit = "3f786850e387550fdab836ed7e6dc881de23001b"\n' }],
  },
  'secret/pinecone-api-key': {
    fire: [
      { file: 'index.ts', code: `const pc = new Pinecone({ apiKey: '${k.pc}' });\n`, line: 1 },
      { file: '.env', code: `PINECONE_API_KEY=${k.pcLegacy}\n`, line: 1 },
    ],
    quiet: [{ file: 'index.ts', code: `const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });\nconst PINECONE_INDEX_ID = "${k.pcLegacy}";\n` }],
  },
  'secret/github-pat': {
    fire: [
      { file: '.github/workflows/train.yml', code: `jobs:\n  t:\n    steps:\n      - run: git clone https://x-access-token:${k.ghp}@github.com/org/models\n`, line: 4 },
      { file: 'push.sh', code: `GH_TOKEN=${k.pat}\n`, line: 1 },
    ],
    quiet: [
      { file: 'train.yml', code: 'env:\n  GH_TOKEN: ${{ secrets.GH_TOKEN }}\n  X: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' },
      { file: 'docs.md', code: 'GitHub documents tokens like ghp_16C7e42F292c6912E7710c838347Ae178B4a\n' },
    ],
  },
  'secret/github-oauth-token': {
    fire: [{ file: 'hosts.yml', code: `github.com:\n  oauth_token: ${k.gho}\n`, line: 2 }],
    quiet: [{ file: 'hosts.yml', code: 'github.com:\n  oauth_token: gho_<token>\n' }],
  },
  'secret/github-app-token': {
    fire: [{ file: 'ci.log', code: `token=${k.ghs}\nuser=${k.ghu}\n`, line: 1 }],
    quiet: [{ file: 'ci.log', code: 'token=ghs_***\n' }],
  },
  'secret/github-refresh-token': {
    fire: [{ file: 'auth.json', code: `{"refresh_token": "${k.ghr}"}\n`, line: 1 }],
    quiet: [{ file: 'auth.json', code: '{"refresh_token": "ghr_REDACTED"}\n' }],
  },
  'secret/nvidia-api-key': {
    fire: [{ file: 'nim.py', code: `client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="${k.nv}")\n`, line: 1 }],
    quiet: [{ file: 'nim.py', code: 'client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key=os.environ["NVIDIA_API_KEY"])\n' }],
  },
  'secret/deepseek-api-key': {
    fire: [{ file: 'ds.py', code: `client = OpenAI(api_key="${k.ds}", base_url="https://api.deepseek.com")\n`, line: 1 }],
    quiet: [{ file: 'ds.py', code: `# no provider named here\nclient = Client(api_key="${k.ds}")\n` }],
  },
};

describe('secret rules table', () => {
  it('covers every rule with at least one firing and one quiet case', () => {
    for (const meta of SECRET_RULE_METAS) {
      expect(CASES[meta.id], meta.id).toBeDefined();
      expect(CASES[meta.id].fire.length, meta.id).toBeGreaterThan(0);
      expect(CASES[meta.id].quiet.length, meta.id).toBeGreaterThan(0);
    }
    expect(Object.keys(CASES).sort()).toEqual(SECRET_RULE_METAS.map((m) => m.id).sort());
  });

  for (const [ruleId, { fire, quiet }] of Object.entries(CASES)) {
    describe(ruleId, () => {
      fire.forEach((c, i) => {
        it(`fires: ${c.file} #${i}`, async () => {
          const { findings } = await scan(c.file, c.code);
          const hits = findings.filter((f) => f.ruleId === ruleId);
          expect(hits.length, JSON.stringify(findings.map((f) => [f.ruleId, f.location.startLine]))).toBeGreaterThan(0);
          expect(hits[0].location.startLine).toBe(c.line);
          expect(hits[0].category).toBe('secret');
          expect(['high', 'critical']).toContain(hits[0].severity);
        });
      });
      quiet.forEach((c, i) => {
        it(`stays quiet: ${c.file} #${i}`, async () => {
          const { findings } = await scan(c.file, c.code);
          expect(findings.map((f) => `${f.ruleId}@${f.location.startLine}`)).toEqual([]);
        });
      });
    });
  }
});
