import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { SUPPLY_CHAIN_REFS, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/torchscript-archive',
  title: 'TorchScript archive: loading it runs its code',
  severity: 'high',
  category: 'unsafe-artifact',
  description:
    'The checkpoint is a TorchScript archive (`code/` members or `constants.pkl`). `torch.jit.load` compiles and runs the serialized Python code, and `torch.load(weights_only=True)` before torch 2.6 could be steered into loading it (CVE-2025-32434). A TorchScript file from an untrusted source is code, not data.',
  remediation:
    'Treat TorchScript files as executables: load them only from publishers you trust, pin their digest (`aigis hash`), and upgrade to torch >= 2.6. For weights, ask for a safetensors file instead.',
  references: { ...SUPPLY_CHAIN_REFS, cve: ['CVE-2025-32434'], cwe: ['CWE-502', 'CWE-94'] },
  tags: ['torchscript', 'rce'],
  confidence: 'high',
};

export const torchscriptArchive: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const t of ins.torchscript) {
      const w = where(ctx.path, t.chain);
      const evidence = t.evidence.join(', ');
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display} is a TorchScript archive (${evidence}); loading it runs the serialized code.`,
          evidence,
        }),
      );
    }
    return out;
  },
};
