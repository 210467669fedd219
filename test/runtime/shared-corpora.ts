/**
 * Third-party corpora (Sigma rules, Stratus Red Team CloudTrail logs) copied into the repository under
 * test/fixtures/corpora/ with their licences (credited in NOTICE): the tests read nothing outside it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPORA = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpora');

export function corpus(...parts: string[]): string {
  return resolve(CORPORA, ...parts);
}
