import { workBudget, type AnalyzerContext, type ScanFile } from '../../core/analyzer.js';
import { note, readerOf, runRules, type FormatOutput } from '../format-result.js';
import { scanChatTemplate } from '../jinja/template-scan.js';
import { CHAT_TEMPLATE_RULES, GGUF_RULES } from '../rules/formats.js';
import { ggufValueString, parseGguf } from './parse.js';
import { GGUF_FILE_TYPES } from './file-types.js';

export async function analyzeGguf(file: ScanFile, out: FormatOutput, ctx: AnalyzerContext): Promise<void> {
  const doc = await parseGguf(readerOf(file), workBudget(ctx));
  const m = doc.metadata;
  const str = (k: string) => ggufValueString(m.get(k));
  const fileType = m.get('general.file_type');
  out.name = str('general.name');
  out.version = str('general.version');
  out.properties = {
    framework: 'gguf',
    ggufVersion: doc.version,
    architecture: str('general.architecture'),
    license: str('general.license'),
    quantization: typeof fileType === 'number' ? (GGUF_FILE_TYPES[fileType] ?? `file_type ${fileType}`) : undefined,
    quantizationVersion: str('general.quantization_version'),
    sizeLabel: str('general.size_label'),
    baseModel: str('general.base_model.0.name'),
    organization: str('general.organization'),
    finetune: str('general.finetune'),
    sourceUrl: str('general.source.url'),
    licenseLink: str('general.license.link'),
    tensors: Number(doc.tensorCount),
    chatTemplates: doc.templates.map((t) => t.key),
  };
  runRules(out, GGUF_RULES, doc, file);
  const templates = doc.templates.map((t) => ({ key: t.key, scan: scanChatTemplate(t.template) }));
  for (const t of templates) if (t.scan.parseError) note(out, file, 'info', `chat template ${t.key} does not parse as Jinja (${t.scan.parseError}); checked by text patterns`);
  runRules(out, CHAT_TEMPLATE_RULES, { templates }, file);
}
