import type { Command } from 'commander';
import { analyzers, enrichers } from '../../analyzers/index.js';
import type { RuleMeta } from '../../core/model.js';

/** Every rule aigis knows, from the analyzer registry (and, later, the runtime rule pack). */
export function allRules(): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const r of [...analyzers.flatMap((a) => a.rules), ...enrichers.flatMap((e) => e.rules)]) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every rule with id, severity, title and references')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((flags: { format: string }) => {
      const rules = allRules();
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
        return;
      }
      for (const r of rules) {
        const refs = [...(r.references.cve ?? []), ...(r.references.cwe ?? []), ...(r.references.owaspLlm ?? []), ...(r.references.atlas ?? [])];
        process.stdout.write(`${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${r.title}${refs.length ? `  [${refs.join(', ')}]` : ''}\n`);
      }
      process.stdout.write(`${rules.length} rules\n`);
    });
}
