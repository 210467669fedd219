import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRuleTable } from '../../src/secrets/doc-table.js';
import { SECRET_RULE_METAS } from '../../src/secrets/rules.js';

describe('docs/secrets.md', () => {
  const doc = readFileSync(new URL('../../docs/secrets.md', import.meta.url), 'utf8');
  it('has the rule table generated from the catalogue (run scripts/secrets-docs.ts)', () => {
    expect(withRuleTable(doc)).toBe(doc);
  });
  it('lists every rule', () => {
    for (const m of SECRET_RULE_METAS) expect(doc).toContain(`\`${m.id}\``);
  });
});
