import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { addFormats } from './ajv-formats.js';

/**
 * Validators for the SARIF 2.1.0 schemas committed under test/schemas/ (see the README there):
 * - `oasis`: the OASIS SARIF 2.1.0 Errata 01 schema (the official one);
 * - `rtm5`: the final 2.1.0 release schema as shipped on npm by Microsoft (byte-verifiable copy).
 * Both declare JSON Schema draft-04 (`id`) and use no draft-04-only keyword, so Ajv compiles them in
 * draft-07 mode once the draft-04 `$schema`/`id` header is replaced by `$id`. The rtm.5 `language`
 * pattern is not valid under the `u` flag (fixed in the errata), hence `unicodeRegExp: false`.
 */
const FILES = { oasis: 'sarif-schema-2.1.0.json', rtm5: 'sarif-2.1.0-rtm.5.json' } as const;

export function sarifValidator(which: keyof typeof FILES = 'oasis') {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../schemas', FILES[which]), 'utf8')) as Record<string, unknown>;
  const id = String(schema.id ?? which);
  delete schema.$schema;
  delete schema.id;
  schema.$id = id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
