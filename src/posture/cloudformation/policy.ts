/**
 * IAM policy statements of a CloudFormation resource, in the shape the Terraform policy checks use
 * (../terraform/policy.ts), each with the line of its statement. A `PolicyDocument` may be written
 * as a mapping or as a JSON string.
 */
import type { CfnResource } from '../../documents/cloudformation/index.js';
import type { Statement } from '../terraform/policy.js';
import { policyDocuments } from './refs.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

function principalStar(p: unknown): boolean {
  return p === '*' || (!!p && typeof p === 'object' && !Array.isArray(p) && list((p as Record<string, unknown>).AWS).includes('*'));
}

export interface CfnStatement extends Statement {
  /** Where the statement sits (`PolicyDocument.Statement.0`), for keys independent of lines. */
  where: string;
}

export function cfnStatements(r: CfnResource): CfnStatement[] {
  const out: CfnStatement[] = [];
  for (const { doc, path } of policyDocuments(r)) {
    let d = doc;
    let fromString = false;
    if (typeof d === 'string' && d.length <= 200_000) {
      try {
        d = JSON.parse(d);
        fromString = true;
      } catch {
        continue;
      }
    }
    if (!d || typeof d !== 'object') continue;
    const raw = (d as { Statement?: unknown }).Statement;
    const stmts = Array.isArray(raw) ? raw : raw ? [raw] : [];
    stmts.forEach((s, i) => {
      if (!s || typeof s !== 'object' || Array.isArray(s)) return;
      const st = s as Record<string, unknown>;
      const spath = fromString ? path : Array.isArray(raw) ? [...path, 'Statement', String(i)] : [...path, 'Statement'];
      out.push({
        effect: typeof st.Effect === 'string' ? st.Effect : 'Allow',
        actions: list(st.Action ?? st.NotAction),
        notActions: st.NotAction !== undefined && st.Action === undefined,
        resources: list(st.Resource),
        principalStar: principalStar(st.Principal),
        hasCondition: !!st.Condition && typeof st.Condition === 'object' && Object.keys(st.Condition).length > 0,
        line: r.lineOf(spath),
        where: `${path.join('.')}.Statement.${i}`,
      });
    });
  }
  return out;
}
