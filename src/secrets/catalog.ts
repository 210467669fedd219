/**
 * The catalogue of credential formats, as data. Each entry is one rule (`secret/<id>`); the scanner
 * (`scan-text.ts`) interprets it and `rules.ts` turns it into RuleMeta for docs, SARIF and `aigis rules`.
 *
 * Formats were checked against public references (provider docs, gitleaks/trufflehog/secretlint and
 * Microsoft security-utilities rule definitions), written here from the formats, not copied.
 *
 * Conventions for `patterns`:
 * - every pattern is a JavaScript regex source, compiled with the `g` and `d` flags;
 * - the whole match is the secret unless the pattern has a `(?<key>…)` group;
 * - `L`/`R` are the word boundaries shared by all prefixed formats: a key inside a longer token
 *   (`xhf_…`, `…AKIA…ABC`) is a look-alike, not a key. `\n`/`\t`/`\u003d` escapes (JSON, notebooks),
 *   URL-encoding (`token%3D…`) and ANSI
 *   colour codes (`\x1b[32m` in terminal output captured by notebooks and CI logs) count as a boundary.
 */
import type { Severity } from '../core/severity.js';

/** Left boundary: start, a non-token character, or a JSON escape such as `\n` just before. */
export const L = String.raw`(?:(?<=\\[nrt])|(?<=\\u00[0-9A-Fa-f]{2})|(?<=%[0-9A-Fa-f]{2})|(?<=(?:\x1b|\\u001b|\\x1b|\\033)\[[0-9;]*m)|(?<![A-Za-z0-9_\-]))`;
/** Right boundary: not followed by another token character. */
export const R = String.raw`(?![A-Za-z0-9_\-])`;

export interface ContextSpec {
  /** Case-insensitive regex source that must occur near the value (provider name, host, variable). */
  near: string;
  /** Characters before/after the value searched for `near` (default 300 before, 120 after). */
  before?: number;
  after?: number;
  /**
   * The text on the same line before the value must name a credential (`api_key`, `token`, `Bearer` …).
   * A regex source overrides the default list (e.g. W&B's `wandb login <key>`).
   */
  keyName?: boolean | string;
}

export interface SecretRule {
  /** Rule id without the `secret/` prefix. */
  id: string;
  title: string;
  provider: string;
  severity: Extract<Severity, 'critical' | 'high'>;
  /** What the key gives access to (used in the description and message). */
  grants: string;
  patterns: string[];
  /** Extra regex flags (`i` for patterns that include a variable name). */
  flags?: string;
  /**
   * Literal, case-sensitive substrings; the rule runs only when one occurs in the file (cheap
   * prefilter over the raw bytes, before decoding). Context rules list the spellings of their context.
   */
  keywords: string[];
  /** Length of the literal prefix excluded from entropy/placeholder checks (`sk-proj-` = 8). */
  prefixLength?: number;
  /** Minimum Shannon entropy (bits per character) of the random part. */
  entropy: number;
  /** Minimum number of character classes (lower, upper, digit) in the random part. */
  classes?: number;
  context?: ContextSpec;
  /** Documented example values that are public and must not be reported. */
  examples?: string[];
  /** Where to revoke and rotate. */
  console: string;
  /** Paying AI API: a stolen key means LLMjacking (OWASP LLM10 unbounded consumption). */
  llmjacking: boolean;
  docs?: string;
}

/** Spellings of a provider name, for the byte-level prefilter (lower, Title, UPPER). */
function spellings(...names: string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    out.add(n.toLowerCase());
    out.add(n.toUpperCase());
    out.add(n[0].toUpperCase() + n.slice(1).toLowerCase());
    out.add(n);
  }
  return [...out];
}

const B62 = 'A-Za-z0-9';
const URLSAFE = 'A-Za-z0-9_\\-';

