/** Keras artifacts: `.h5` (model_config attribute), `.keras` (config.json), `keras_metadata.pb`. */
import type { AnalyzerContext, ScanFile } from '../../core/analyzer.js';
import { BudgetExceededError, budgetText, workBudget } from '../../core/analyzer.js';
import { note, readerOf, runRules, type FormatOutput } from '../format-result.js';
import { isInputError } from '../protobuf/wire.js';
import { parseKerasMetadata } from '../savedmodel/parse.js';
import { KERAS_RULES } from '../rules/formats.js';
import { kerasConfigDoc as buildDoc, type KerasConfigDoc } from './config-doc.js';
import { H5StoppedError, readH5KerasAttrs } from './h5.js';
import { readH5KerasAttrsLite } from './h5-lite.js';
import { extractJsonObjects } from './json-extract.js';
import { entryContent, listZip } from '../containers/zip-reader.js';
import { scanFileSource } from '../io/byte-source.js';

const FALLBACK_SCAN_BYTES = 16 << 20;

/** The config document of one file; a config too large to walk completely gets a note (fail loud, not silent). */
export function configDoc(out: FormatOutput, file: ScanFile, config: unknown, source: string, extra: { kerasVersion?: string; backend?: string } = {}): KerasConfigDoc {
  const doc = buildDoc(config, source, extra);
  if (doc.truncated) note(out, file, 'warning', `${source} is too large to check completely; Keras checks cover its first 500 000 values`);
  return doc;
}

function parseJson(out: FormatOutput, file: ScanFile, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    note(out, file, 'warning', `${what} is not valid JSON (${(e as Error).message}); Keras checks skipped`);
    return undefined;
  }
}

function configProperties(config: unknown): Record<string, unknown> {
  const c = config as { class_name?: unknown; config?: { name?: unknown; layers?: unknown[] } } | undefined;
  return {
    framework: 'keras',
    modelClass: typeof c?.class_name === 'string' ? c.class_name : undefined,
    modelName: typeof c?.config?.name === 'string' ? c.config.name : undefined,
    layers: Array.isArray(c?.config?.layers) ? c.config.layers.length : undefined,
  };
}

export async function analyzeH5(file: ScanFile, out: FormatOutput, _ctx?: AnalyzerContext): Promise<void> {
  let configText: string | undefined;
  let extra: { kerasVersion?: string; backend?: string } = {};
  try {
    // The layout h5py writes is read directly (h5-lite.ts); any other goes to HDF5 in its budgeted worker (h5.ts).
    const bytes = await file.bytes();
    const attrs = readH5KerasAttrsLite(bytes) ?? (await readH5KerasAttrs(bytes));
    configText = attrs.modelConfig;
    extra = { kerasVersion: attrs.kerasVersion, backend: attrs.backend };
    if (!configText && !attrs.kerasVersion && !attrs.keys.includes('model_weights')) return; // an HDF5 data file, not a Keras model
    out.properties = { framework: 'keras', kerasVersion: attrs.kerasVersion, backend: attrs.backend };
  } catch (e) {
    // HDF5 could not give the attributes (too large to read whole, malformed, or its parse was stopped):
    // Keras stores model_config as a plain JSON string in the file, so look for it in the raw bytes and
    // run the same rules on what is found. A file whose parse was stopped is reported as not fully analysed.
    const head = await file.readAt(0, Math.min(file.size, FALLBACK_SCAN_BYTES));
    const found = extractJsonObjects(head, '{"class_name"', 4).find((o) => (o as { config?: unknown }).config !== undefined);
    const searched = `searched its first ${head.length} bytes for model_config${found ? '' : ' and found none'}`;
    if (e instanceof BudgetExceededError) note(out, file, 'info', `HDF5 file of ${file.size} bytes is over the read budget; ${searched}`);
    else if (e instanceof H5StoppedError) note(out, file, 'warning', `${e.message}; the file is not fully analysed; ${searched}`);
    else note(out, file, 'warning', `cannot read HDF5 structure: ${(e as Error).message}; ${searched}`);
    if (found === undefined) return;
    configText = JSON.stringify(found);
  }
  if (!configText) return;
  const config = parseJson(out, file, configText, 'model_config attribute');
  if (config === undefined) return;
  out.properties = { ...configProperties(config), ...out.properties };
  runRules(out, KERAS_RULES, configDoc(out, file, config, 'model_config attribute', extra), file, 'model_config');
}

