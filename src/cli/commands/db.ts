/**
 * `aigis db import SOURCE [--replace]`, `aigis db status`, `aigis db update`: the offline advisory
 * database (OSV format) under the cache directory (`~/.cache/aigis`, `AIGIS_CACHE_DIR`).
 */
import { Option, type Command } from 'commander';
import { formatName } from '../options.js';
import { CliError } from '../exit.js';
import { ImportError, readSource } from '../../vuln/read-source.js';
import { cacheDir, importRecords } from '../../vuln/store.js';
import { databaseStatus } from '../../vuln/status.js';
import { DEFAULT_OSV_BASE_URL, UpdateError, updateDatabase } from '../../vuln/update.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description(`the offline advisory database (OSV records) in ${cacheDir()}/db`);

  db.command('import')
    .description('add OSV records from a directory, a JSON/YAML file or a zip (such as OSV\'s all.zip); all or nothing')
    .argument('<source>', 'directory, .json/.yaml record file, or .zip')
    .option('--replace', 'replace the whole database (including the bundled snapshot) with this source')
    .action(async (source: string, flags: { replace?: boolean }) => {
      const started = Date.now();
      let outcome;
      try {
        outcome = await readSource(source);
      } catch (e) {
        if (e instanceof ImportError) throw new CliError(`db import: ${e.message}; the database was not changed`);
        throw e;
      }
      const store = await importRecords(outcome, source, { replace: flags.replace });
      process.stdout.write(
        `imported ${outcome.records.length} records from ${outcome.files} files` +
          `${outcome.withdrawn.length ? `, ${outcome.withdrawn.length} withdrawn removed` : ''}` +
          `${outcome.skipped ? `, ${outcome.skipped} without PyPI/npm packages skipped` : ''}` +
          ` in ${Date.now() - started} ms; the local database now holds ${store.records.length} records${store.bundled ? ' plus the bundled snapshot' : ''}\n`,
      );
    });

  db.command('status')
    .description('show record counts, sources and age of the database in effect')
    .option('-f, --format <format>', 'table or json', 'table')
    .action(async (flags: { format: string }) => {
      const format = formatName(flags.format);
      if (format !== 'table' && format !== 'json') throw new CliError(`unknown format "${flags.format}" for db status (use table or json)`);
      const s = await databaseStatus();
      if (format === 'json') {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      const lines = [
        `database:   ${s.mode === 'snapshot' ? 'bundled snapshot (nothing imported)' : s.mode === 'local' ? s.path : `${s.path} + bundled snapshot`}`,
        `records:    ${s.records} (${Object.entries(s.byEcosystem).map(([e, n]) => `${e} ${n}`).join(', ')}), ${s.packages} packages, ${s.malicious} malicious-package entries`,
        `${s.mode === 'snapshot' ? 'newest:  ' : 'updated: '}   ${s.updatedAt ?? 'unknown'}${ageText(s.ageDays)}`,
        ...s.sources.map((src) => `source:     ${src.source} (${src.records} records, ${src.importedAt})`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });

  db.command('update')
    .description(`download the PyPI, npm and Go OSV exports and replace the database (network; default ${DEFAULT_OSV_BASE_URL})`)
    .addOption(new Option('--base-url <url>', 'OSV export mirror').env('AIGIS_OSV_BASE_URL'))
    .addOption(new Option('--timeout <ms>', 'download timeout per file, in milliseconds').default('300000', '300000'))
    .action(async (flags: { baseUrl?: string; timeout: string }) => {
      try {
        const store = await updateDatabase({ baseUrl: flags.baseUrl, timeoutMs: Number(flags.timeout) || 300_000, log: (l) => process.stderr.write(`${l}\n`) });
        process.stdout.write(`database updated: ${store.records.length} records\n`);
      } catch (e) {
        if (e instanceof UpdateError) throw new CliError(`db update: ${e.message}; the database was not changed`);
        throw e;
      }
    });
}

function ageText(days: number | undefined): string {
  if (days === undefined) return '';
  return days < 0 ? ' (in the future: an upstream record carries a future date)' : ` (${days} days ago)`;
}