export const SECRET_RULES: SecretRule[] = [
  {
    id: 'openai-admin-key',
    title: 'OpenAI admin API key',
    provider: 'OpenAI',
    severity: 'critical',
    grants: 'administration of the whole OpenAI organization (users, projects, keys, billing)',
    patterns: [`${L}sk-admin-[${URLSAFE}]{40,250}${R}`],
    keywords: ['sk-admin-'],
    prefixLength: 9,
    entropy: 4.0,
    classes: 2,
    console: 'https://platform.openai.com/settings/organization/admin-keys',
    llmjacking: true,
    docs: 'https://platform.openai.com/docs/api-reference/admin-api-keys',
  },
  {
    id: 'openai-service-account-key',
    title: 'OpenAI service-account API key',
    provider: 'OpenAI',
    severity: 'high',
    grants: 'paid model usage billed to an OpenAI project',
    patterns: [`${L}sk-svcacct-[${URLSAFE}]{40,250}${R}`],
    keywords: ['sk-svcacct-'],
    prefixLength: 11,
    entropy: 4.0,
    classes: 2,
    console: 'https://platform.openai.com/settings/organization/projects (project → Service accounts)',
    llmjacking: true,
    docs: 'https://platform.openai.com/docs/api-reference/authentication',
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    severity: 'high',
    grants: 'paid model usage billed to an OpenAI project or user',
    patterns: [
      // project keys (current format)
      `${L}sk-proj-[${URLSAFE}]{40,250}${R}`,
      // legacy user keys and named keys: the `T3BlbkFJ` marker is base64 of "OpenAI"
      `${L}sk-(?:[A-Za-z0-9]+-)?[${B62}]{20}T3BlbkFJ[${B62}]{20}${R}`,
      // any other `sk-[name-]…T3BlbkFJ…` key (`sk-None-…`, user-named keys, future prefixes)
      `${L}sk-(?:[A-Za-z0-9]+-)?[${URLSAFE}]{16,250}T3BlbkFJ[${URLSAFE}]{16,250}${R}`,
    ],
    keywords: ['sk-proj-', 'T3BlbkFJ'],
    prefixLength: 3,
    entropy: 4.0,
    classes: 2,
    console: 'https://platform.openai.com/api-keys',
    llmjacking: true,
    docs: 'https://platform.openai.com/docs/api-reference/authentication',
  },
  {
    // Legacy-length `sk-` keys without the marker are only reported next to an OpenAI context.
    id: 'openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    severity: 'high',
    grants: 'paid model usage billed to an OpenAI project or user',
    patterns: [`${L}sk-[${B62}]{48}${R}`],
    keywords: spellings('openai'),
    prefixLength: 3,
    entropy: 4.0,
    classes: 3,
    context: { near: 'openai|chatgpt|gpt-[345o]' },
    console: 'https://platform.openai.com/api-keys',
    llmjacking: true,
  },
  {
    id: 'anthropic-admin-key',
    title: 'Anthropic admin API key',
    provider: 'Anthropic',
    severity: 'critical',
    grants: 'administration of the Anthropic organization (members, workspaces, API keys)',
    patterns: [`${L}sk-ant-admin\\d\\d-[${URLSAFE}]{80,120}${R}`],
    keywords: ['sk-ant-admin'],
    prefixLength: 15,
    entropy: 4.0,
    classes: 2,
    console: 'https://console.anthropic.com/settings/admin-keys',
    llmjacking: true,
    docs: 'https://docs.anthropic.com/en/api/administration-api',
  },
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    severity: 'high',
    grants: 'paid Claude model usage billed to an Anthropic workspace',
    patterns: [`${L}sk-ant-(?:api|oat)\\d\\d-[${URLSAFE}]{80,120}${R}`],
    keywords: ['sk-ant-api', 'sk-ant-oat'],
    prefixLength: 13,
    entropy: 4.0,
    classes: 2,
    console: 'https://console.anthropic.com/settings/keys',
    llmjacking: true,
    docs: 'https://docs.anthropic.com/en/api/getting-started',
  },
  {
    id: 'huggingface-token',
    title: 'Hugging Face access token',
    provider: 'Hugging Face',
    severity: 'high',
    grants: 'read/write access to private models, datasets and Spaces, and paid Inference Endpoints',
    patterns: [`${L}hf_[${B62}]{34,40}${R}`],
    keywords: ['hf_'],
    prefixLength: 3,
    entropy: 3.8,
    classes: 2,
    console: 'https://huggingface.co/settings/tokens',
    llmjacking: true,
    docs: 'https://huggingface.co/docs/hub/security-tokens',
  },
  {
    id: 'huggingface-org-token',
    title: 'Hugging Face organization API token',
    provider: 'Hugging Face',
    severity: 'high',
    grants: "access to an organization's private models and datasets",
    patterns: [`${L}api_org_[${B62}]{34}${R}`],
    keywords: ['api_org_'],
    prefixLength: 8,
    entropy: 3.8,
    classes: 2,
    console: 'https://huggingface.co/settings/organizations (organization → Settings → API tokens)',
    llmjacking: true,
  },
  {
    id: 'google-ai-api-key',
    title: 'Google API key (Gemini / AI Studio)',
    provider: 'Google',
    severity: 'high',
    grants: 'Gemini and other Google Cloud APIs enabled on the project, billed to it',
    patterns: [`${L}AIza[${URLSAFE}]{35}${R}`],
    keywords: ['AIza'],
    // Example key printed in Google's API documentation.
    examples: ['AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'],
    prefixLength: 4,
    entropy: 3.8,
    classes: 2,
    console: 'https://aistudio.google.com/app/apikey (or Google Cloud console → APIs & Services → Credentials)',
    llmjacking: true,
    docs: 'https://ai.google.dev/gemini-api/docs/api-key',
  },
  {
    // Reported when no secret key is found next to it (a pair is `aws-access-key`, see `aws.ts`).
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    provider: 'AWS',
    severity: 'high',
    grants: 'the identity half of an AWS credential (Amazon Bedrock, SageMaker and every other allowed service)',
    // Real ids are base32 ([A-Z2-7]); [A-Z0-9] also accepts hand-made and generated ones.
    patterns: [`${L}(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}${R}`],
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    prefixLength: 4,
    entropy: 3.0,
    classes: 1,
    examples: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'],
    console: 'AWS IAM console → Users → Security credentials (https://console.aws.amazon.com/iam/home#/security_credentials)',
    llmjacking: true,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    severity: 'high',
    grants: 'the signing half of an AWS credential',
    patterns: [
      String.raw`(?<![A-Za-z0-9/+])(?<key>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ],
    keywords: [...spellings('aws_secret', 'secret_access_key', 'secretaccesskey', 'aws-secret'), 'SecretAccessKey', 'secretAccessKey'],
    entropy: 4.2,
    classes: 3,
    context: {
      near: String.raw`secret[_\-. ]?access[_\-. ]?key|aws[_\-. ]?secret`,
      before: 120,
      after: 0,
      keyName: true,
    },
    examples: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
    console: 'AWS IAM console → Users → Security credentials (https://console.aws.amazon.com/iam/home#/security_credentials)',
    llmjacking: true,
  },
  {
    id: 'azure-openai-key',
    title: 'Azure OpenAI / Azure AI services key',
    provider: 'Azure',
    severity: 'high',
    grants: 'paid model deployments of an Azure OpenAI (Cognitive Services) resource',
    // Current 84-character format: fixed `JQQJ99` signature (Microsoft's common annotated key format).
    patterns: [`${L}[${B62}]{52}JQQJ9[9DH][${B62}][A-L][${B62}]{16}[A-Za-z][${B62}]{7}${R}`],
    keywords: ['JQQJ9'],
    entropy: 4.0,
    classes: 2,
    console: 'Azure portal → the Azure OpenAI resource → Resource Management → Keys and Endpoint (Regenerate Key 1/2)',
    llmjacking: true,
    docs: 'https://learn.microsoft.com/azure/ai-services/openai/reference#authentication',
  },
  {
    // 84-character keys without the signature (older resources, hand-made values): only in an Azure OpenAI context.
    id: 'azure-openai-key',
    title: 'Azure OpenAI / Azure AI services key',
    provider: 'Azure',
    severity: 'high',
    grants: 'paid model deployments of an Azure OpenAI (Cognitive Services) resource',
    patterns: [`${L}[${B62}]{84}${R}`],
    keywords: [...spellings('azure'), 'openai.azure.com', 'cognitiveservices'],
    entropy: 4.0,
    classes: 3,
    context: {
      near: String.raw`azure[_\-. ]?openai|openai\.azure\.com|cognitiveservices\.azure\.com|AzureChatOpenAI|AzureOpenAI|api[_\-]?type["'\s:=]+azure|azure[_\-. ]?(?:ai|cognitive)|azure[_\-. ]?(?:api[_\-. ]?)?key|services\.ai\.azure\.com`,
      before: 400,
      after: 200,
      keyName: true,
    },
    console: 'Azure portal → the Azure OpenAI resource → Resource Management → Keys and Endpoint (Regenerate Key 1/2)',
    llmjacking: true,
  },
  {
    // Older 32-hex keys look like MD5 digests: only in an Azure OpenAI context.
    id: 'azure-openai-key',
    title: 'Azure OpenAI / Azure AI services key',
    provider: 'Azure',
    severity: 'high',
    grants: 'paid model deployments of an Azure OpenAI (Cognitive Services) resource',
    patterns: [`${L}[a-fA-F0-9]{32}${R}`],
    keywords: [...spellings('azure'), 'openai.azure.com', 'cognitiveservices'],
    entropy: 3.0,
    classes: 2,
    context: {
      near: String.raw`azure[_\-. ]?openai|openai\.azure\.com|cognitiveservices\.azure\.com|AzureChatOpenAI|AzureOpenAI|api[_\-]?type["'\s:=]+azure|azure[_\-. ]?(?:ai|cognitive)|azure[_\-. ]?(?:api[_\-. ]?)?key|services\.ai\.azure\.com`,
      before: 400,
      after: 200,
      keyName: true,
    },
    console: 'Azure portal → the Azure OpenAI resource → Resource Management → Keys and Endpoint (Regenerate Key 1/2)',
    llmjacking: true,
  },
  {
    id: 'groq-api-key',
    title: 'Groq API key',
    provider: 'Groq',
    severity: 'high',
    grants: 'paid model inference on GroqCloud',
    patterns: [`${L}gsk_[${B62}]{48,60}${R}`],
    keywords: ['gsk_'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://console.groq.com/keys',
    llmjacking: true,
  },
  {
    id: 'replicate-api-token',
    title: 'Replicate API token',
    provider: 'Replicate',
    severity: 'high',
    grants: 'paid model runs, private models and deployments on Replicate',
    patterns: [`${L}r8_[${B62}]{36,40}${R}`],
    keywords: ['r8_'],
    prefixLength: 3,
    entropy: 4.0,
    classes: 2,
    console: 'https://replicate.com/account/api-tokens',
    llmjacking: true,
  },
  {
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    provider: 'Perplexity',
    severity: 'high',
    grants: 'paid Sonar API usage',
    patterns: [`${L}pplx-[${B62}]{40,64}${R}`],
    keywords: ['pplx-'],
    prefixLength: 5,
    // Older keys are 48 hex characters: lower entropy, no upper case.
    entropy: 3.3,
    classes: 2,
    console: 'https://www.perplexity.ai/settings/api',
    llmjacking: true,
  },
  {
    id: 'xai-api-key',
    title: 'xAI (Grok) API key',
    provider: 'xAI',
    severity: 'high',
    grants: 'paid Grok model usage',
    patterns: [`${L}xai-[${B62}]{70,90}${R}`],
    keywords: ['xai-'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://console.x.ai (API Keys)',
    llmjacking: true,
  },
  {
    id: 'openrouter-api-key',
    title: 'OpenRouter API key',
    provider: 'OpenRouter',
    severity: 'high',
    grants: 'paid usage of every model routed by OpenRouter, billed to the account credits',
    patterns: [`${L}sk-or-v1-[${B62}]{60,70}${R}`],
    keywords: ['sk-or-v1-'],
    prefixLength: 9,
    entropy: 3.3,
    classes: 2,
    console: 'https://openrouter.ai/settings/keys',
    llmjacking: true,
  },
  {
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    provider: 'Mistral AI',
    severity: 'high',
    grants: 'paid Mistral model usage (La Plateforme)',
    patterns: [`${L}[${B62}]{32}${R}`],
    keywords: spellings('mistral'),
    entropy: 3.8,
    classes: 3,
    context: { near: 'mistral', keyName: true },
    console: 'https://console.mistral.ai/api-keys',
    llmjacking: true,
  },
  {
    id: 'cohere-api-key',
    title: 'Cohere API key',
    provider: 'Cohere',
    severity: 'high',
    grants: 'paid Cohere model usage (chat, embed, rerank)',
    patterns: [`${L}[${B62}]{40}${R}`],
    keywords: [...spellings('cohere'), 'CO_API_KEY'],
    entropy: 3.8,
    classes: 3,
    context: { near: String.raw`cohere|\bco_api_key`, keyName: true },
    console: 'https://dashboard.cohere.com/api-keys',
    llmjacking: true,
  },
  {
    id: 'together-api-key',
    title: 'Together AI API key',
    provider: 'Together AI',
    severity: 'high',
    grants: 'paid model inference and fine-tuning on Together AI',
    patterns: [`${L}tgp_v1_[${URLSAFE}]{40,50}${R}`],
    keywords: ['tgp_v1_'],
    prefixLength: 7,
    entropy: 4.0,
    classes: 2,
    console: 'https://api.together.ai/settings/api-keys',
    llmjacking: true,
  },
  {
    // Older 64-hex keys look like SHA-256 digests: only next to a Together-specific name or host.
    id: 'together-api-key',
    title: 'Together AI API key',
    provider: 'Together AI',
    severity: 'high',
    grants: 'paid model inference and fine-tuning on Together AI',
    patterns: [`${L}[a-f0-9]{64}${R}`],
    keywords: ['TOGETHER', 'together_api', 'together.xyz', 'together.ai', 'Together(', 'togetherai', 'TogetherAI', 'ChatTogether', 'together_ai', 'together-ai', 'Together\n'],
    entropy: 3.3,
    classes: 2,
    context: {
      near: String.raw`together[_\-]?(?:ai[_\-]?)?(?:api[_\-]?)?(?:key|token)|api\.together\.(?:xyz|ai)|\bTogether\(|ChatTogether|together[_\-]?ai\b|togetherai`,
      keyName: true,
    },
    console: 'https://api.together.ai/settings/api-keys',
    llmjacking: true,
  },
  {
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    provider: 'LangChain',
    severity: 'high',
    grants: 'read/write access to LangSmith traces, which hold prompts, completions and tool outputs',
    patterns: [`${L}lsv2_(?:pt|sk)_[a-fA-F0-9]{32}_[a-fA-F0-9]{10}${R}`],
    keywords: ['lsv2_pt_', 'lsv2_sk_'],
    prefixLength: 8,
    entropy: 3.3,
    classes: 2,
    console: 'https://smith.langchain.com/settings (API Keys)',
    llmjacking: false,
  },
  {
    id: 'wandb-api-key',
    title: 'Weights & Biases API key',
    provider: 'Weights & Biases',
    severity: 'high',
    grants: 'read/write access to experiments, model artifacts and datasets in W&B',
    patterns: [`${L}(?:local-)?[a-f0-9]{40}${R}`],
    keywords: [...spellings('wandb'), 'WandB', 'api.wandb.ai'],
    entropy: 3.3,
    classes: 2,
    context: {
      near: String.raw`wandb|weights\s*(?:&|and)\s*biases`,
      keyName: String.raw`api[_\-. ]?key|apikey|\bkey\b|_key\b|token|secret|password|passwd|\blogin\b|auth|credential`,
    },
    console: 'https://wandb.ai/authorize (User settings → API keys)',
    llmjacking: false,
  },
  {
    id: 'pinecone-api-key',
    title: 'Pinecone API key',
    provider: 'Pinecone',
    severity: 'high',
    grants: 'read/write/delete access to the vector indexes (and the embedded documents) of a Pinecone project',
    patterns: [`${L}pcsk_[${B62}]{4,8}_[${B62}]{50,80}${R}`],
    keywords: ['pcsk_'],
    prefixLength: 5,
    entropy: 4.0,
    classes: 2,
    console: 'https://app.pinecone.io (project → API keys)',
    llmjacking: false,
  },
  {
    // Legacy Pinecone keys are UUIDs: only when assigned to a Pinecone key name.
    id: 'pinecone-api-key',
    title: 'Pinecone API key',
    provider: 'Pinecone',
    severity: 'high',
    grants: 'read/write/delete access to the vector indexes (and the embedded documents) of a Pinecone project',
    patterns: [
      String.raw`(?<ctx>pinecone[_\-. ]?api[_\-. ]?key)["'\s]*[:=,]\s*["']?(?<key>[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})${R}`,
    ],
    flags: 'i',
    keywords: ['PINECONE_API_KEY', 'pinecone_api_key', 'PineconeApiKey', 'pineconeApiKey', 'pinecone-api-key'],
    entropy: 3.0,
    classes: 2,
    console: 'https://app.pinecone.io (project → API keys)',
    llmjacking: false,
  },
  {
    id: 'github-pat',
    title: 'GitHub personal access token',
    provider: 'GitHub',
    severity: 'high',
    grants: 'the repositories, packages and workflows the token owner can reach (often the CI that builds and publishes models)',
    // Fine-grained PATs are `github_pat_` + 22 + `_` + 59; any 70–100 token characters are accepted.
    patterns: [`${L}ghp_[${B62}]{36}${R}`, `${L}github_pat_[A-Za-z0-9_]{70,100}${R}`],
    keywords: ['ghp_', 'github_pat_'],
    // GitHub's documentation example token.
    examples: ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://github.com/settings/tokens (and https://github.com/settings/personal-access-tokens)',
    llmjacking: false,
    docs: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats',
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    provider: 'GitHub',
    severity: 'high',
    grants: 'the scopes a user granted to an OAuth app',
    patterns: [`${L}gho_[${B62}]{36}${R}`],
    keywords: ['gho_'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://github.com/settings/applications (revoke the OAuth app authorization)',
    llmjacking: false,
  },
  {
    id: 'github-app-token',
    title: 'GitHub App token',
    provider: 'GitHub',
    severity: 'high',
    grants: 'the repositories of a GitHub App installation (user-to-server `ghu_` or installation `ghs_` token)',
    patterns: [`${L}gh[us]_[${B62}]{36}${R}`],
    keywords: ['ghu_', 'ghs_'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://github.com/settings/apps (revoke the installation token or the app authorization)',
    llmjacking: false,
  },
  {
    id: 'github-refresh-token',
    title: 'GitHub refresh token',
    provider: 'GitHub',
    severity: 'high',
    grants: 'new GitHub App user tokens on demand',
    patterns: [`${L}ghr_[${B62}]{36,76}${R}`],
    keywords: ['ghr_'],
    prefixLength: 4,
    entropy: 4.0,
    classes: 2,
    console: 'https://github.com/settings/apps/authorizations (revoke the app authorization)',
    llmjacking: false,
  },
  {
    id: 'nvidia-api-key',
    title: 'NVIDIA API key (NIM / build.nvidia.com)',
    provider: 'NVIDIA',
    severity: 'high',
    grants: 'hosted NIM model inference and NGC private registry access',
    patterns: [`${L}nvapi-[${URLSAFE}]{60,70}${R}`],
    keywords: ['nvapi-'],
    prefixLength: 6,
    entropy: 4.0,
    classes: 2,
    console: 'https://build.nvidia.com (profile → API Keys) or https://org.ngc.nvidia.com/setup/api-keys',
    llmjacking: true,
  },
  {
    id: 'deepseek-api-key',
    title: 'DeepSeek API key',
    provider: 'DeepSeek',
    severity: 'high',
    grants: 'paid DeepSeek model usage',
    patterns: [`${L}sk-[a-f0-9]{32}${R}`],
    keywords: spellings('deepseek'),
    prefixLength: 3,
    entropy: 3.0,
    classes: 2,
    context: { near: 'deepseek' },
    console: 'https://platform.deepseek.com/api_keys',
    llmjacking: true,
  },
];
