import type { FindingInput } from '../../core/finding.js';
import type { RuleMeta } from '../../core/model.js';

/** What a rule reports about one document; the analyzer adds the location and asset. */
export type RuleHit = Omit<FindingInput, 'location'> & { member?: string };

/** One `model/*` rule: its metadata and a pure check over a parsed document. */
export interface ModelRule<D> {
  meta: RuleMeta;
  check(doc: D): RuleHit[];
}

/** References shared by the model-artifact rules. */
export const SUPPLY_CHAIN = { owaspLlm: ['LLM03'], atlas: ['AML.T0010', 'AML.T0011'] };
