import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadBuiltinRules } from '../../runtime/builtin-rules.js';
import { exportFalco, exportSigma } from '../../runtime/export.js';
import { CliError } from '../exit.js';
import { writeOutput, writeStdout } from '../output.js';
import { formatName } from '../options.js';

/**
 * `aigis rules export --format sigma|falco [--output DIR]`: the built-in runtime pack as Sigma YAML for
 * SIEMs (one file per rule file; correlation rules stay with the rules they use), or the AI image list
 * as a Falco list/macro file (see src/runtime/export.ts). Registered under the lead's `rules` command.
 */
export function registerRulesExport(program: Command): void {
  const rules = program.commands.find((c) => c.name() === 'rules') ?? program.command('rules');
  rules
    .command('export')
    .description('write the built-in runtime detection pack (Sigma YAML) or the AI image list (Falco list/macro) to stdout or a directory')
    .option('-f, --format <format>', 'sigma or falco (default: sigma)')
    .option('-o, --output <dir>', 'write the files into this directory')
    .action((flags: { format?: string; output?: string }, cmd: Command) => {
      // The parent `rules` command has its own --format and takes the flag when given after `export`.
      const given = cmd.parent?.getOptionValueSource('format') === 'cli' ? String(cmd.parent.opts().format) : flags.format;
      const format = formatName(given ?? 'sigma');
      if (format !== 'sigma' && format !== 'falco') throw new CliError(`unknown export format "${given}" (use sigma or falco)`);
      const loaded = loadBuiltinRules();
      if (loaded.problems.length) throw new CliError(`the built-in pack has problems: ${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
      const files = format === 'sigma' ? exportSigma() : [{ file: 'aigis_ai_images.yaml', text: exportFalco() }];
      if (flags.output) {
        mkdirSync(flags.output, { recursive: true });
        for (const f of files) writeOutput(join(flags.output, f.file), f.text);
        process.stderr.write(`aigis: wrote ${files.length} ${format === 'sigma' ? `Sigma rule files (${loaded.rules.length} rules)` : 'Falco rules file'} to ${flags.output}\n`);
        return;
      }
      writeStdout(files.map((f) => f.text.trimEnd() + '\n').join('---\n'));
    });
}
