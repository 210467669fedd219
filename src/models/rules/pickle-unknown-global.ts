import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { classifyGlobal } from '../pickle/verdict.js';
import { listGlobals, SUPPLY_CHAIN_REFS, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/pickle-unknown-global',
  title: 'Pickle imports globals outside the safe ML allowlist',
  severity: 'medium',
  category: 'unsafe-artifact',
  description:
    'The pickle imports classes or functions that are neither known-dangerous nor on the allowlist of ML building blocks (torch tensors and storages, torch.nn modules, NumPy arrays, common scikit-learn estimators). Loading it imports those modules and calls them; review that each one is expected — a custom class from your own code is fine, an unexpected library function may be a gadget.',
  remediation:
    'Check that every listed global belongs to code you trust. Prefer storing weights in safetensors and rebuilding the object in code; for torch use `torch.load(weights_only=True)` (torch >= 2.6) and `torch.serialization.add_safe_globals([...])` for your own classes.',
  references: SUPPLY_CHAIN_REFS,
  tags: ['pickle', 'supply-chain'],
  confidence: 'medium',
};

export const pickleUnknownGlobal: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const p of ins.pickles) {
      const unknown = p.scan.globals.filter((g) => classifyGlobal(g.module, g.name).kind === 'unknown');
      const ext = p.scan.tampering.filter((t) => t.kind === 'extension-code');
      if (unknown.length === 0 && ext.length === 0) continue;
      const w = where(ctx.path, p.chain);
      const evidence = [listGlobals(unknown), ...ext.map((t) => t.detail)].filter(Boolean).join('; ');
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display} (${p.carrier}) imports globals that are not on the allowlist: ${evidence}.`,
          evidence,
          fingerprintSalt: evidence,
          properties: { globals: [...new Set(unknown.map((g) => `${g.module}.${g.name}`))], carrier: p.carrier },
        }),
      );
    }
    return out;
  },
};
