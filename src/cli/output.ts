import { writeFileSync } from 'node:fs';
import type { Report } from '../core/model.js';
import { formatters } from '../report/index.js';
import { CliError } from './exit.js';

/** Renders a report in the chosen format to stdout or to `--output FILE`. */
export function writeReport(report: Report, format: string, output: string | undefined): void {
  const formatter = formatters[format];
  if (!formatter) throw new CliError(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  const color = !output && format === 'table' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = formatter(report, { color });
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}
