import type { RuleMeta } from '../../core/model.js';
import { dangerousGlobalFindings } from './pickle-dangerous.js';
import { SAFE_FORMAT_ADVICE, SUPPLY_CHAIN_REFS, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/pickle-code-execution',
  title: 'Pickle runs code when the model is loaded',
  severity: 'critical',
  category: 'unsafe-artifact',
  description:
    'The pickle stream imports a global that executes code or commands (os.system, subprocess, builtins.eval/exec, runpy, pip, torch.load/torch.jit, pickle.loads, operator.attrgetter …). Unpickling it — `torch.load`, `joblib.load`, `pickle.load`, `np.load(allow_pickle=True)` — runs the payload with the privileges of the process that loads the model.',
  remediation: SAFE_FORMAT_ADVICE,
  references: {
    ...SUPPLY_CHAIN_REFS,
    urls: ['https://docs.python.org/3/library/pickle.html#restricting-globals', 'https://huggingface.co/docs/hub/security-pickle'],
  },
  tags: ['pickle', 'rce', 'supply-chain'],
  confidence: 'high',
};

export const pickleCodeExecution: ModelRule = {
  meta,
  check: (ins, ctx) => dangerousGlobalFindings(meta, 'code-execution', ins, ctx),
};
