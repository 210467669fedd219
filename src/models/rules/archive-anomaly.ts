import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { printable, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/archive-anomaly',
  title: 'Model archive is malformed in a way that fools other readers',
  severity: 'low',
  category: 'unsafe-artifact',
  description:
    'The zip structure disagrees with itself: local header and central directory name a member differently, a member exists only in one of them, flag bits are set that strict readers reject and lenient ones ignore, CRCs do not match, or a member inflates far beyond its compressed size. Scanners built on strict readers were bypassed this way (CVE-2025-1889, CVE-2025-1944, CVE-2025-1945); aigis reads every view, so this finding is about the archive being crafted, not about content that was missed.',
  remediation:
    'Treat a malformed model archive as untrusted: re-download it from the publisher and compare its digest. Legitimate `torch.save`/`zipfile` output never has these anomalies.',
  references: { cve: ['CVE-2025-1889', 'CVE-2025-1944', 'CVE-2025-1945'], cwe: ['CWE-436'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'] },
  tags: ['archive', 'scanner-evasion'],
  confidence: 'medium',
};

export const archiveAnomaly: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const a of ins.anomalies) {
      const w = where(ctx.path, a.chain);
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display}: ${printable(a.message)}.`,
          evidence: a.kind,
          fingerprintSalt: `${a.kind}:${a.message}`,
        }),
      );
    }
    return out;
  },
};
