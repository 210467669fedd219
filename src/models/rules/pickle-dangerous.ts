/**
 * The engine behind `model/pickle-code-execution` and `model/pickle-system-access`: every global a
 * pickle imports is classified with the verdict tables; one finding per pickle member lists the
 * offending globals.
 */
import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import type { DenyCategory } from '../pickle/globals-data.js';
import { classifyGlobal } from '../pickle/verdict.js';
import type { GlobalRef } from '../pickle/walker.js';
import type { Inspection } from '../inspect/types.js';
import { listGlobals, where, type RuleContext } from './common.js';

/** CVEs tied to specific globals, added to a finding's references when those globals appear. */
const GLOBAL_CVES: Record<string, string[]> = {
  pip: ['CVE-2025-1716'],
  'torch.load': ['CVE-2025-32434'],
  'torch.serialization.load': ['CVE-2025-32434'],
};

export function dangerousGlobalFindings(meta: RuleMeta, category: DenyCategory, ins: Inspection, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ins.pickles) {
    const hits: { g: GlobalRef; why: string; matched: string }[] = [];
    for (const g of p.scan.globals) {
      const v = classifyGlobal(g.module, g.name);
      if (v.kind === 'dangerous' && v.entry.category === category) hits.push({ g, why: v.entry.why, matched: v.matched });
    }
    if (hits.length === 0) continue;
    const w = where(ctx.path, p.chain);
    const globals = hits.map((h) => h.g);
    const evidence = listGlobals(globals);
    const reasons = [...new Set(hits.map((h) => `${h.g.module}.${h.g.name} ${h.why}`))].slice(0, 3).join('; ');
    const nested = hits.some((h) => h.g.nested) ? ' Some of them sit in a nested pickle (in an argument or after an array).' : '';
    const cves = [...new Set(hits.flatMap((h) => GLOBAL_CVES[h.matched] ?? []))];
    out.push(
      makeFinding(meta, {
        location: { path: ctx.path, member: w.member },
        message: `${w.display} (${p.carrier}) imports ${evidence} when loaded: ${reasons}.${nested}`,
        evidence,
        references: cves.length ? { cve: cves } : undefined,
        fingerprintSalt: evidence,
        properties: {
          globals: [...new Set(globals.map((g) => `${g.module}.${g.name}`))],
          offsets: globals.slice(0, 20).map((g) => g.offset),
          carrier: p.carrier,
        },
      }),
    );
  }
  return out;
}
