/**
 * Fake, format-valid credentials from a seeded PRNG: the tests and the corpus never contain a real
 * key, and every run produces the same values. Each generator follows the provider's published shape
 * (prefix, alphabet, length), not any real key.
 */

import { prng } from '../support/prng.js';

export { prng };

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
export const ALPHABETS = {
  b62: LOWER + UPPER + DIGITS,
  urlsafe: LOWER + UPPER + DIGITS + '_-',
  letters: LOWER + UPPER,
  hex: '0123456789abcdef',
  b64: LOWER + UPPER + DIGITS + '+/',
  awsId: UPPER + '234567',
};

export type KeyKind =
  | 'openaiProject' | 'openaiSvc' | 'openaiAdmin' | 'openaiLegacy' | 'openaiBare'
  | 'anthropic' | 'anthropicAdmin' | 'hf' | 'hfOrg' | 'google' | 'awsId' | 'awsTempId' | 'awsSecret'
  | 'azure32' | 'azure84' | 'groq' | 'replicate' | 'pplx' | 'xai' | 'openrouter' | 'mistral' | 'cohere'
  | 'together' | 'togetherNew' | 'langsmith' | 'langsmithSk' | 'wandb' | 'wandbV1' | 'pinecone' | 'pineconeLegacy'
  | 'ghp' | 'githubPat' | 'gho' | 'ghu' | 'ghs' | 'ghr' | 'nvidia' | 'deepseek';

/** Rule reported for each kind (the AWS pair is decided by the corpus, not the kind). */
export const RULE_OF: Record<KeyKind, string> = {
  openaiProject: 'secret/openai-api-key', openaiSvc: 'secret/openai-service-account-key', openaiAdmin: 'secret/openai-admin-key',
  openaiLegacy: 'secret/openai-api-key', openaiBare: 'secret/openai-api-key', anthropic: 'secret/anthropic-api-key',
  anthropicAdmin: 'secret/anthropic-admin-key', hf: 'secret/huggingface-token', hfOrg: 'secret/huggingface-org-token',
  google: 'secret/google-ai-api-key', awsId: 'secret/aws-access-key-id', awsTempId: 'secret/aws-access-key-id',
  awsSecret: 'secret/aws-secret-access-key', azure32: 'secret/azure-openai-key', azure84: 'secret/azure-openai-key',
  groq: 'secret/groq-api-key', replicate: 'secret/replicate-api-token', pplx: 'secret/perplexity-api-key',
  xai: 'secret/xai-api-key', openrouter: 'secret/openrouter-api-key', mistral: 'secret/mistral-api-key',
  cohere: 'secret/cohere-api-key', together: 'secret/together-api-key', togetherNew: 'secret/together-api-key',
  langsmith: 'secret/langsmith-api-key', langsmithSk: 'secret/langsmith-api-key', wandb: 'secret/wandb-api-key', wandbV1: 'secret/wandb-api-key',
  pinecone: 'secret/pinecone-api-key', pineconeLegacy: 'secret/pinecone-api-key', ghp: 'secret/github-pat',
  githubPat: 'secret/github-pat', gho: 'secret/github-oauth-token', ghu: 'secret/github-app-token',
  ghs: 'secret/github-app-token', ghr: 'secret/github-refresh-token', nvidia: 'secret/nvidia-api-key',
  deepseek: 'secret/deepseek-api-key',
};

export class KeyGen {
  private readonly rand: () => number;
  constructor(seed: number) {
    this.rand = prng(seed);
  }

  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rand() * alphabet.length)];
    return s;
  }

  /** Random text that starts and ends with an alphanumeric (real keys never end on `-`/`_` and generators shouldn't either). */
  private body(alphabet: string, n: number): string {
    return this.chars(ALPHABETS.b62, 1) + this.chars(alphabet, n - 2) + this.chars(ALPHABETS.b62, 1);
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  key(kind: KeyKind): string {
    const { b62, urlsafe, letters, hex, b64, awsId } = ALPHABETS;
    const c = (a: string, n: number) => this.chars(a, n);
    switch (kind) {
      case 'openaiProject': return `sk-proj-${this.body(urlsafe, 74)}T3BlbkFJ${this.body(urlsafe, 74)}`;
      case 'openaiSvc': return `sk-svcacct-${this.body(urlsafe, 74)}T3BlbkFJ${this.body(urlsafe, 74)}`;
      case 'openaiAdmin': return `sk-admin-${this.body(urlsafe, 58)}T3BlbkFJ${this.body(urlsafe, 58)}`;
      case 'openaiLegacy': return `sk-${c(b62, 20)}T3BlbkFJ${c(b62, 20)}`;
      case 'openaiBare': return `sk-${c(b62, 48)}`;
      case 'anthropic': return `sk-ant-api03-${this.body(urlsafe, 93)}AA`;
      case 'anthropicAdmin': return `sk-ant-admin01-${this.body(urlsafe, 93)}AA`;
      case 'hf': return `hf_${c(letters, 34)}`;
      case 'hfOrg': return `api_org_${c(letters, 34)}`;
      case 'google': return `AIza${this.body(urlsafe, 35)}`;
      case 'awsId': return `AKIA${c(awsId, 16)}`;
      case 'awsTempId': return `ASIA${c(awsId, 16)}`;
      case 'awsSecret': return c(b64, 40);
      case 'azure32': return c(hex, 32);
      case 'azure84': return `${c(b62, 52)}JQQJ99${c(b62, 1)}${c('ABCDEFGHIJKL', 1)}${c(b62, 16)}${c(letters, 1)}${c(b62, 7)}`;
      case 'groq': return `gsk_${c(b62, 52)}`;
      case 'replicate': return `r8_${c(b62, 37)}`;
      case 'pplx': return `pplx-${c(b62, 48)}`;
      case 'xai': return `xai-${c(b62, 80)}`;
      case 'openrouter': return `sk-or-v1-${c(hex, 64)}`;
      case 'mistral': return c(b62, 32);
      case 'cohere': return c(b62, 40);
      case 'together': return c(hex, 64);
      case 'togetherNew': return `tgp_v1_${this.body(urlsafe, 43)}`;
      case 'langsmith': return `lsv2_pt_${c(hex, 32)}_${c(hex, 10)}`;
      case 'langsmithSk': return `lsv2_sk_${c(hex, 32)}_${c(hex, 10)}`;
      case 'wandb': return c(hex, 40);
      case 'wandbV1': return `wandb_v1_${c(b62, 27)}_${c(b62, 49)}`;
      case 'pinecone': return `pcsk_${c(b62, 6)}_${c(b62, 63)}`;
      case 'pineconeLegacy': return `${c(hex, 8)}-${c(hex, 4)}-4${c(hex, 3)}-${c('89ab', 1)}${c(hex, 3)}-${c(hex, 12)}`;
      case 'ghp': return `ghp_${c(b62, 36)}`;
      case 'githubPat': return `github_pat_${c(b62, 22)}_${c(b62, 59)}`;
      case 'gho': return `gho_${c(b62, 36)}`;
      case 'ghu': return `ghu_${c(b62, 36)}`;
      case 'ghs': return `ghs_${c(b62, 36)}`;
      case 'ghr': return `ghr_${c(b62, 76)}`;
      case 'nvidia': return `nvapi-${this.body(urlsafe, 64)}`;
      case 'deepseek': return `sk-${c(hex, 32)}`;
    }
  }
}
