import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';
import type { TemplateScan } from '../jinja/template-scan.js';

/** One chat template to check: where it came from (`tokenizer.chat_template`, `chat_template`) and its scan. */
export interface ChatTemplateDoc {
  templates: { key: string; scan: TemplateScan }[];
}

export const chatTemplateSandboxEscape: ModelRule<ChatTemplateDoc> = {
  meta: {
    id: 'model/chat-template-sandbox-escape',
    title: 'Chat template escapes the Jinja sandbox',
    severity: 'critical',
    category: 'unsafe-artifact',
    description:
      'Chat templates (GGUF `tokenizer.chat_template*`, `tokenizer_config.json` `chat_template`) are Jinja code rendered for every prompt. ' +
      'This one reaches Python internals (`__class__`, `__globals__`, `lipsum`/`cycler` globals, `|attr()` with hidden names, `popen`): rendered outside ' +
      'a sandbox it runs commands on the inference server (CVE-2024-34359 in llama-cpp-python).',
    remediation:
      'Do not serve this model. Render chat templates only with a sandboxed Jinja environment (`jinja2.sandbox.ImmutableSandboxedEnvironment`); ' +
      'upgrade llama-cpp-python >= 0.2.72; replace the template by the upstream model\'s template.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-94', 'CWE-1336'], cve: ['CVE-2024-34359'], ghsa: ['GHSA-56xg-wfcc-g829'] },
    tags: ['gguf', 'jinja', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { key, scan } of doc.templates) {
      if (scan.hits.length === 0) continue;
      const critical = scan.hits.some((h) => h.severity === 'critical');
      hits.push({
        severity: critical ? 'critical' : 'high',
        message: `The chat template ${key} ${scan.hits.map((h) => h.reason).slice(0, 3).join('; ')}.`,
        evidence: scan.hits.map((h) => h.reason).slice(0, 6).join('; '),
        fingerprintSalt: key,
        properties: { template: key, reasons: scan.hits.map((h) => h.reason) },
      });
    }
    return hits;
  },
};
