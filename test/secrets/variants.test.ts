/**
 * Variants written after the corpus, as a check of generality: other syntaxes and places for the same
 * formats (positional client arguments, Terraform defaults, .npmrc, .http files, STS JSON …), and
 * decoys built from names that look like credentials but are identifiers or hashes.
 */
import { describe, expect, it } from 'vitest';
import { KeyGen, type KeyKind } from './fake-keys.js';
import { scan } from './helpers.js';
const g = new KeyGen(99);
const K = (k: KeyKind) => g.key(k);
const leaks: [string, string][] = [
  ['a.py', `os.environ["MISTRAL_API_KEY"] = "${K('mistral')}"`],
  ['b.py', `config = {\n    "provider": "mistral",\n    "key": "${K('mistral')}",\n}`],
  ['c.http', `POST https://lab.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-02-01\napi-key: ${K('azure32')}`],
  ['d.py', `openai.api_type = "azure"\nopenai.api_base = "https://x.openai.azure.com/"\nopenai.api_key = "${K('azure32')}"`],
  ['e.json', `{"AzureOpenAI": {"ApiKey": "${K('azure32')}"}}`],
  ['f.sh', `curl https://api.cohere.com/v2/chat -H "Authorization: Bearer ${K('cohere')}"`],
  ['g.sh', `curl https://api.mistral.ai/v1/chat/completions \\\n  -H "Authorization: Bearer ${K('mistral')}"`],
  ['h.env', `TOGETHER_TOKEN=${K('together')}`],
  ['i.env', `WANDB_KEY=${K('wandb')}`],
  ['j.yaml', `wandb:\n  api_key: ${K('wandb')}`],
  ['k.html', `<script>const KEY="${K('openaiProject')}";</script>`],
  ['l.sql', `INSERT INTO settings VALUES ('openai', '${K('openaiProject')}');`],
  ['m.npmrc', `//npm.pkg.github.com/:_authToken=${K('ghp')}`],
  ['n.git-credentials', `https://bot:${K('githubPat')}@github.com`],
  ['o.py', `co = cohere.Client("${K('cohere')}")`],
  ['p.py', `client = MistralClient(api_key='${K('mistral')}')`],
  ['q.ts', `const together = new Together({ apiKey: "${K('together')}" });`],
  ['r.py', `wandb.login(key='${K('wandb')}', relogin=True)`],
  ['s.env', `AWS_ACCESS_KEY_ID="${K('awsId')}"\nAWS_SECRET_ACCESS_KEY="${K('awsSecret')}"`],
  ['t.json', `{"Credentials": {"AccessKeyId": "${K('awsTempId')}", "SecretAccessKey": "${K('awsSecret')}", "SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD"}}`],
  ['u.py', `DEEPSEEK_API_KEY = "${K('deepseek')}"`],
  ['v.yaml', `pinecone:\n  api_key: ${K('pinecone')}`],
  ['w.txt', `export PERPLEXITY_API_KEY=pplx-${g.chars('0123456789abcdef', 48)}`],
  ['x.ipynb', JSON.stringify({cells:[{cell_type:'code',source:['import os\n', `os.environ['OPENAI_API_KEY'] = '${K('openaiProject')}'\n`],outputs:[]}]})],
  ['y.tf', `variable "cohere_api_key" {\n  default = "${K('cohere')}"\n}`],
  ['z.toml', `[mistral]\napi_key = "${K('mistral')}"`],
  ['aa.js', `fetch(url,{headers:{"Authorization":"Bearer ${K('groq')}"}})`],
  ['ab.properties', `langchain.api.key=${K('langsmith')}`],
  ['ac.yaml', `- name: COHERE_API_KEY\n  value: "${K('cohere')}"`],
  ['ad.py', `HF = "${K('hf')}"  # read token`],
  ['ae.cfg', `[huggingface]\ntoken=${K('hf')}`],
  ['af.env', `GEMINI_API_KEY=${K('google')}`],
  ['ag.xml', `<add key="OpenAIKey" value="${K('openaiSvc')}" />`],
  ['ah.md', `Use \`${K('anthropic')}\` for the demo`],
  ['ai.txt', `Authorization: Bearer ${K('openrouter')}`],
  ['aj.py', `client = Groq(api_key="${K('groq')}")`],
  ['ak.yaml', `env:\n  XAI_API_KEY: ${K('xai')}`],
  ['al.env', `NVIDIA_API_KEY=${K('nvidia')}`],
  ['am.env', `REPLICATE_API_TOKEN="${K('replicate')}"`],
  ['an.json', `{"created_by": "/bin/sh -c #(nop)  ENV OPENAI_API_KEY\\u003d${K('openaiProject')}"}`],
  ['ao.log', `GET /callback?state=x&token%3D${K('ghp')}%26next HTTP/1.1`],
  ['ap.env', `GITHUB_TOKEN=github_pat_${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_', 82)}`],
  ['ar.env', `OPENAI_API_KEY=sk-None-${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40)}T3BlbkFJ${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40)}`],
  ['as.env', `AZURE_API_BASE=https://lab.example.net\nAZURE_API_KEY=${K('azure32')}`],
  ['aq.env', `AZURE_OPENAI_API_KEY=${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 84)}`],
];
const decoys: [string, string][] = [
  ['d1.py', `api_key_hash = "${g.chars('0123456789abcdef', 64)}"  # together`],
  ['d2.json', `{"azure_openai": {"token_id": "${g.chars('0123456789abcdef', 32)}"}}`],
  ['d3.txt', `wandb: Synced run. commit ${g.chars('0123456789abcdef', 40)}`],
  ['d4.py', `MISTRAL_MODEL = "mistral-large-2407"\nsession = "${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32)}"`],
  ['d5.yaml', `image: ghcr.io/together/app@sha256:${g.chars('0123456789abcdef', 64)}`],
  ['d6.js', `const OPENAI_API_KEY = process.env.OPENAI_API_KEY || "";`],
  ['d7.env', `OPENAI_API_KEY=sk-proj-REPLACE_ME_WITH_YOUR_OWN_KEY_FROM_PLATFORM_OPENAI_COM_1234`],
  ['d8.txt', `sk-test-${g.chars('abcdefghijklmnopqrstuvwxyz0123456789', 48)} openai`],
  ['d9.md', `key: sk-ant-api03-...AA`],
  ['d10.py', `AWS_KEY = "AKIA" + "X" * 16`],
  ['d11.json', `{"wandb_run_id": "${g.chars('0123456789abcdef', 40)}"}`],
  ['d12.cs', `var azureOpenAIDeploymentId = "${g.chars('0123456789abcdef', 32)}";`],
  ['d13.txt', `Cohere model revision: ${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40)}`],
  ['d14.env', `HF_TOKEN=hf_********************************`],
  ['d16.env', 'GROQ_API_KEY=gsk_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6a1b2'],
  ['d17.env', 'HF_TOKEN=hf_qwertyuiopASDFGHJKLzxcvbnmQWERTYUIOP'],
  ['d15.yaml', `openai_api_key: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ${g.chars('0123456789abcdef', 80)}`],
];
describe('variants', () => {
  for (const [f, c] of leaks) {
    it(`fires: ${f}`, async () => {
      expect((await scan(f, c)).findings.length).toBeGreaterThan(0);
    });
  }
  for (const [f, c] of decoys) {
    it(`stays quiet: ${f}`, async () => {
      expect((await scan(f, c)).findings.map((x) => x.ruleId)).toEqual([]);
    });
  }
});
