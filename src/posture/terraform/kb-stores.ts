/**
 * The vector stores of Bedrock knowledge bases (`aws_bedrockagent_knowledge_base`
 * `storage_configuration`): the OpenSearch Serverless collection or the Aurora/RDS cluster a knowledge
 * base names, resolved to the module's resources, with the security policies that apply to a collection.
 */
import { nestedPath, type TfModule, type TfResource } from '../../documents/terraform/index.js';
import { entriesFor, parseAossPolicy, type AossPolicyEntry } from './aoss-policy.js';
import { unknown } from './common.js';

export interface KbStore {
  kb: TfResource;
  kind: 'opensearch' | 'rds';
  /** The collection or cluster resource of this module. */
  store: TfResource;
}

export function kbStores(mod: TfModule): KbStore[] {
  const out: KbStore[] = [];
  for (const kb of mod.ofType('aws_bedrockagent_knowledge_base')) {
    const find = (path: string[], attr: string, types: string[]): TfResource[] =>
      nestedPath(kb.block, path).flatMap((b) => mod.references(b.attributes[attr])).map((a) => mod.get(a)).filter((r): r is TfResource => !!r && r.mode === 'resource' && types.includes(r.type));
    for (const store of find(['storage_configuration', 'opensearch_serverless_configuration'], 'collection_arn', ['aws_opensearchserverless_collection'])) out.push({ kb, kind: 'opensearch', store });
    for (const store of find(['storage_configuration', 'rds_configuration'], 'resource_arn', ['aws_rds_cluster'])) out.push({ kb, kind: 'rds', store });
  }
  return out;
}

/** Security policies of `type` (`network`, `encryption`) whose rules name the collection, with their matching entries. */
export function collectionPolicies(mod: TfModule, collection: TfResource, type: 'network' | 'encryption'): { policy: TfResource; entries: AossPolicyEntry[] }[] {
  const name = mod.value(collection.block.attributes.name);
  if (typeof name !== 'string' || unknown(name)) return [];
  const self = [`\${${collection.address}.name}`, `\${${collection.address}.id}`];
  const out: { policy: TfResource; entries: AossPolicyEntry[] }[] = [];
  for (const p of mod.ofType('aws_opensearchserverless_security_policy')) {
    if (mod.value(p.block.attributes.type) !== type) continue;
    const entries = entriesFor(parseAossPolicy(mod.value(p.block.attributes.policy)), name, self);
    if (entries.length) out.push({ policy: p, entries });
  }
  return out;
}
