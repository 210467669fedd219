/**
 * OpenSearch Serverless security policies (network and encryption), as JSON text, matched against a
 * collection name. Shared by the Terraform and CloudFormation knowledge-base rules.
 *
 * Network policies are a list of `{ Rules: [{ ResourceType, Resource: ["collection/<pattern>"] }],
 * AllowFromPublic }`; encryption policies one `{ Rules, AWSOwnedKey | KmsARN }`. Patterns may end in
 * `*`. See https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-network.html
 */

import { wildcardMatch } from './policy.js';

export interface AossPolicyEntry {
  /** `AllowFromPublic: true` (network) */
  public: boolean;
  /** `AWSOwnedKey: true` (encryption) */
  awsOwnedKey: boolean;
  /** Resource patterns of the `collection` rules (`collection/kb-*`). */
  collections: string[];
}

export function parseAossPolicy(text: unknown): AossPolicyEntry[] {
  if (typeof text !== 'string' || text.length > 200_000) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = Array.isArray(doc) ? doc : [doc];
  return entries.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object' && !Array.isArray(e)).map((e) => {
    const rules = Array.isArray(e.Rules) ? e.Rules : [];
    const collections: string[] = [];
    for (const r of rules) {
      if (!r || typeof r !== 'object' || (r as Record<string, unknown>).ResourceType !== 'collection') continue;
      const res = (r as Record<string, unknown>).Resource;
      for (const p of Array.isArray(res) ? res : [res]) if (typeof p === 'string') collections.push(p);
    }
    return { public: e.AllowFromPublic === true || e.AllowFromPublic === 'true', awsOwnedKey: e.AWSOwnedKey === true || e.AWSOwnedKey === 'true', collections };
  });
}

/**
 * True when a pattern names the collection. `self` lists placeholders that stand for the collection
 * name (`${aws_opensearchserverless_collection.kb.name}`); other unresolved placeholders never match.
 */
export function patternMatches(pattern: string, name: string, self: string[] = []): boolean {
  let p = pattern.replace(/^collection\//, '');
  for (const s of self) p = p.split(s).join(name);
  if (p.includes('${')) return false;
  return wildcardMatch(p.replace(/\?/g, '\u0000'), name); // OpenSearch patterns know `*` only
}

/** The entries of `policies` whose collection rules name `name`. */
export function entriesFor(entries: AossPolicyEntry[], name: string, self: string[] = []): AossPolicyEntry[] {
  return entries.filter((e) => e.collections.some((c) => patternMatches(c, name, self)));
}
