import type { Asset, Relation } from '../../core/model.js';

/** At most this many relations leave one IaC node (hostile modules must not grow quadratic lists). */
export const MAX_RELATIONS = 1000;

/**
 * Adds relations to IaC graph nodes, each (node, type, target) once and at most MAX_RELATIONS per node:
 * a hostile module (10,000 wildcard bindings × 10,000 buckets) stays linear. Shared by the Terraform and
 * CloudFormation IAM edge builders.
 */
export function relationSink(): (a: Asset, type: Relation['type'], target: string) => void {
  const seen = new Set<string>();
  return (a, type, target) => {
    const key = `${a.id}\u0000${type}\u0000${target}`;
    if (seen.has(key) || a.relations.length >= MAX_RELATIONS) return;
    seen.add(key);
    a.relations.push({ type, target });
  };
}
