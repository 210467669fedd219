/**
 * The vector stores of `AWS::Bedrock::KnowledgeBase` resources (`StorageConfiguration`): the
 * `AWS::OpenSearchServerless::Collection` or `AWS::RDS::DBCluster` they name, and the OpenSearch
 * Serverless security policies that apply to a collection. CloudFormation side of ../terraform/kb-stores.ts.
 */
import type { CfnResource, CfnTemplate } from '../../documents/cloudformation/index.js';
import { entriesFor, parseAossPolicy, type AossPolicyEntry } from '../terraform/aoss-policy.js';
import { propertyAt } from './common.js';
import { referencesIn } from './refs.js';

export interface CfnKbStore {
  kb: CfnResource;
  kind: 'opensearch' | 'rds';
  store: CfnResource;
}

export function cfnKbStores(t: CfnTemplate): CfnKbStore[] {
  const byId = new Map(t.resources.map((r) => [r.logicalId, r]));
  const out: CfnKbStore[] = [];
  for (const kb of t.resources) {
    if (kb.type !== 'AWS::Bedrock::KnowledgeBase') continue;
    const sc = kb.properties.StorageConfiguration as Record<string, unknown> | undefined;
    if (!sc || typeof sc !== 'object') continue;
    const find = (v: unknown, type: string) => referencesIn(v).map((id) => byId.get(id)).filter((r): r is CfnResource => r?.type === type);
    for (const store of find((sc.OpensearchServerlessConfiguration as Record<string, unknown> | undefined)?.CollectionArn, 'AWS::OpenSearchServerless::Collection')) out.push({ kb, kind: 'opensearch', store });
    for (const store of find((sc.RdsConfiguration as Record<string, unknown> | undefined)?.ResourceArn, 'AWS::RDS::DBCluster')) out.push({ kb, kind: 'rds', store });
  }
  return out;
}

/** A string property as text: literal, parameter default, or `Fn::Sub` / `Fn::Join` with parameters filled in. */
export function cfnText(t: CfnTemplate, v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.Ref === 'string') return o.Ref in t.parameters && typeof t.parameters[o.Ref] === 'string' ? (t.parameters[o.Ref] as string) : undefined;
  if ('Fn::Sub' in o) {
    const [tpl, vars] = Array.isArray(o['Fn::Sub']) ? (o['Fn::Sub'] as unknown[]) : [o['Fn::Sub'], undefined];
    if (typeof tpl !== 'string') return undefined;
    return tpl.replace(/\$\{([A-Za-z0-9:]+)\}/g, (m, name: string) => {
      const local = vars && typeof vars === 'object' ? (vars as Record<string, unknown>)[name] : undefined;
      const val = local !== undefined ? cfnText(t, local) : typeof t.parameters[name] === 'string' ? (t.parameters[name] as string) : undefined;
      return val ?? m;
    });
  }
  if ('Fn::Join' in o && Array.isArray(o['Fn::Join'])) {
    const [sep, parts] = o['Fn::Join'] as unknown[];
    if (typeof sep !== 'string' || !Array.isArray(parts)) return undefined;
    return parts.map((p) => cfnText(t, p) ?? '${?}').join(sep);
  }
  return undefined;
}

/** `AWS::OpenSearchServerless::SecurityPolicy` resources of `type` whose rules name the collection. */
export function cfnCollectionPolicies(t: CfnTemplate, collection: CfnResource, type: 'network' | 'encryption'): { policy: CfnResource; entries: AossPolicyEntry[] }[] {
  const name = cfnText(t, propertyAt(t, collection, ['Name']).value);
  if (!name || name.includes('${')) return [];
  const out: { policy: CfnResource; entries: AossPolicyEntry[] }[] = [];
  for (const p of t.resources) {
    if (p.type !== 'AWS::OpenSearchServerless::SecurityPolicy' || cfnText(t, p.properties.Type) !== type) continue;
    const entries = entriesFor(parseAossPolicy(cfnText(t, p.properties.Policy)), name);
    if (entries.length) out.push({ policy: p, entries });
  }
  return out;
}
