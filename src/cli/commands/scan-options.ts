/**
 * The options of `aigis scan`, as data: commander registers them (scan.ts) and the start-up fast path
 * reads the common command lines with them without loading commander (../fast-scan.ts). No commander
 * defaults on options that aigis.yaml can set: an unset flag must be distinguishable from a flag set
 * to its default value (precedence flag > aigis.yaml > default, see scan-settings.ts).
 */
import { FORMAT_NAMES } from '../../report/formats.js';
import { collectList, type OptionSpec } from '../options.js';

export const SCAN_COMMAND = {
  name: 'scan',
  description: 'scan a directory, a file or a container image archive (docker save / OCI) with every static analyzer',
  argument: { name: '[target]', description: 'directory, file or image archive', default: '.' },
};

export const SCAN_OPTIONS: readonly OptionSpec[] = [
  { flags: '-f, --format <format>', description: `${FORMAT_NAMES.join(', ')} (default: table)` },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout' },
  { flags: '--severity <list>', description: 'only report these severities (comma-separated)' },
  { flags: '--fail-on <severity>', description: 'exit 1 when a finding at or above this severity is reported' },
  { flags: '--skip-dirs <globs>', description: 'directory names or globs to skip (repeatable, comma-separated)', parse: collectList },
  { flags: '--skip-files <globs>', description: 'file globs to skip (repeatable, comma-separated)', parse: collectList },
  { flags: '--max-file-size <size>', description: 'largest file read whole; bigger files are streamed where a format allows (default: 64MB)' },
  { flags: '--timeout <ms>', description: 'last-resort time guard per file and analyzer, in milliseconds (default: 30000); work budgets decide what is analysed' },
  { flags: '--config <file>', description: 'settings file (default: ./aigis.yaml, else aigis.yaml at the target root)' },
  { flags: '--ignore-file <file>', description: 'suppressions with reasons and expiry dates (default: .aigisignore at the target root)' },
  { flags: '--vuln-report <file>', description: 'Trivy or Grype JSON of an image a workload runs: its OS-package CVEs join the findings and attack paths (repeatable)', parse: collectFile },
  { flags: '--baseline <file>', description: 'a previous aigis JSON report: report only findings that are not in it (the rest are counted in a note)' },
  { flags: '-q, --quiet', description: 'no progress output' },
  { flags: '--scanners <list>', description: 'only these scanners: secret, model, vuln, misconfig (comma-separated; inventory always runs)', parse: collectList },
  { flags: '--check <ids>', description: 'only report these rule ids or globs, e.g. tf/*,secret/openai-api-key (repeatable)', parse: collectList },
  { flags: '--skip-check <ids>', description: 'never report these rule ids or globs (repeatable)', parse: collectList },
  { flags: '--upload <url>', description: 'also send the JSON report to an aigis server, e.g. https://aigis.example/api/v1/reports?project=NAME (token: $AIGIS_TOKEN)' },
];

/** Repeatable file option: every occurrence is one file (names may contain commas). */
function collectFile(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
