import type { Finding, RuleMeta } from '../../core/model.js';
import { makeFinding } from '../../core/finding.js';
import { printable, where, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/archive-path-traversal',
  title: 'Model archive member escapes the extraction directory',
  severity: 'high',
  category: 'unsafe-artifact',
  description:
    'A zip, tar or 7z member (or link target) is an absolute path or climbs out with `..`. Extracting the model archive — as many model loaders, hubs and pipelines do — writes files outside the intended directory (zip slip), e.g. over a `.bashrc`, a site-packages module or a CI script.',
  remediation:
    'Do not extract the archive with tools that follow member names blindly. Ask the publisher for a clean archive; when extracting in code, resolve each member path and reject those outside the destination (Python 3.12+: `tarfile` `filter="data"`).',
  references: { cwe: ['CWE-22'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'], urls: ['https://security.snyk.io/research/zip-slip-vulnerability'] },
  tags: ['archive', 'zip-slip'],
  confidence: 'high',
};

export const archivePathTraversal: ModelRule = {
  meta,
  check(ins, ctx) {
    const out: Finding[] = [];
    for (const t of ins.traversal) {
      const w = where(ctx.path, t.chain);
      const name = printable(t.name);
      out.push(
        makeFinding(meta, {
          location: { path: ctx.path, member: w.member ? `${w.member} → ${name}` : name },
          message: `${w.display} holds the member ${JSON.stringify(name)}, which ${t.why}.`,
          evidence: name,
        }),
      );
    }
    return out;
  },
};
