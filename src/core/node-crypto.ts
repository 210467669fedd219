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
