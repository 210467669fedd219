/**
 * The path rule contract: metadata like every rule (docs, `aigis rules`, SARIF), and which entry
 * kinds and target kinds the rule joins. The engine (../find.ts) finds the walks; the first rule (in
 * registry order) whose entry and target kinds match names the path.
 */
import type { PathEntryKind, PathTargetKind, RuleMeta } from '../../core/model.js';

export interface PathRule {
  meta: RuleMeta;
  entries: readonly PathEntryKind[];
  targets: readonly PathTargetKind[];
}

export const PATH_TAGS = ['attack-path'];
