import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { SAFE_FORMAT_ADVICE, SUPPLY_CHAIN_REFS, printable, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/pickle-analysis-incomplete',
  title: 'Pickle could not be analysed completely',
  severity: 'high',
  category: 'unsafe-artifact',
  description:
    'The pickle walker stopped before the end of the stream because a work budget ran out (too many opcodes, or an emulated stack, mark stack or memo larger than any real model needs). Padding a pickle with millions of pushes before the payload is a known way to make scanners give up while `pickle.loads` still runs it. aigis then decodes the rest of the stream for imports (GLOBAL, INST and STACK_GLOBAL) and reports those under their own rules, but what the stack machine would have built from them is unverified: an artifact that cannot be checked is not a safe one.',
  remediation: `Do not load this file until it is explained: a legitimate checkpoint never needs this much work to walk. ${SAFE_FORMAT_ADVICE}`,
  references: { ...SUPPLY_CHAIN_REFS, cwe: ['CWE-502', 'CWE-400'] },
  tags: ['pickle', 'scanner-evasion', 'budget'],
  confidence: 'medium',
};

export const pickleAnalysisIncomplete: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const p of ins.pickles) {
      const s = p.scan;
      if (!s.budget || s.budgetKind === 'time') continue; // a time stop is machine-dependent: it stays a note
      const w = where(ctx.path, p.chain);
      const scan = s.importScan;
      const tail = scan
        ? scan.complete
          ? `; the rest of the stream was decoded for imports (${scan.globals} more global(s) found)`
          : `; the import scan of the rest also stopped (${printable(scan.stopped ?? 'budget')})`
        : '';
      const evidence = printable(s.budget);
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display} (${p.carrier}): the pickle walk ${evidence}${tail}.`,
          evidence,
          fingerprintSalt: s.budgetKind ?? 'budget',
          properties: { budget: s.budgetKind, importScanComplete: scan?.complete ?? false, opcodes: s.opcodes },
        }),
      );
    }
    return out;
  },
};
