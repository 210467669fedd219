import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BUILTIN_RULES_DIR, loadBuiltinRules } from '../../runtime/builtin-rules.js';
import { CliError } from '../exit.js';
import { writeOutput, writeStdout } from '../output.js';
import { formatName } from '../options.js';

/**
 * `aigis rules export --format sigma [--output DIR]`: the built-in runtime pack as Sigma YAML for SIEMs
 * (the files themselves, unchanged; correlation rules stay in the same file as the rules they use).
 * Registered under the lead's `rules` command.
 */
export function registerRulesExport(program: Command): void {
  const rules = program.commands.find((c) => c.name() === 'rules') ?? program.command('rules');
  rules
    .command('export')
    .description('write the built-in runtime detection pack (Sigma YAML) to stdout or a directory')
    .option('-f, --format <format>', 'sigma (default: sigma)')
    .option('-o, --output <dir>', 'write one .yml file per rule file into this directory')
    .action((flags: { format?: string; output?: string }) => {
      if (formatName(flags.format ?? 'sigma') !== 'sigma') throw new CliError(`unknown export format "${flags.format}" (use sigma)`);
      const loaded = loadBuiltinRules();
      if (loaded.problems.length) throw new CliError(`the built-in pack has problems: ${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
      const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.yml')).sort();
      if (flags.output) {
        mkdirSync(flags.output, { recursive: true });
        for (const f of files) writeOutput(join(flags.output, f), readFileSync(join(BUILTIN_RULES_DIR, f)));
        process.stderr.write(`aigis: wrote ${files.length} Sigma rule files (${loaded.rules.length} rules) to ${flags.output}\n`);
        return;
      }
      writeStdout(files.map((f) => readFileSync(join(BUILTIN_RULES_DIR, f), 'utf8').trimEnd() + '\n').join('---\n'));
    });
}
