import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/numpy-object-array',
  title: 'NumPy file stores an object array (a pickle)',
  severity: 'low',
  category: 'unsafe-artifact',
  description:
    'The `.npy` (or `.npz` member) has an object dtype, so its data is a pickle and reading it needs `np.load(allow_pickle=True)`, which unpickles whatever is there. The embedded pickle is scanned by the `model/pickle-*` rules; this finding records that loading the file requires turning the safety switch off.',
  remediation: 'Store numeric arrays with a numeric dtype (or in safetensors) so that `np.load` works with the default `allow_pickle=False`.',
  references: { cwe: ['CWE-502'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], urls: ['https://numpy.org/doc/stable/reference/generated/numpy.load.html'] },
  tags: ['numpy', 'pickle'],
  confidence: 'high',
};

export const numpyObjectArray: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const o of ins.objectArrays) {
      const w = where(ctx.path, o.chain);
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display} holds an object array (dtype ${o.descr}); np.load needs allow_pickle=True to read it.`,
          evidence: o.descr,
        }),
      );
    }
    return out;
  },
};
