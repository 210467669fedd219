import type { SavedModelDoc } from '../savedmodel/parse.js';
import { FILE_OPS } from '../savedmodel/ops.js';
import { opHits } from './tf-savedmodel-python-op.js';
import { SUPPLY_CHAIN, type ModelRule } from './types.js';

export const tfSavedModelFileOp: ModelRule<SavedModelDoc> = {
  meta: {
    id: 'model/tf-savedmodel-file-op',
    title: 'TensorFlow SavedModel reads or writes files',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      'The graph contains ops such as `ReadFile`, `WriteFile` or file datasets. Running a signature of the model (for example in TensorFlow Serving) ' +
      'reads or writes files of the serving host, which a crafted model uses to exfiltrate secrets or plant files (the "TensorFlow models are programs" attack).',
    remediation: 'Do not serve models from untrusted sources; rebuild the model without file ops, and run serving with a read-only file system and no secrets mounted.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-73', 'CWE-22'], urls: ['https://github.com/tensorflow/tensorflow/blob/master/SECURITY.md'] },
    tags: ['tensorflow', 'file-access'],
    confidence: 'medium',
  },
  check(doc) {
    return opHits(doc, FILE_OPS);
  },
};
