/**
 * The secrets analyzer: hard-coded credentials of AI providers and the services around them, in any
 * text file of a directory or image (source, `.env`, YAML/JSON/TOML, Terraform, shell, Dockerfiles,
 * MCP client configs, image config JSON), plus notebooks (cells and outputs) and base64-decoded
 * Kubernetes `Secret` data. Every value is redacted before it leaves this module.
 */
import { createHash } from 'node:crypto';
import { BudgetExceededError, type Analyzer, type AnalyzerResult, type FileInfo, type ScanFile } from '../core/analyzer.js';
import { makeFinding } from '../core/finding.js';
import type { Asset, Finding, Location, Note } from '../core/model.js';
import { secretAssets } from './assets.js';
import { redact } from '../core/redact.js';
import { lineAt, lineStarts } from '../core/text.js';
import { dockerAuthValues, k8sSecretValues, mayBeK8sSecret, mayHaveDockerAuth, notebookSegments, type NotebookSegment } from './extract.js';
import { SECRET_RULE_BY_ID, SECRET_RULE_METAS } from './rules.js';
import { candidateRules, MAX_MATCHES_PER_TEXT, scanText, type RawMatch } from './scan-text.js';

/** Lockfiles hold integrity hashes and resolved URLs, not hand-written credentials: skipped. */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'poetry.lock',
  'uv.lock', 'pipfile.lock', 'pdm.lock', 'cargo.lock', 'gemfile.lock', 'composer.lock', 'go.sum', 'flake.lock',
  'packages.lock.json', 'conda-lock.yml', 'pixi.lock',
]);

/** Binary formats: images, media, archives, compiled code, model weights. Text elsewhere is sniffed by content. */
const BINARY_EXT = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.bmp', '.ico', '.webp', '.tiff', '.psd', '.mp3', '.mp4', '.wav', '.flac', '.ogg',
  '.avi', '.mov', '.mkv', '.webm', '.zip', '.gz', '.tgz', '.bz2', '.xz', '.zst', '.7z', '.rar', '.tar', '.jar', '.war',
  '.whl', '.egg', '.so', '.dll', '.dylib', '.exe', '.bin', '.o', '.a', '.class', '.pyc', '.pyo', '.wasm', '.pdf',
  '.woff', '.woff2', '.ttf', '.otf', '.eot', '.pt', '.pth', '.ckpt', '.safetensors', '.gguf', '.ggml', '.onnx',
  '.tflite', '.h5', '.hdf5', '.keras', '.npy', '.npz', '.pkl', '.pickle', '.joblib', '.parquet', '.arrow', '.feather',
  '.db', '.sqlite', '.sqlite3', '.lmdb', '.pb', '.msgpack', '.iso', '.dmg', '.deb', '.rpm',
]);

/** Formats that are legitimately large and often hold credentials (exports, state, logs, notebooks). */
const LARGE_TEXT_EXT = new Set(['.json', '.ipynb', '.yaml', '.yml', '.log', '.txt', '.jsonl', '.ndjson', '.tfstate', '.env', '.csv']);

export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
export const MAX_LARGE_TEXT_BYTES = 50 * 1024 * 1024;
/** Above this, notebooks and manifests are not parsed (memory), only scanned as text. */
const MAX_STRUCTURED_CHARS = 16 * 1024 * 1024;

export function wantsFile(info: FileInfo): boolean {
  if (LOCKFILES.has(info.name) || BINARY_EXT.has(info.ext)) return false;
  if (info.size === 0) return false;
  const limit = LARGE_TEXT_EXT.has(info.ext) || info.name.startsWith('.env') ? MAX_LARGE_TEXT_BYTES : MAX_TEXT_BYTES;
  return info.size <= limit;
}

interface Located {
  match: RawMatch;
  /** Offset in the file text (undefined when a decoded value has no verbatim occurrence). */
  offset?: number;
  /** Offset used for the line when it differs from the column's (k8s: the data key's line). */
  lineOffset?: number;
  cell?: { index: number; part: 'source' | 'output' };
  decodedFrom?: string;
}

function countOf(text: string, v: string): number {
  let n = 0;
  for (let i = text.indexOf(v); i !== -1; i = text.indexOf(v, i + v.length)) n++;
  return n;
}

