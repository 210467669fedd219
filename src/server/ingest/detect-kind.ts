/** Which format an upload is, from its content (never from a header the client could get wrong). */
import { normalizeAigis } from './aigis.js';
import { normalizeCycloneDx } from './cyclonedx.js';
import { jsonDepth, MAX_JSON_DEPTH } from './limits.js';
import { normalizeSarif } from './sarif.js';
import { IngestError, type NormalizedReport } from './types.js';

export function parseUpload(body: string): NormalizedReport {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new IngestError(400, `malformed JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new IngestError(400, 'expected a JSON object: an aigis JSON report, a SARIF 2.1.0 log or a CycloneDX BOM');
  if (jsonDepth(doc) > MAX_JSON_DEPTH) throw new IngestError(400, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  const o = doc as Record<string, unknown>;
  const tool = o.tool as { name?: unknown } | undefined;
  if (tool && typeof tool === 'object' && tool.name === 'aigis' && 'schemaVersion' in o) return normalizeAigis(o);
  if (o.bomFormat === 'CycloneDX') return normalizeCycloneDx(o);
  if ('runs' in o && ('version' in o || '$schema' in o)) return normalizeSarif(o);
  throw new IngestError(400, 'unrecognised upload: expected an aigis JSON report (tool.name "aigis", schemaVersion), a SARIF 2.1.0 log (version, runs) or a CycloneDX BOM (bomFormat "CycloneDX")');
}
