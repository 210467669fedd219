import type { SavedModelDoc } from '../savedmodel/parse.js';
import { PYTHON_OPS } from '../savedmodel/ops.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

export const tfSavedModelPythonOp: ModelRule<SavedModelDoc> = {
  meta: {
    id: 'model/tf-savedmodel-python-op',
    title: 'TensorFlow SavedModel calls Python functions',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      'The graph contains `PyFunc`/`EagerPyFunc` ops. They call back into Python code of the serving process by token; with a matching ' +
      'registration (or a crafted serving environment) running the graph runs arbitrary Python, and the model is not portable or auditable from the file alone.',
    remediation: 'Rebuild the model without `tf.py_function`/`tf.numpy_function`, using TensorFlow ops only, and serve it with TensorFlow Serving in a sandbox.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-94'] },
    tags: ['tensorflow', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    return opHits(doc, PYTHON_OPS);
  },
};

/** Groups matching ops by op type: one finding per op type, with the first node names as evidence. */
export function opHits(doc: SavedModelDoc, table: Record<string, string>): RuleHit[] {
  const byOp = new Map<string, { nodes: string[]; tokens: Set<string> }>();
  for (const o of doc.ops) {
    if (!Object.hasOwn(table, o.op)) continue;
    let e = byOp.get(o.op);
    if (!e) byOp.set(o.op, (e = { nodes: [], tokens: new Set() }));
    e.nodes.push(o.node);
    if (o.token) e.tokens.add(o.token);
  }
  return [...byOp].map(([op, e]) => ({
    message: `${e.nodes.length} ${op} op${e.nodes.length > 1 ? 's' : ''} in the graph: ${op} ${table[op]}.`,
    evidence: `${op} at ${e.nodes.slice(0, 5).join(', ')}${e.nodes.length > 5 ? ', …' : ''}${e.tokens.size ? ` (token ${[...e.tokens].slice(0, 3).join(', ')})` : ''}`,
    fingerprintSalt: op,
    properties: { op, count: e.nodes.length, nodes: e.nodes.slice(0, 20) },
  }));
}
