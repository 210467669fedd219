/** Reads a request body up to a byte limit: beyond it, 413 without buffering the rest. */
import { IngestError } from './ingest/types.js';

export async function readBody(req: Request, limit: number): Promise<string> {
  const encoding = req.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') throw new IngestError(415, `Content-Encoding "${encoding}" is not accepted: send the JSON uncompressed`);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new IngestError(413, `upload of ${declared} bytes exceeds the limit of ${limit} bytes (--max-upload-size)`);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new IngestError(413, `upload exceeds the limit of ${limit} bytes (--max-upload-size)`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new IngestError(400, 'the upload is not valid UTF-8');
  }
}