/** Largest config.json / metadata.json read out of a .keras archive. */
const MAX_CONFIG_BYTES = 32 << 20;

/**
 * `.keras` archives go through the same tolerant zip reader as PyTorch checkpoints: zip64 works, and
 * members are taken from the central directory, as Keras (Python's zipfile) reads them.
 */
export async function analyzeKerasZip(file: ScanFile, out: FormatOutput): Promise<void> {
  const src = scanFileSource(file);
  const { entries } = await listZip(src);
  const member = (name: string) => entries.find((e) => e.name === name && e.seenIn !== 'local');
  const read = async (name: string): Promise<string | undefined> => {
    const e = member(name);
    if (!e) return undefined;
    const content = await entryContent(src, e, MAX_CONFIG_BYTES);
    if (!content.complete) {
      note(out, file, 'warning', `cannot read ${name} from the .keras archive: ${content.error ?? 'truncated member'}`);
      return undefined;
    }
    return (await content.source.read(0, content.source.size)).toString('utf8');
  };
  const metaText = await read('metadata.json');
  const meta = metaText === undefined ? undefined : (parseJson(out, file, metaText, 'metadata.json') as { keras_version?: string } | undefined);
  out.properties = { framework: 'keras', kerasVersion: meta?.keras_version, members: entries.length };
  if (!member('config.json')) {
    note(out, file, 'warning', '.keras archive has no config.json');
    return;
  }
  const configText = await read('config.json');
  if (configText === undefined) return;
  const config = parseJson(out, file, configText, 'config.json');
  if (config === undefined) return;
  out.properties = { ...configProperties(config), ...out.properties };
  runRules(out, KERAS_RULES, configDoc(out, file, config, 'config.json', { kerasVersion: meta?.keras_version }), file, 'config.json');
}

export async function analyzeKerasMetadata(file: ScanFile, out: FormatOutput, ctx: AnalyzerContext): Promise<void> {
  try {
    const stop = workBudget(ctx);
    const nodes = await parseKerasMetadata(readerOf(file), stop);
    if (stop.reason) note(out, file, 'warning', `${budgetText(stop)} while reading keras_metadata.pb; results are partial`);
    out.properties = { framework: 'keras', format: 'savedmodel', layers: nodes.length };
    for (const n of nodes) runRules(out, KERAS_RULES, configDoc(out, file, n.metadata, `keras_metadata.pb node ${n.nodePath ?? '?'}`), file, n.nodePath);
  } catch (e) {
    if (isInputError(e)) note(out, file, 'warning', `malformed keras_metadata.pb: ${(e as Error).message}`);
    else throw e;
  }
}

/** True when `config.json` at `path` sits in an unzipped Keras v3 directory (`save_model(…, zipped=False)`). */
export function isKerasDirConfig(path: string, ctx: AnalyzerContext): boolean {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return ctx.exists(`${dir}metadata.json`) && (ctx.exists(`${dir}model.weights.h5`) || ctx.exists(`${dir}model.weights.npz`));
}

export async function analyzeKerasDirConfig(file: ScanFile, out: FormatOutput): Promise<void> {
  const text = await file.text();
  if (text === undefined) return;
  const config = parseJson(out, file, text, 'config.json');
  if (config === undefined) return;
  out.properties = { ...configProperties(config), layout: 'directory' };
  runRules(out, KERAS_RULES, configDoc(out, file, config, 'config.json'), file);
}
