import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/archive-hidden-content',
  title: 'Model archive hides content from scanners',
  severity: 'medium',
  category: 'unsafe-artifact',
  description:
    'The model ships in a container that most model scanners cannot open — a 7z archive (the nullifAI models found on the Hugging Face Hub in 2025 used 7z-compressed PyTorch files), an encrypted member, or an unsupported compression method. Whatever it holds reaches users unreviewed. aigis opens 7z archives with 7z-wasm when they fit its budget and reports their members separately; this finding is about the packaging.',
  remediation:
    'Publish and consume models as plain safetensors (or standard torch zip files) so that hubs and scanners can inspect them. Unpack unusual archives in a sandbox and scan the result before loading anything.',
  references: { cwe: ['CWE-693'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], urls: ['https://www.reversinglabs.com/blog/rl-identifies-malware-ml-model-hosted-on-hugging-face'] },
  tags: ['archive', 'scanner-evasion'],
  confidence: 'medium',
};

export const archiveHiddenContent: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const h of ins.hidden) {
      const w = where(ctx.path, h.chain);
      const extra = h.kind === '7z' ? (h.inspected ? ' (aigis extracted and scanned its members)' : ' (its members were not inspected)') : '';
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member },
          message: `${w.display}: ${h.message}${extra}.`,
          evidence: h.kind,
          // An encrypted member cannot run anything by itself: it is a notice, not a threat.
          severity: h.kind === 'encrypted' ? 'low' : undefined,
          fingerprintSalt: h.kind,
        }),
      );
    }
    return out;
  },
};
