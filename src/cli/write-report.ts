import type { Report } from '../core/model.js';
import { formatters } from '../report/index.js';
import { CliError } from './exit.js';
import { writeOutput, writeStdout } from './output.js';

/** Renders a report in the chosen format to stdout or to `--output FILE` (written as output.ts says). */
export function writeReport(report: Report, format: string, output: string | undefined): void {
  const formatter = formatters[format];
  if (!formatter) throw new CliError(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  const color = !output && format === 'table' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = formatter(report, { color });
  if (output) writeOutput(output, text);
  else writeStdout(text);
}
