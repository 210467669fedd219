/**
 * node:crypto, loaded on first use. Loading it costs ~7 ms of CPU (fifteen internal modules), which a
 * run that hashes nothing (an empty directory, a usage error) should not pay at start-up. Hashing is
 * synchronous where it is used (fingerprints), so the built-in is required, not imported.
 */
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

let loaded: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);
}

/**
 * SHA-256 in hex. The one-shot crypto.hash (Node 20.12+) skips the Hash object that createHash builds,
 * which shows when something small is hashed per file or per finding (fingerprints, small model files,
 * streamed detect alerts); older Node 20 falls back.
 */
export function sha256Hex(data: string | Buffer): string {
  const crypto = nodeCrypto();
  const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'hex') => string }).hash;
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}
