/**
 * Shared pieces of the `cfn/*` rules: the property check most rules are (missing property = the
 * service default applies, reported at the resource), with intrinsic functions treated as unknown
 * unless they are a `Ref` to a parameter with a default.
 */
import type { RuleMeta, Severity } from '../../core/model.js';
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
  missing(r: CfnResource, t: CfnTemplate): string;
  set(r: CfnResource, v: unknown): string;
  fix: string;
  /** Raise or lower the severity per resource (a bucket that an AI resource reads or writes). */
  severity?(t: CfnTemplate, r: CfnResource): Severity | undefined;
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
        const severity = spec.severity?.(t, r);
        const remediation = `${spec.meta.remediation}\n\n\`\`\`yaml\n${spec.fix}\n\`\`\``;
        const name = spec.path.join('.');
        if (present && v !== undefined && v !== null) hits.push(cfnHit(t, r, r.lineOf(spec.path), name, spec.set(r, v), { evidence: `${spec.path[spec.path.length - 1]}: ${JSON.stringify(v)}`, remediation, severity }));
        else hits.push(cfnHit(t, r, present ? r.lineOf(spec.path) : r.line, name, spec.missing(r, t), { remediation, severity }));
      }
      return hits;
    },
  };
}

export const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * Metadata of the CloudFormation twin of a Terraform rule: same title, severity, description and
 * references, with the template's documentation page and a CloudFormation fix. `aliases` are the
 * peer ids of the CloudFormation check (Checkov's ids differ between frameworks for some checks).
 */
export function twinMeta(tf: RuleMeta & { aliases?: string[] }, spec: { id: string; url: string; fix: string; aliases: string[] }): RuleMeta & { aliases?: string[] } {
  return {
    ...tf,
    id: spec.id,
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: [spec.url, ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${spec.fix}\n\`\`\``,
    aliases: spec.aliases,
  };
}
