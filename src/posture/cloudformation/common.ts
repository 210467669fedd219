/**
 * Shared pieces of the `cfn/*` rules: the property check most rules are (missing property = the
 * service default applies, reported at the resource), with intrinsic functions treated as unknown
 * unless they are a `Ref` to a parameter with a default.
 */
import type { RuleMeta } from '../../core/model.js';
import { cfnAssetId, type CfnResource, type CfnTemplate } from '../../documents/cloudformation/index.js';
import type { PostureHit, PostureRule } from '../rule.js';

export type CfnRule = PostureRule<CfnTemplate>;

/** The value at a property path; `{ Ref: Param }` resolves to the parameter's default. */
export function propertyAt(t: CfnTemplate, r: CfnResource, path: string[]): { present: boolean; value: unknown } {
  let cur: unknown = r.properties;
  for (const seg of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur) || !(seg in (cur as object))) return { present: false, value: undefined };
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur && typeof cur === 'object' && !Array.isArray(cur)) {
    const ref = (cur as Record<string, unknown>).Ref;
    if (typeof ref === 'string' && ref in t.parameters) return { present: true, value: t.parameters[ref] };
  }
  return { present: true, value: cur };
}

/** An intrinsic function other than a resolvable parameter: not statically known. */
export function intrinsic(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::') || k === 'Condition');
}

export function cfnHit(t: CfnTemplate, r: CfnResource, line: number, key: string, message: string, extra: Partial<PostureHit> = {}): PostureHit {
  return { path: t.path, line, message, key: `${r.logicalId}:${key}`, assetId: cfnAssetId(t, r.logicalId), ...extra };
}

export function propertyRule(spec: {
  meta: RuleMeta & { aliases?: string[] };
  types: string[];
  path: string[];
  bad(v: unknown): boolean;
  missing(r: CfnResource): string;
  set(r: CfnResource, v: unknown): string;
  fix: string;
}): CfnRule {
  return {
    meta: spec.meta,
    check(t) {
      const hits: PostureHit[] = [];
      for (const r of t.resources) {
        if (!spec.types.includes(r.type)) continue;
        const { present, value } = propertyAt(t, r, spec.path);
        if (present && intrinsic(value)) continue;
        const v = present ? value : undefined;
        if (!spec.bad(v)) continue;
        const remediation = `${spec.meta.remediation}\n\n\`\`\`yaml\n${spec.fix}\n\`\`\``;
        const name = spec.path.join('.');
        if (present && v !== undefined && v !== null) hits.push(cfnHit(t, r, r.lineOf(spec.path), name, spec.set(r, v), { evidence: `${spec.path[spec.path.length - 1]}: ${JSON.stringify(v)}`, remediation }));
        else hits.push(cfnHit(t, r, present ? r.lineOf(spec.path) : r.line, name, spec.missing(r), { remediation }));
      }
      return hits;
    },
  };
}

export const empty = (v: unknown): boolean => v === undefined || v === null || v === '';
