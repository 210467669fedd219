/**
 * Runtime corpora, copied into the repository (test/fixtures/runtime) so that tests read nothing outside
 * it: SigmaHQ's CloudTrail and Kubernetes audit rules (Detection Rule License 1.1) and Stratus Red Team's
 * CloudTrail detonation logs (Apache-2.0); credits and licences in NOTICE and beside the files.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/runtime/', import.meta.url));

export function corpus(...parts: string[]): string {
  return resolve(FIXTURES, ...parts);
}