/** Advice specific to where the key was found. */
function placeAdvice(file: ScanFile, l: Located): string {
  if (file.layer || file.name === 'dockerfile' || file.name.endsWith('.dockerfile') || file.path.endsWith('image-config.json')) {
    return ' In images, `ENV` and `ARG` values persist in the image config and history: pass build-time secrets with BuildKit secret mounts (`RUN --mount=type=secret`), rebuild, and delete the published tags that hold the key.';
  }
  if (l.cell?.part === 'output') return ' Clear the notebook outputs before committing (`jupyter nbconvert --clear-output` or an nbstripout pre-commit hook).';
  if (l.cell) return ' Read the key in the notebook with `os.environ` or a secrets manager client instead of pasting it into a cell.';
  if (l.decodedFrom && l.decodedFrom !== 'auth') return ' Base64 in a Secret manifest is encoding, not encryption: keep the manifest out of git (External Secrets, Sealed Secrets or SOPS).';
  return '';
}

function valueHash(v: string): string {
  return createHash('sha256').update(v).digest('hex').slice(0, 16);
}

function describeWhere(l: Located): string {
  if (l.cell) return ` in notebook cell ${l.cell.index} (${l.cell.part})`;
  if (l.decodedFrom === 'auth') return ' in the base64-decoded `auth` of a Docker registry login';
  if (l.decodedFrom) return ` in the base64-decoded value of Kubernetes Secret data key \`${l.decodedFrom}\``;
  return '';
}

function toFinding(file: ScanFile, text: string, starts: number[], l: Located): Finding {
  const m = l.match;
  const ruleId = m.partner && m.rule.pair ? `secret/${m.rule.pair.ruleId}` : `secret/${m.rule.id}`;
  const meta = SECRET_RULE_BY_ID.get(ruleId)!;
  const location: Location = { path: file.path, layer: file.layer };
  if (l.offset !== undefined) {
    const line = lineAt(starts, l.lineOffset ?? l.offset);
    const colLine = lineAt(starts, l.offset);
    location.startLine = line;
    location.startColumn = l.offset - starts[colLine - 1] + 1;
    location.endLine = line;
    if (!l.decodedFrom) location.endColumn = location.startColumn + m.value.length;
    if (m.partner) {
      const pLine = lineAt(starts, m.partner.start);
      location.startLine = Math.min(line, pLine);
      location.endLine = Math.max(line, pLine);
      location.endColumn = undefined;
    }
  }
  const evidence = m.partner ? `${redact(m.value)} + ${redact(m.partner.value)}` : redact(m.value);
  const where = describeWhere(l);
  const message = m.partner
    ? `${m.rule.title} ${redact(m.value)} and its secret ${redact(m.partner.value)} are hard-coded together${where}: a working ${m.rule.provider} credential.`
    : `${meta.title} ${redact(m.value)} is hard-coded${where}. It grants ${m.rule.grants}.`;
  return makeFinding(meta, {
    location,
    message,
    evidence,
    remediation: `${meta.remediation}${placeAdvice(file, l)}`,
    fingerprintSalt: valueHash(m.partner ? m.value + m.partner.value : m.value),
    properties: {
      provider: m.rule.provider,
      ...(l.cell ? { cell: l.cell.index, cellPart: l.cell.part } : {}),
      ...(l.decodedFrom ? { encoding: 'base64', dataKey: l.decodedFrom } : {}),
    },
  });
}

