/**
 * Hugging Face chat templates outside GGUF: `tokenizer_config.json` and `chat_template.json`
 * (`chat_template` is a string or a list of {name, template}), and the standalone
 * `chat_template.jinja` / `additional_chat_templates/<name>.jinja` files newer transformers write.
 */
import type { ScanFile } from '../../core/analyzer.js';
import { note, runRules, type FormatOutput } from '../format-result.js';
import { CHAT_TEMPLATE_RULES } from '../rules/formats.js';
import { scanChatTemplate } from './template-scan.js';
import { lineOf } from '../../core/text.js';

export async function analyzeTokenizerConfig(file: ScanFile, out: FormatOutput): Promise<void> {
  const text = await file.text();
  if (text === undefined) return;
  let json: { chat_template?: unknown };
  try {
    json = JSON.parse(text);
  } catch (e) {
    note(out, file, 'warning', `tokenizer_config.json is not valid JSON: ${(e as Error).message}`);
    return;
  }
  const raw = json?.chat_template;
  const list: { key: string; template: string }[] = [];
  if (typeof raw === 'string') list.push({ key: 'chat_template', template: raw });
  else if (Array.isArray(raw)) {
    for (const t of raw) {
      const e = t as { name?: unknown; template?: unknown };
      if (typeof e?.template === 'string') list.push({ key: `chat_template.${typeof e.name === 'string' ? e.name : list.length}`, template: e.template });
    }
  }
  const templates = list.map((t) => ({ key: t.key, scan: scanChatTemplate(t.template) }));
  for (const t of templates) if (t.scan.parseError) note(out, file, 'info', `chat template ${t.key} does not parse as Jinja (${t.scan.parseError}); checked by text patterns`);
  const at = text.indexOf('"chat_template"');
  runRules(out, CHAT_TEMPLATE_RULES, { templates }, file, undefined, at >= 0 ? lineOf(text, at) : undefined);
}

/** True for standalone template files: `chat_template.jinja`, `additional_chat_templates/*.jinja`. */
export function isJinjaTemplateFile(path: string, name: string): boolean {
  return name === 'chat_template.jinja' || (name.endsWith('.jinja') && /(?:^|\/)additional_chat_templates\//.test(path));
}

export async function analyzeJinjaTemplateFile(file: ScanFile, out: FormatOutput): Promise<void> {
  const text = await file.text();
  if (text === undefined) return;
  const key = file.name === 'chat_template.jinja' ? 'chat_template' : `chat_template.${file.name.replace(/\.jinja$/, '')}`;
  const scan = scanChatTemplate(text);
  if (scan.parseError) note(out, file, 'info', `chat template does not parse as Jinja (${scan.parseError}); checked by text patterns`);
  runRules(out, CHAT_TEMPLATE_RULES, { templates: [{ key, scan }] }, file);
}
