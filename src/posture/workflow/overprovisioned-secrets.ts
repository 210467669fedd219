/**
 * `toJSON(secrets)` (or `secrets[expr]` with a computed name) materialises every secret of the run in
 * one value, so a single log line, artifact or injected step leaks them all.
 */
import { expressions, jobLabel, lineIn } from '../../documents/workflow/model.js';
import type { Located, WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs } from './shared.js';

export const overprovisionedSecrets: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/overprovisioned-secrets',
    title: 'Every secret exposed at once (toJSON(secrets))',
    severity: 'high',
    category: 'secret',
    confidence: 'high',
    description: 'An expression serialises the whole `secrets` context (`toJSON(secrets)`) or indexes it with a computed name (`secrets[inputs.name]`). Every secret of the repository and organisation then sits in one environment variable or argument of the step, where any injection or debug output reveals all of them.',
    remediation: 'Reference each secret by name where it is needed (`${{ secrets.NPM_TOKEN }}`).',
    references: refs({ cwe: ['CWE-200', 'CWE-272'], attack: ['T1552'] }),
    tags: ['github-actions', 'secrets'],
    aliases: ['zizmor/overprovisioned-secrets'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      const places: { v: Located; where: string }[] = [];
      for (const [k, v] of Object.entries(doc.env)) places.push({ v, where: `workflow env ${k}` });
      for (const job of doc.jobs) {
        for (const [k, v] of Object.entries(job.env)) places.push({ v, where: `${jobLabel(job)} env ${k}` });
        for (const [k, v] of Object.entries(job.with)) places.push({ v, where: `${jobLabel(job)} input ${k}` });
        for (const s of job.steps) {
          for (const [k, v] of Object.entries(s.env)) places.push({ v, where: `${jobLabel(job)} step ${s.index + 1} env ${k}` });
          for (const [k, v] of Object.entries(s.with)) places.push({ v, where: `${jobLabel(job)} step ${s.index + 1} input ${k}` });
          if (s.run) places.push({ v: s.run, where: `${jobLabel(job)} step ${s.index + 1} run` });
        }
      }
      for (const { v, where } of places) {
        for (const e of expressions(v.value)) {
          const t = e.text.replace(/\s+/g, '');
          const whole = /tojson\(secrets\)/i.test(t);
          const computed = /\bsecrets\[(?!'[\w-]+'\]|"[\w-]+"\])/.test(t);
          if (!whole && !computed) continue;
          hits.push({ path, line: lineIn(v, e.offset), message: `${where} ${whole ? 'serialises every secret' : 'picks a secret by a computed name'}: \`\${{ ${e.text} }}\``, evidence: `\${{ ${e.text} }}`, key: `${where}/${e.text}` });
        }
      }
    }
    return hits;
  },
};
