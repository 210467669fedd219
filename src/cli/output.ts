import { writeFileSync } from 'node:fs';
import type { Report } from '../core/model.js';
import type { FormatContext } from '../report/formatter.js';
import { formatters } from '../report/index.js';
import { inventorySummary } from '../report/inventory-summary.js';
import { CliError } from './exit.js';

/**
 * Extra rendering hooks shared by every command. INVENTORY HOOK: when discovery lands, set
 * `inventorySummary` here to its `inventorySummary(assets)` (one import, one line) and the table
 * format prints it above the summary line (see src/report/table.ts, inventorySection).
 */
export const formatHooks: Pick<FormatContext, 'inventorySummary'> = { inventorySummary };

/** Renders a report in the chosen format to stdout or to `--output FILE`. */
export function writeReport(report: Report, format: string, output: string | undefined): void {
  const formatter = formatters[format];
  if (!formatter) throw new CliError(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  const color = !output && format === 'table' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = formatter(report, { color, ...formatHooks });
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}