/** Scans one text the way the analyzer does; exported for tests and the benchmark. */
export function findSecrets(file: ScanFile, text: string, candidates?: Set<number>, deadline = Number.POSITIVE_INFINITY): { findings: Finding[]; notes: Note[]; assets?: Asset[] } {
  const notes: Note[] = [];
  const located: Located[] = [];
  const raw = scanText(text, { candidates, deadline });
  for (const m of raw) located.push({ match: m, offset: m.start });
  if (raw.length >= MAX_MATCHES_PER_TEXT) {
    notes.push({ level: 'warning', path: file.path, source: 'secrets', message: `more than ${MAX_MATCHES_PER_TEXT} credentials in one file: only the first ${MAX_MATCHES_PER_TEXT} are reported` });
  }

  if (file.ext === '.ipynb' && text.length > MAX_STRUCTURED_CHARS) {
    notes.push({ level: 'info', path: file.path, source: 'secrets', message: 'notebook too large to map findings to cells; scanned as plain text' });
  } else if (file.ext === '.ipynb' && (raw.length > 0 || (candidates?.size ?? 1) > 0)) {
    const { segments, error } = notebookSegments(text);
    if (error) notes.push({ level: 'info', path: file.path, source: 'secrets', message: `${error}; scanned as plain text` });
    const seen = new Set(raw.map((m) => m.value));
    // The n-th occurrence of a value in the file is its n-th occurrence across the cells, in order.
    const occurrences = new Map<string, NotebookSegment[]>();
    for (const l of located) {
      const v = l.match.value;
      if (!occurrences.has(v)) occurrences.set(v, segments.flatMap((s) => Array<NotebookSegment>(countOf(s.text, v)).fill(s)));
      const seg = occurrences.get(v)!.shift();
      if (seg) l.cell = { index: seg.cell, part: seg.part };
    }
    for (const seg of segments) {
      for (const m of scanText(seg.text, { deadline })) {
        if (seen.has(m.value)) continue;
        seen.add(m.value);
        const at = text.indexOf(m.value);
        located.push({ match: m, offset: at >= 0 ? at : undefined, cell: { index: seg.cell, part: seg.part } });
      }
    }
  }

  if (['.yaml', '.yml', '.json', ''].includes(file.ext) && text.length <= MAX_STRUCTURED_CHARS && mayBeK8sSecret(text)) {
    const { values, error } = k8sSecretValues(text);
    if (error) notes.push({ level: 'info', path: file.path, source: 'secrets', message: error });
    for (const v of values) {
      // A `.dockerconfigjson` value is base64 of JSON whose `auth` fields are base64 again.
      const nested = mayHaveDockerAuth(v.text) ? dockerAuthValues(v.text).map((d) => d.text) : [];
      for (const t of [v.text, ...nested]) {
        for (const m of scanText(t, { deadline })) {
          located.push({ match: m, offset: v.valueOffset, lineOffset: v.keyOffset, decodedFrom: v.key });
        }
      }
    }
  }

  if (file.ext === '.json' && mayHaveDockerAuth(text)) {
    for (const d of dockerAuthValues(text)) {
      for (const m of scanText(d.text, { deadline })) located.push({ match: m, offset: d.valueOffset, decodedFrom: 'auth' });
    }
  }

  if (Date.now() > deadline) notes.push({ level: 'warning', path: file.path, source: 'secrets', message: 'secret scan stopped at the last-resort time guard; results may be incomplete' });
  const starts = lineStarts(text);
  const findings = located.map((l) => toFinding(file, text, starts, l));
  const assets = secretAssets(findings, (id) => SECRET_RULE_BY_ID.get(id)?.title ?? id, (id) => !!SECRET_RULE_BY_ID.get(id)?.tags?.includes('llmjacking'));
  return { findings, notes, assets };
}

function hasUtf16Bom(b: Buffer): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

export const secretsAnalyzer: Analyzer = {
  name: 'secrets',
  scanner: 'secret',
  version: 1,
  rules: SECRET_RULE_METAS,
  match: wantsFile,
  async analyze(file, ctx): Promise<AnalyzerResult> {
    let bytes: Buffer;
    try {
      bytes = await file.bytes();
    } catch (e) {
      if (e instanceof BudgetExceededError) {
        return { notes: [{ level: 'warning', path: file.path, source: 'secrets', message: `not scanned for secrets: ${e.message}` }] };
      }
      throw e;
    }
    // Cheap prefilter over the raw bytes: most files contain no keyword and are never decoded.
    const utf16 = hasUtf16Bom(bytes);
    const candidates = utf16 ? undefined : candidateRules(bytes);
    // Base64-wrapped keys have no keyword in the raw bytes: Kubernetes Secrets and Docker registry logins.
    const encoded =
      ((file.ext === '.yaml' || file.ext === '.yml' || file.ext === '.json' || file.ext === '') && bytes.includes('Secret')) ||
      (file.ext === '.json' && bytes.includes('"auth"'));
    if (candidates && candidates.size === 0 && !encoded) return {};
    const text = await file.text();
    if (text === undefined) return {};
    return findSecrets(file, text, candidates, ctx.deadline);
  },
};
