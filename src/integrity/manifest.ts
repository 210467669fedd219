/**
 * Integrity manifests in two interchangeable forms:
 * - the OpenSSF model-signing payload (sigstore/model-transparency): an in-toto Statement v1 with
 *   predicateType `https://model_signing/signature/v1.0`, `predicate.resources` sorted by name with
 *   their SHA-256, and as subject the model name with a root digest = SHA-256 over the raw resource
 *   digests in that order. Such a statement can be signed as-is by `model_signing` tooling;
 * - `sha256sum` lines (`<hex>  <name>`), checkable with `sha256sum -c`.
 * Reading also accepts a sigstore bundle or a bare DSSE envelope around the statement.
 */
import { createHash } from 'node:crypto';
import { sortByName } from './walk.js';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const MODEL_SIGNING_PREDICATE = 'https://model_signing/signature/v1.0';
export const MODEL_SIGNING_PREDICATE_COMPAT = 'https://model_signing/Digests/v0.1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface ManifestEntry {
  name: string;
  sha256: string;
}

export interface Manifest {
  modelName: string;
  entries: ManifestEntry[];
  /** `predicate.serialization` of a model-signing statement. */
  serialization?: Record<string, unknown>;
}

export class ManifestError extends Error {}

export function sortEntries(entries: ManifestEntry[]): ManifestEntry[] {
  return sortByName(entries);
}

/** SHA-256 over the concatenated raw digests, in name order (model-signing's subject digest). */
export function rootDigest(entries: ManifestEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(Buffer.from(e.sha256, 'hex'));
  return h.digest('hex');
}

export function toStatement(m: Manifest): Record<string, unknown> {
  const entries = sortEntries(m.entries);
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: m.modelName, digest: { sha256: rootDigest(entries) } }],
    predicateType: MODEL_SIGNING_PREDICATE,
    predicate: {
      serialization: m.serialization ?? { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: [] },
      resources: entries.map((e) => ({ name: e.name, algorithm: 'sha256', digest: e.sha256 })),
    },
  };
}

/** GNU coreutils escaping: a name with `\` or a newline is written with a leading `\`. */
export function toSha256sum(m: Manifest): string {
  return sortEntries(m.entries)
    .map((e) => {
      const escaped = /[\\\n\r]/.test(e.name);
      const name = e.name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      return `${escaped ? '\\' : ''}${e.sha256}  ${name}\n`;
    })
    .join('');
}

const HEX64 = /^[0-9a-f]{64}$/;

function fromStatement(st: Record<string, unknown>): Manifest {
  if (st._type !== IN_TOTO_STATEMENT_V1) throw new ManifestError(`not an in-toto v1 statement (_type ${JSON.stringify(st._type)})`);
  const subjects = st.subject as { name?: string; digest?: { sha256?: string } }[] | undefined;
  if (!Array.isArray(subjects)) throw new ManifestError('statement has no subject');
  if (st.predicateType === MODEL_SIGNING_PREDICATE_COMPAT) {
    // v0.2 of model signing listed every file as a subject.
    const entries = subjects.map((s) => ({ name: String(s.name), sha256: String(s.digest?.sha256 ?? '').toLowerCase() }));
    for (const e of entries) if (!HEX64.test(e.sha256)) throw new ManifestError(`invalid sha256 for ${e.name}`);
    return { modelName: 'compat-undefined-not-present', entries };
  }
  if (st.predicateType !== MODEL_SIGNING_PREDICATE) throw new ManifestError(`unsupported predicateType ${JSON.stringify(st.predicateType)}`);
  if (subjects.length !== 1) throw new ManifestError(`expected one subject, found ${subjects.length}`);
  const predicate = st.predicate as { resources?: { name?: unknown; algorithm?: unknown; digest?: unknown }[]; serialization?: Record<string, unknown> };
  if (!Array.isArray(predicate?.resources)) throw new ManifestError('predicate has no resources');
  const entries: ManifestEntry[] = predicate.resources.map((r) => {
    if (typeof r.name !== 'string' || r.algorithm !== 'sha256' || typeof r.digest !== 'string' || !HEX64.test(r.digest.toLowerCase())) {
      throw new ManifestError(`unsupported resource ${JSON.stringify(r).slice(0, 120)} (only sha256 file digests are supported)`);
    }
    return { name: r.name, sha256: r.digest.toLowerCase() };
  });
  const expected = subjects[0].digest?.sha256;
  // The root digest is over the resources in the order they appear (model-signing writes them sorted).
  const actual = rootDigest(entries);
  if (expected !== actual) throw new ManifestError(`manifest is inconsistent: root digest is ${expected} but its resources hash to ${actual}`);
  return { modelName: String(subjects[0].name ?? ''), entries, serialization: predicate.serialization };
}

/** The statement inside a sigstore bundle or DSSE envelope (not verified here: see signature.ts). */
export function statementFromEnvelope(json: Record<string, unknown>): Record<string, unknown> | undefined {
  const env = (json.dsseEnvelope ?? (json.payloadType ? json : undefined)) as { payload?: string; payloadType?: string } | undefined;
  if (!env) return undefined;
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new ManifestError(`unexpected DSSE payloadType ${JSON.stringify(env.payloadType)}`);
  try {
    return JSON.parse(Buffer.from(String(env.payload), 'base64').toString('utf8'));
  } catch {
    throw new ManifestError('DSSE payload is not base64-encoded JSON');
  }
}

export function parseSha256sum(text: string): Manifest {
  const entries: ManifestEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const escaped = line.startsWith('\\');
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(escaped ? line.slice(1) : line);
    if (!m) throw new ManifestError(`line ${i + 1} is not "<sha256>  <name>"`);
    const name = escaped ? m[2].replace(/\\(\\|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\')) : m[2];
    entries.push({ name, sha256: m[1].toLowerCase() });
  });
  if (entries.length === 0) throw new ManifestError('manifest lists no files');
  return { modelName: '', entries };
}

/** Reads a manifest in any supported form: in-toto statement, sigstore bundle, DSSE envelope or sha256sum. */
export function parseManifest(text: string): Manifest {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return parseSha256sum(text);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    throw new ManifestError(`manifest is not valid JSON: ${(e as Error).message}`);
  }
  return fromStatement(statementFromEnvelope(json) ?? json);
}
