/**
 * `aigis explain REPORT [--finding ID | --path ID]` and `aigis triage REPORT`: a short ranked narrative
 * from an aigis JSON report. Templates by default (deterministic, offline); with `--llm URL` a model
 * writes it from the same material, which is checked against the report (src/analyst).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { AttackPath, Report } from '../../core/model.js';
import { isSeverity } from '../../core/severity.js';
import { llmNarrative, LlmError } from '../../analyst/llm.js';
import { explainText, ExplainError, triageText } from '../../analyst/narrative.js';
import { CliError, EXIT_OK } from '../exit.js';
import { checkOutput, writeOutput, writeStdout } from '../output.js';

interface NarrativeFlags {
  finding?: string;
  path?: string;
  top?: string;
  llm?: string;
  llmModel?: string;
  output?: string;
}

const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/** Reads and shape-checks an aigis JSON report (scan, detect or probe `--format json`). */
export function readReport(file: string): Report {
  let text: string;
  try {
    if (statSync(file).size > MAX_REPORT_BYTES) throw new CliError(`${file}: larger than ${MAX_REPORT_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let doc: Partial<Report>;
  try {
    doc = JSON.parse(text) as Partial<Report>;
  } catch {
    throw new CliError(`${file}: not JSON (write the report with --format json)`);
  }
  if (!doc || typeof doc !== 'object' || doc.schemaVersion !== 1 || !Array.isArray(doc.findings) || !Array.isArray(doc.rules)) {
    throw new CliError(`${file}: not an aigis JSON report (schemaVersion 1 with findings and rules)`);
  }
  return normaliseReport(doc, file);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A report file is input like any other (it may be hand-edited or truncated): entries of the wrong
 * shape are dropped and missing fields defaulted, so the narrative code sees the model's types.
 */
export function normaliseReport(doc: Partial<Report>, file: string): Report {
  const finding = (v: unknown) => {
    if (!isObject(v) || !str(v.ruleId) || !isSeverity(str(v.severity))) return undefined;
    return { ...v, ruleId: str(v.ruleId), title: str(v.title) || str(v.ruleId), message: str(v.message), remediation: str(v.remediation), fingerprint: str(v.fingerprint), location: isObject(v.location) ? v.location : {}, references: isObject(v.references) ? v.references : {}, onPaths: list(v.onPaths).filter((x) => typeof x === 'string') } as unknown as Report['findings'][number];
  };
  const findings = list(doc.findings).map(finding).filter((f) => f !== undefined);
  const rules = list(doc.rules).filter((r): r is Report['rules'][number] => isObject(r) && !!str(r.id) && isSeverity(str(r.severity))).map((r) => ({ ...r, title: str(r.title), description: str(r.description), remediation: str(r.remediation), references: isObject(r.references) ? r.references : {} }));
  const items = isObject(doc.paths) ? list(doc.paths.items) : [];
  const paths = items
    .filter((p): p is AttackPath => isObject(p) && !!str(p.id) && !!str(p.ruleId) && isSeverity(str(p.severity)) && typeof p.score === 'number' && isObject(p.entry) && isObject(p.target) && Array.isArray(p.steps))
    .map((p) => ({ ...p, title: str(p.title), steps: p.steps.filter(isObject).map((s) => ({ ...s, role: str(s.role), assetName: str(s.assetName), assetKind: str(s.assetKind), description: str(s.description), via: typeof s.via === 'string' ? s.via : undefined, location: isObject(s.location) ? s.location : undefined, finding: isObject(s.finding) && str(s.finding.ruleId) ? s.finding : undefined })) })) as AttackPath[];
  const assets = list(doc.assets).filter((a): a is Report['assets'][number] => isObject(a) && !!str(a.id)).map((a) => ({ ...a, locations: list(a.locations).filter(isObject), properties: isObject(a.properties) ? a.properties : {}, relations: list(a.relations).filter(isObject) })) as unknown as Report['assets'];
  return {
    ...doc,
    schemaVersion: 1,
    target: isObject(doc.target) && str(doc.target.name) ? doc.target : { name: file, type: 'directory' },
    findings,
    rules,
    suppressed: [],
    assets,
    notes: [],
    ...(isObject(doc.paths) ? { paths: { version: 1, items: paths, ...(typeof doc.paths.omitted === 'number' ? { omitted: doc.paths.omitted } : {}) } } : {}),
  } as Report;
}

function addLlmOptions(cmd: Command): Command {
  return cmd
    .option('--llm <url>', 'have a model write the narrative: an OpenAI-compatible endpoint (base URL or …/v1/chat/completions); key from $AIGIS_LLM_API_KEY. The only option that uses the network')
    .option('--llm-model <name>', 'model name sent to --llm')
    .option('-o, --output <file>', 'write the narrative to a file instead of stdout');
}

export function registerExplain(program: Command): void {
  addLlmOptions(
    program
      .command('explain')
      .description('explain one finding or attack path of an aigis JSON report (the top-ranked item when none is named)')
      .argument('<report>', 'an aigis JSON report (aigis scan -f json -o report.json)')
      .option('--finding <id>', 'a finding\'s stableFingerprint (or a unique prefix of 8+ characters)')
      .option('--path <id>', 'an attack path id (path-…)'),
  ).action(async (file: string, flags: NarrativeFlags) => {
    process.exitCode = await narrativeCommand('explain', file, flags);
  });
}

export function registerTriage(program: Command): void {
  addLlmOptions(
    program
      .command('triage')
      .description('what to fix first: a ranked narrative of an aigis JSON report, grouped by attack path, with the exact changes')
      .argument('<report>', 'an aigis JSON report (aigis scan -f json -o report.json)')
      .option('--top <n>', 'items shown (default: 10)'),
  ).action(async (file: string, flags: NarrativeFlags) => {
    process.exitCode = await narrativeCommand('triage', file, flags);
  });
}

export async function narrativeCommand(task: 'explain' | 'triage', file: string, flags: NarrativeFlags): Promise<number> {
  if (flags.finding !== undefined && flags.path !== undefined) throw new CliError('give --finding or --path, not both');
  const top = flags.top === undefined ? undefined : Number(flags.top);
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new CliError(`--top must be a positive integer, not "${flags.top}"`);
  if (flags.llmModel && !flags.llm) throw new CliError('--llm-model needs --llm URL');
  if (flags.output) checkOutput(flags.output);
  const report = readReport(file);
  const focus = { finding: flags.finding, path: flags.path };
  let text: string;
  try {
    // The deterministic text doubles as the check that the named item exists, before any network use.
    const plain = task === 'triage' ? triageText(report, { top }) : explainText(report, focus);
    if (!flags.llm) text = plain;
    else {
      if (!flags.llmModel) throw new CliError('--llm needs --llm-model NAME (e.g. llama3.1:8b for Ollama)');
      const r = await llmNarrative(report, task, focus, { url: flags.llm, model: flags.llmModel, apiKey: process.env.AIGIS_LLM_API_KEY || undefined });
      text = `${r.header}\n\n${r.text.trimEnd()}\n`;
    }
  } catch (err) {
    if (err instanceof ExplainError || err instanceof LlmError) throw new CliError(err.message);
    throw err;
  }
  if (flags.output) writeOutput(flags.output, text);
  else writeStdout(text);
  return EXIT_OK;
}
