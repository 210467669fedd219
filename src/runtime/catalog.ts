/**
 * RuleMeta of every alerting rule of the built-in runtime pack, for `aigis rules` and SARIF
 * `tool.driver.rules` (the lead can add `...runtimeRuleMetas()` to `allRules()`). Rules that only feed
 * a correlation (`generate: false`) are not listed: they never alert on their own.
 */
import type { RuleMeta } from '../core/model.js';
import { metaFor } from './alerts.js';
import { loadBuiltinRules } from './builtin-rules.js';

export function runtimeRuleMetas(): RuleMeta[] {
  const rules = loadBuiltinRules().rules;
  const fed = new Set(rules.flatMap((r) => (r.type === 'correlation' && !r.generate ? r.rules : [])));
  return rules.filter((r) => !(r.name && fed.has(r.name)) && !fed.has(r.id)).map(metaFor);
}
