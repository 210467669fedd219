/**
 * Precompiles the built-in pack (rules/runtime/*.yml) into rules/runtime/pack.json; see
 * builtin-rules.ts. Run `node dist/runtime/builtin-pack.js` after editing a rule file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_PACK, BUILTIN_RULES_DIR, type BuiltinPack } from './builtin-rules.js';
import { parseRuleDocuments } from './sigma/loader.js';

export function packFromYaml(dir = BUILTIN_RULES_DIR): BuiltinPack {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  return { files: files.map((file) => ({ file, ...parseRuleDocuments(readFileSync(join(dir, file), 'utf8')) })) };
}

export function packText(pack: BuiltinPack): string {
  return JSON.stringify(pack) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(BUILTIN_PACK, packText(packFromYaml()));
  process.stdout.write(`wrote ${BUILTIN_PACK}\n`);
}
