import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ruleDocFiles } from '../../report/rule-docs.js';
import type { RuleMeta } from '../../core/model.js';
import { runtimeRuleMetas } from '../../runtime/catalog.js';
import { probeRules } from '../../probe/rules.js';
import { IMAGE_OS_PACKAGE } from '../../vuln/import/enricher.js';
import { CliError } from '../exit.js';
import { writeOutput, writeStdout } from '../output.js';
import { formatName } from '../options.js';
import { localeOrder } from '../../core/text.js';

const FORMATS = ['table', 'json'];

/** Every rule aigis knows: the static analyzers, the enrichers, the built-in runtime (Sigma) pack and the probe checks. */
export async function allRules(): Promise<RuleMeta[]> {
  const { analyzers, enrichers } = await import('../../analyzers/index.js'); // on demand, see scan.ts
  const byId = new Map<string, RuleMeta>();
  for (const r of [...analyzers.flatMap((a) => a.rules), ...enrichers.flatMap((e) => e.rules), ...runtimeRuleMetas(), ...probeRules(), IMAGE_OS_PACKAGE]) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => localeOrder(a.id, b.id));
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every rule with id, severity, title and references')
    .option('-f, --format <format>', 'table or json (default: table)')
    .option('--docs <dir>', 'write one markdown page per rule (and an index) into DIR, e.g. docs/rules')
    .option('--check', 'with --docs: write nothing, exit 1 when DIR is not up to date (for CI)')
    .action(async (flags: { format?: string; docs?: string; check?: boolean }) => {
      const format = formatName(flags.format ?? 'table');
      if (!FORMATS.includes(format)) throw new CliError(`unknown format "${flags.format}" for rules (use ${FORMATS.join(', ')})`);
      const rules = await allRules();
      if (flags.docs && flags.check) {
        const problems = checkRuleDocs(flags.docs, rules);
        for (const p of problems) process.stderr.write(`${p}\n`);
        if (problems.length) process.stderr.write(`rule docs are out of date: run aigis rules --docs ${flags.docs}\n`);
        process.exitCode = problems.length ? 1 : 0;
        return;
      }
      if (flags.docs) {
        const written = writeRuleDocs(flags.docs, rules);
        process.stdout.write(`wrote ${written} files to ${flags.docs}\n`);
        return;
      }
      if (format === 'json') {
        writeStdout(JSON.stringify(rules, null, 2) + '\n');
        return;
      }
      const lines: string[] = [];
      for (const r of rules) {
        const refs = [...(r.references.cve ?? []), ...(r.references.cwe ?? []), ...(r.references.owaspLlm ?? []), ...(r.references.atlas ?? [])];
        const aliases = r.aliases?.length ? `  (aliases: ${r.aliases.join(', ')})` : '';
        lines.push(`${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${r.title}${refs.length ? `  [${refs.join(', ')}]` : ''}${aliases}\n`);
      }
      writeStdout(`${lines.join('')}${rules.length} rules\n`);
    });
}

/** Writes the generated rule pages; paths come from rule ids, made safe by ruleDocPath. */
export function writeRuleDocs(dir: string, rules: RuleMeta[]): number {
  const files = ruleDocFiles(rules);
  for (const [rel, content] of files) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeOutput(file, content);
  }
  return files.size;
}

/** Differences between DIR and the pages the metadata would generate: missing, changed, or left over. */
export function checkRuleDocs(dir: string, rules: RuleMeta[]): string[] {
  const expected = ruleDocFiles(rules);
  const problems: string[] = [];
  for (const [rel, content] of expected) {
    const file = path.join(dir, rel);
    if (!existsSync(file)) problems.push(`missing: ${rel}`);
    else if (readFileSync(file, 'utf8') !== content) problems.push(`changed: ${rel}`);
  }
  for (const rel of listMarkdown(dir)) if (!expected.has(rel)) problems.push(`no such rule: ${rel}`);
  return problems;
}

function listMarkdown(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listMarkdown(path.join(dir, entry.name), rel));
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(rel);
  }
  return out;
}
