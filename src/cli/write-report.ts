import type { Report } from '../core/model.js';
import { FORMAT_NAMES, loadFormatter } from '../report/formats.js';
import { CliError } from './exit.js';
import { writeOutput, writeStdout } from './output.js';

/** Renders a report in the chosen format to stdout or to `--output FILE` (written as output.ts says). */
export async function writeReport(report: Report, format: string, output: string | undefined): Promise<void> {
  const formatter = await loadFormatter(format);
  if (!formatter) throw new CliError(`unknown format "${format}" (use ${FORMAT_NAMES.join(', ')})`);
  const color = !output && format === 'table' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = formatter(report, { color });
  if (output) writeOutput(output, text);
  else writeStdout(text);
}
