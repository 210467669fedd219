/** rules/runtime/pack.json (the precompiled built-in pack) matches the YAML rule files it comes from. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packFromYaml, packText } from '../../src/runtime/builtin-pack.js';
import { BUILTIN_PACK, BUILTIN_RULES_DIR, loadBuiltinRules } from '../../src/runtime/builtin-rules.js';
import { loadRulePath } from '../../src/runtime/sigma/loader.js';

describe('precompiled built-in pack', () => {
  it('is up to date with rules/runtime/*.yml (else run `npm run build && node dist/runtime/builtin-pack.js`)', () => {
    expect(readFileSync(BUILTIN_PACK, 'utf8')).toBe(packText(packFromYaml()));
  });
  it('loads the same rules as the YAML files', () => {
    const fromJson = loadBuiltinRules();
    const fromYaml = loadRulePath(BUILTIN_RULES_DIR, true);
    const view = (r: (typeof fromJson.rules)[number]) => ({ id: r.id, name: r.name, type: r.type, file: r.file, raw: r.raw });
    expect(fromJson.rules.map(view)).toEqual(fromYaml.rules.map(view));
    expect(fromJson.problems).toEqual(fromYaml.problems);
    expect(fromJson.rules.length).toBeGreaterThan(20);
  });
});
