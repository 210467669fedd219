import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { addFormats } from './ajv-formats.js';

/**
 * Validator for the official SARIF 2.1.0 schema committed under test/schemas/ (see its README).
 * The schema is written for JSON Schema draft-04 (`id`); it uses no draft-04-only keyword, so Ajv
 * compiles it as draft-07 once the draft-04 `$schema`/`id` header is replaced by `$id`. Its
 * `language` pattern is not valid under the `u` flag, hence `unicodeRegExp: false`.
 */
export function sarifValidator() {
  const file = path.resolve(__dirname, '../schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  schema.$id = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
