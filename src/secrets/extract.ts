/**
 * Structure-aware views of files where keys hide from a plain text scan:
 * - Jupyter notebooks: each cell's source and its text outputs (a key printed by `print(os.environ)`
 *   or echoed by `!env` lives in an output), so that findings can name the cell;
 * - Kubernetes `Secret` manifests: `data`/`binaryData` values are base64 and must be decoded.
 * Pure: text in, segments out. Parse errors are returned, never thrown.
 */
import { isMap, isScalar, parseAllDocuments, type Pair } from 'yaml';

export interface NotebookSegment {
  cell: number;
  part: 'source' | 'output';
  text: string;
}

/** Output MIME types that are binary payloads (base64) rather than text a key could be printed in. */
const BINARY_MIME = /^(image|audio|video)\/|^application\/(pdf|octet-stream|vnd\.jupyter\.widget)/;

function joinSource(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join('');
  return '';
}

export function notebookSegments(text: string): { segments: NotebookSegment[]; error?: string } {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    return { segments: [], error: `notebook is not valid JSON (${(e as Error).message})` };
  }
  const cells = (nb as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return { segments: [], error: 'notebook has no cells array' };
  const segments: NotebookSegment[] = [];
  cells.forEach((cell: unknown, index) => {
    if (!cell || typeof cell !== 'object') return;
    const c = cell as { source?: unknown; outputs?: unknown };
    const source = joinSource(c.source);
    if (source) segments.push({ cell: index, part: 'source', text: source });
    if (!Array.isArray(c.outputs)) return;
    for (const out of c.outputs as Record<string, unknown>[]) {
      if (!out || typeof out !== 'object') continue;
      const parts: string[] = [];
      if (out.text !== undefined) parts.push(joinSource(out.text));
      if (Array.isArray(out.traceback)) parts.push(joinSource(out.traceback.map((l) => `${String(l)}\n`)));
      if (out.data && typeof out.data === 'object') {
        for (const [mime, v] of Object.entries(out.data as Record<string, unknown>)) {
          if (BINARY_MIME.test(mime)) continue;
          parts.push(typeof v === 'object' && v !== null && !Array.isArray(v) ? JSON.stringify(v) : joinSource(v));
        }
      }
      const joined = parts.filter(Boolean).join('\n');
      if (joined) segments.push({ cell: index, part: 'output', text: joined });
    }
  });
  return { segments };
}

export interface DecodedSecretValue {
  /** Data key in the manifest (`OPENAI_API_KEY`, `config.env`). */
  key: string;
  /** The decoded value, prefixed with `key=` so that name-based rules see the variable name. */
  text: string;
  /** Offset of the value in the manifest (the finding's column) and of the key (its line). */
  keyOffset: number;
  valueOffset: number;
}

const SECRET_KIND = /["']?kind["']?\s*:\s*["']?Secret\b/;

/** Cheap test before parsing: the file declares a Kubernetes Secret. */
export function mayBeK8sSecret(text: string): boolean {
  return SECRET_KIND.test(text);
}

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

/** Decodes base64 text values; binary payloads (certificates in DER, keystores) are skipped. */
export function decodeBase64Text(v: string): string | undefined {
  if (!BASE64.test(v)) return undefined;
  const buf = Buffer.from(v.replace(/\s+/g, ''), 'base64');
  if (buf.length === 0) return undefined;
  const s = buf.toString('utf8');
  // Mostly printable text (allow newlines and tabs); U+FFFD means invalid UTF-8.
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > s.length / 20 ? undefined : s;
}

export function k8sSecretValues(text: string): { values: DecodedSecretValue[]; error?: string } {
  const values: DecodedSecretValue[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    return { values, error: `YAML parse failed (${(e as Error).message})` };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const root = doc.contents;
    if (!isMap(root) || (root.get('kind') as unknown) !== 'Secret') continue;
    for (const field of ['data', 'binaryData']) {
      const data = root.get(field, true);
      if (!isMap(data)) continue;
      for (const pair of data.items as Pair[]) {
        if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
        const decoded = decodeBase64Text(pair.value.value);
        if (decoded === undefined) continue;
        const key = String(pair.key.value);
        values.push({
          key,
          text: `${key}=${decoded}`,
          keyOffset: pair.key.range?.[0] ?? 0,
          valueOffset: pair.value.range?.[0] ?? 0,
        });
      }
    }
  }
  return { values };
}

/** `"auth": "<base64 of user:password>"` in Docker `config.json` / `.dockerconfigjson` (registry logins, often a GitHub PAT for ghcr.io). */
const DOCKER_AUTH = /"auth"\s*:\s*"([A-Za-z0-9+/=]{8,})"/g;

export function mayHaveDockerAuth(text: string): boolean {
  return text.includes('"auth"');
}

export function dockerAuthValues(text: string): { text: string; valueOffset: number }[] {
  const out: { text: string; valueOffset: number }[] = [];
  DOCKER_AUTH.lastIndex = 0;
  for (let m = DOCKER_AUTH.exec(text); m !== null; m = DOCKER_AUTH.exec(text)) {
    const decoded = decodeBase64Text(m[1]);
    // user:password → a line the rules understand (`password` names a credential for context rules).
    if (decoded?.includes(':')) out.push({ text: `password=${decoded.slice(decoded.indexOf(':') + 1)}`, valueOffset: m.index + m[0].indexOf(m[1]) });
  }
  return out;
}
