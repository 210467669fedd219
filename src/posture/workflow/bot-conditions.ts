/**
 * `if: github.actor == 'dependabot[bot]'` trusts whoever last acted on the event: an attacker can
 * make the bot the actor (e.g. by asking Dependabot to rebase their branch) and pass the gate.
 */
import { expressions, jobLabel, privilegedTriggers, triggerNames } from '../../documents/workflow/model.js';
import type { Located, WorkflowProject } from '../../documents/workflow/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { refs, jobAssetId } from './shared.js';

const SPOOFABLE = /\bgithub\.(?:actor|triggering_actor)\s*==\s*['"][^'"]*\[bot\]['"]|['"][^'"]*\[bot\]['"]\s*==\s*github\.(?:actor|triggering_actor)\b/;

export const botConditions: PostureRule<WorkflowProject> = {
  meta: {
    id: 'gha/bot-conditions',
    title: 'Spoofable bot check (github.actor == "…[bot]")',
    severity: 'high',
    category: 'misconfiguration',
    confidence: 'medium',
    description: 'An `if:` trusts an event because `github.actor` (or `github.triggering_actor`) is a bot such as `dependabot[bot]`. The actor is whoever caused the latest event, not who wrote the code: an attacker can get the bot to act on their pull request and pass the gate, then run with the privileges it unlocks (auto-merge, secrets).',
    remediation: "Check who authored the pull request: `github.event.pull_request.user.login == 'dependabot[bot]'`, together with the repository (`github.event.pull_request.head.repo.full_name == github.repository`).",
    references: refs({ cwe: ['CWE-290'], attack: ['T1078'], urls: ['https://www.synacktiv.com/publications/github-actions-exploitation-dependabot'] }),
    tags: ['github-actions', 'authentication'],
    aliases: ['zizmor/bot-conditions'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      const triggers = triggerNames(doc);
      if (!triggers.some((t) => t.startsWith('pull_request') || t === 'issue_comment' || t === 'workflow_run')) continue;
      const privileged = privilegedTriggers(doc).length > 0;
      for (const job of doc.jobs) {
        const conds: { v: Located; key: string; where: string }[] = [];
        if (job.if) conds.push({ v: job.if, key: `${job.id}/if`, where: jobLabel(job) });
        for (const s of job.steps) if (s.if) conds.push({ v: s.if, key: `${job.id}/${s.index}/if`, where: `${jobLabel(job)} step ${s.index + 1}` });
        for (const { v, key, where } of conds) {
          // Contexts are case-insensitive and may be written index-style (`github['actor']`).
          const raw = expressions(v.value).map((e) => e.text).join(' ') || v.value;
          const text = raw.replace(/\bgithub\s*\[\s*['"](\w+)['"]\s*\]/gi, 'github.$1').replace(/\bgithub\.(actor|triggering_actor)\b/gi, (_m, c: string) => `github.${c.toLowerCase()}`).replace(/\bGITHUB\./g, 'github.');
          if (!SPOOFABLE.test(text)) continue;
          if (/github\.event\.pull_request\.user\.login/.test(text)) continue;
          hits.push({ path, line: v.line, message: `${where} trusts the event because of the actor's name: \`${v.value.trim()}\``, evidence: v.value.trim().slice(0, 160), severity: privileged ? 'high' : 'medium', key, assetId: jobAssetId(path, job.id) });
        }
      }
    }
    return hits;
  },
};
