/**
 * Shape checks for ids found in code and config. Discovery only reports string literals that look
 * like real ids: no placeholders, no paths, no templates. Precision matters more than recall here.
 */

/** Directory names that make `x/y` a local path rather than a Hugging Face repo id. */
const PATH_LIKE_ORGS = new Set([
  'models', 'model', 'checkpoints', 'checkpoint', 'ckpt', 'outputs', 'output', 'out', 'data', 'tmp', 'weights',
  'saved_models', 'saved_model', 'runs', 'artifacts', 'cache', 'pretrained', 'local', 'src', 'assets', 'results',
]);

const PLACEHOLDER = /^(?:your|my|some|example|test|dummy|placeholder|xxx+|todo|changeme|foo|bar)(?:[-_]|$)|<|>|\{|\}|\$|\*|%s|\s/i;

/** Families of the legacy Hub models that have no org prefix (`gpt2`, `bert-base-uncased`, `t5-small` …). */
const LEGACY_BARE = /^(?:bert|gpt2|distilgpt2|openai-gpt|t5|roberta|distilroberta|distilbert|albert|xlnet|xlm|xlm-roberta|bart|ctrl|transfo-xl|camembert|flaubert|longformer|mbart|deberta|electra|funnel|layoutlm|marian|mpnet|squeezebert|ernie)(?:-[a-z0-9.-]+)?$/;

const HF_PART = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?$/;

/**
 * A Hugging Face repo id (`org/name`), or a legacy canonical id without org (`gpt2`, `bert-base-uncased`)
 * when `allowBare`. `hf://org/name` and `https://huggingface.co/org/name` are accepted and normalised.
 */
export function hfRepoId(value: string, opts: { allowBare?: boolean } = {}): string | undefined {
  let v = value.trim();
  v = v.replace(/^hf:\/\//, '').replace(/^https?:\/\/(?:www\.)?huggingface\.co\//, '').replace(/\/+$/, '');
  if (!v || v.length > 96 * 2 + 1 || PLACEHOLDER.test(v) || v.includes('..') || v.includes('--')) return undefined;
  const parts = v.split('/');
  if (parts.length === 2) {
    const [org, name] = parts;
    if (!HF_PART.test(org) || !HF_PART.test(name)) return undefined;
    if (PATH_LIKE_ORGS.has(org.toLowerCase())) return undefined;
    if (/\.(?:json|txt|bin|pt|pth|safetensors|gguf|onnx|py|yaml|yml|csv|parquet)$/i.test(name)) return undefined;
    return `${org}/${name}`;
  }
  if (parts.length === 1 && opts.allowBare) {
    // Legacy canonical models without an org exist only for the early model families; a bare
    // word elsewhere is far more often a local directory name than a Hub id.
    if (LEGACY_BARE.test(v) && /^[a-z0-9][a-z0-9._-]{1,62}$/.test(v)) return v;
  }
  return undefined;
}

/** A hosted model id (`gpt-4o`, `claude-3-5-sonnet-20241022`, `anthropic.claude-3-haiku-20240307-v1:0`, `llama3.1:8b`). */
export function providerModelId(value: string): string | undefined {
  const v = value.trim();
  if (v.length < 2 || v.length > 160 || PLACEHOLDER.test(v)) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/.test(v)) return undefined;
  if (!/[A-Za-z]/.test(v) || /^(?:model|name|default|none|null|true|false|auto|string)$/i.test(v)) return undefined;
  if (v.includes('//') || /^https?:/i.test(v)) return undefined;
  return v;
}

/** Builder names of `datasets.load_dataset` that load local files rather than a Hub dataset. */
const DATASET_BUILDERS = new Set(['json', 'csv', 'parquet', 'text', 'arrow', 'imagefolder', 'audiofolder', 'videofolder', 'webdataset', 'pandas', 'sql', 'generator', 'xml', 'pdffolder']);

/** A Hugging Face dataset id (`org/name` or a canonical bare name like `squad`). */
export function hfDatasetId(value: string): string | undefined {
  const v = value.trim();
  if (DATASET_BUILDERS.has(v.toLowerCase())) return undefined;
  const id = hfRepoId(v);
  if (id) return id;
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$/.test(v) && !PLACEHOLDER.test(v) && !/\.[a-z]{2,5}$/.test(v)) return v;
  return undefined;
}

/** purl of a Hugging Face model (the asset id convention: no version, so sightings merge). */
export function hfPurl(repoId: string): string {
  return `pkg:huggingface/${repoId.split('/').map(encodeURIComponent).join('/')}`;
}

/** PEP 503 normalised name. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function pypiPurl(name: string, version?: string): string {
  return `pkg:pypi/${pep503(name)}${version ? `@${encodeURIComponent(version)}` : ''}`;
}

export function npmPurl(name: string, version?: string): string {
  const enc = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${enc}${version ? `@${encodeURIComponent(version)}` : ''}`;
}
