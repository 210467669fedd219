/** Agent instruction and rule files (AGENTS.md, CLAUDE.md, .cursorrules …) with hidden text a reviewer cannot see. */
import type { InstructionProject } from '../../documents/agent-instructions/types.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { hiddenHits } from './hidden-report.js';

export const hiddenInstructions: PostureRule<InstructionProject> = {
  meta: {
    id: 'agent/hidden-instructions',
    title: 'Hidden text in an agent instruction file',
    severity: 'high',
    category: 'unsafe-artifact',
    confidence: 'medium',
    description: 'An instruction or rule file that coding agents load into their context (AGENTS.md, CLAUDE.md, GEMINI.md, .cursorrules, .cursor/rules/*, .github/copilot-instructions.md …) contains text a human reviewer does not see: Unicode tag characters (invisible ASCII), zero-width characters, bidirectional overrides, or instructions inside HTML comments or `<IMPORTANT>` blocks. The agent reads and obeys it (the "rules file backdoor").',
    remediation: 'Remove the hidden characters and comments (the finding shows them made visible), review the file\'s history for who added them, and reject invisible Unicode in instruction files in code review or a pre-commit hook.',
    references: { cwe: ['CWE-451', 'CWE-1427'], owaspLlm: ['LLM01'], atlas: ['AML.T0051.001'], cve: ['CVE-2021-42574'] },
    tags: ['ai-agent', 'prompt-injection'],
  },
  check(project) {
    const hits: PostureHit[] = [];
    for (const { path, document: doc } of project.files) {
      if (doc.type !== 'instructions') continue;
      for (const seg of doc.segments) hits.push(...hiddenHits(path, seg, { source: false, where: path, assetId: `agent:${doc.audience}:${path}` }));
    }
    return hits;
  },
};
