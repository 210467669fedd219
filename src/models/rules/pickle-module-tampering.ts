import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { SAFE_FORMAT_ADVICE, SUPPLY_CHAIN_REFS, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/pickle-module-tampering',
  title: 'Pickle rewrites modules or dunder attributes while loading',
  severity: 'critical',
  category: 'unsafe-artifact',
  description:
    'The pickle uses BUILD to set attributes on a module, class or function object (not on an instance it created), sets dunder attributes such as `__class__` or `__reduce__`, or feeds STACK_GLOBAL with computed values. This rewires what later imports resolve to — e.g. turning an allowlisted `torch._utils._rebuild_tensor` into `builtins.eval` (GHSA-97f8-7cmv-76j2) — and defeats allowlist-based loaders and scanners.',
  remediation: SAFE_FORMAT_ADVICE,
  references: { ...SUPPLY_CHAIN_REFS, ghsa: ['GHSA-97f8-7cmv-76j2'], cwe: ['CWE-502', 'CWE-915'] },
  tags: ['pickle', 'rce', 'scanner-evasion'],
  confidence: 'high',
};

const KIND_SEVERITY = { 'build-on-global': 'critical', 'dunder-attribute': 'critical', 'dynamic-global': 'high' } as const;

export const pickleModuleTampering: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const p of ins.pickles) {
      const events = p.scan.tampering.filter((t) => t.kind !== 'extension-code');
      if (events.length === 0) continue;
      const w = where(ctx.path, p.chain);
      const details = [...new Set(events.map((e) => e.detail))];
      const evidence = details.slice(0, 5).join('; ');
      const severity = events.some((e) => KIND_SEVERITY[e.kind as keyof typeof KIND_SEVERITY] === 'critical') ? 'critical' : 'high';
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display} (${p.carrier}) tampers with objects while loading: ${evidence}.`,
          evidence,
          severity,
          fingerprintSalt: evidence,
          properties: { events: events.slice(0, 20).map((e) => ({ kind: e.kind, offset: e.offset, detail: e.detail })) },
        }),
      );
    }
    return out;
  },
};
