import { closeSync, constants, existsSync, openSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Finding, Note } from '../../core/model.js';
import { atLeast, type Severity } from '../../core/severity.js';
import { buildReport } from '../../report/build.js';
import { redactSecretsIn } from '../../secrets/redact-text.js';
import { loadBuiltinRules } from '../../runtime/builtin-rules.js';
import { ListenError, parseListen, startListener } from '../../runtime/listener.js';
import { paceHeap } from '../../runtime/heap-pacer.js';
import { DetectSession } from '../../runtime/session.js';
import { loadRulePath } from '../../runtime/sigma/loader.js';
import type { AnyRule, EventKind, RuleProblem } from '../../runtime/sigma/types.js';
import { type Input, InputError, resolveInputs } from '../../runtime/sources/inputs.js';
import { readInputsScreened, startScreenThread, stopScreenThread, useScreenThread } from '../../runtime/sources/parallel.js';
import { followInput, readInput } from '../../runtime/sources/read.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { collectList, parseSeverityList, parseSeverityOption } from '../options.js';
import { checkOutput } from '../output.js';
import { writeReport } from '../write-report.js';
import { uploadReport, uploadTarget } from '../upload.js';
import { json } from '../../report/json.js';
import { resolveScanSettings } from '../scan-settings.js';
import { ruleSelector } from '../select.js';

interface DetectFlags {
  format?: string;
  config?: string;
  output?: string;
  severity?: string;
  failOn?: string;
  source: string;
  rules: string[];
  builtin: boolean;
  since?: string;
  until?: string;
  follow?: boolean;
  listen?: string;
  token?: string;
  quiet?: boolean;
  check?: string[];
  skipCheck?: string[];
  upload?: string;
  threads: string;
}

/**
 * JSON lines written as alerts happen, in batches of about 64 KiB (one write per alert costs a system
 * call each), to stdout or to the -o file. The file is opened without following a final symbolic link.
 */
class LineWriter {
  private pending: string[] = [];
  private size = 0;
  private readonly fd: number;
  /** `immediate`: --follow and --listen show each alert as it happens. */
  constructor(
    private readonly path: string | undefined,
    private readonly immediate = false,
  ) {
    if (!path) this.fd = 1;
    else {
      try {
        this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
      } catch (err) {
        throw new CliError(`cannot write ${path}: ${(err as Error).message}`);
      }
    }
  }
  line(text: string): void {
    this.pending.push(text, '\n');
    this.size += text.length + 1;
    if (this.immediate || this.size >= 65536) this.flush();
  }
  flush(): void {
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    try {
      if (this.fd === 1) process.stdout.write(text);
      else writeSync(this.fd, text);
    } catch (err) {
      throw new CliError(`cannot write ${this.path ?? 'stdout'}: ${(err as Error).message}`);
    }
  }
  close(): void {
    this.flush();
    if (this.fd !== 1) closeSync(this.fd);
  }
}

/** `fn` remembered for up to `max` distinct strings, then forgotten all at once (memory stays bounded). */
function boundedMemo(fn: (s: string) => string, max: number): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = fn(s);
      if (cache.size >= max) cache = new Map();
      cache.set(s, r);
    }
    return r;
  };
}

const SOURCES: Record<string, EventKind | undefined> = { auto: undefined, cloudtrail: 'cloudtrail', 'k8s-audit': 'k8s-audit', k8s: 'k8s-audit', falco: 'falco' };

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('run Sigma detections (built-in AI pack + --rules) over CloudTrail, Kubernetes audit and Falco events')
    .argument('[sources...]', 'event files or directories (.json, .jsonl, .gz, CloudTrail S3 layout), or - for stdin')
    .option('-f, --format <format>', 'table, json, jsonl, markdown, sarif (default: table)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--source <kind>', 'auto, cloudtrail, k8s-audit, falco', 'auto')
    .option('--rules <path>', 'more Sigma rules (file or directory; repeatable)', collectList, [])
    .option('--no-builtin', 'do not load the built-in AI rule pack')
    .option('--severity <list>', 'only report these severities (comma-separated)')
    .option('--fail-on <severity>', 'exit 1 when an alert at or above this severity fired')
    .option('--since <time>', 'ignore events before this time (ISO 8601, or a duration such as 24h, 7d before now)')
    .option('--until <time>', 'ignore events after this time (ISO 8601, or a duration before now)')
    .option('--follow', 'keep reading a growing JSON-lines file (Ctrl-C ends and writes the report)')
    .option('--listen <host:port>', 'receive falcosidekick webhook payloads (loopback unless --token is set)')
    // Its variable is AIGIS_LISTEN_TOKEN, set here so the generic AIGIS_<OPTION> mapping (program.ts)
    // does not also read AIGIS_TOKEN, which is the --upload token for an aigis server.
    .addOption(new Option('--token <token>', 'bearer token required by --listen (default: $AIGIS_LISTEN_TOKEN)').env('AIGIS_LISTEN_TOKEN'))
    .option('--check <ids>', 'only report these rule ids or globs (repeatable)', collectList)
    .option('--skip-check <ids>', 'never report these rule ids or globs (repeatable)', collectList)
    .option('--config <file>', 'settings file: its severity, fail-on, check and skip-check apply (default: ./aigis.yaml)')
    .option('--threads <n>', 'auto, 1 (one thread) or 2 (a second thread reads and screens the files; auto: with 2+ cores and 16 MiB+ of files)', 'auto')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--upload <url>', 'at the end, send the alerts (aigis JSON report) to an aigis server, e.g. https://aigis.example/api/v1/reports?project=NAME (token: $AIGIS_TOKEN)')
    .action(async (sources: string[], flags: DetectFlags) => {
      process.exitCode = await detectCommand(sources, flags);
    });
}

/** `2026-11-20T10:00:00Z`, `2026-11-20`, or a duration before now (`90m`, `24h`, `7d`). */
export function parseTimeOption(value: string, now = Date.now()): number {
  const d = /^(\d+)\s*([smhdw])$/.exec(value.trim());
  if (d) return now - Number(d[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[d[2] as 's']!;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new CliError(`invalid time "${value}" (use ISO 8601 such as 2026-11-20T10:00:00Z, or a duration such as 24h)`);
  return t;
}

export function loadRules(flags: { builtin: boolean; rules: string[] }): { rules: AnyRule[]; problems: RuleProblem[] } {
  const rules: AnyRule[] = [];
  const problems: RuleProblem[] = [];
  if (flags.builtin) {
    const b = loadBuiltinRules();
    rules.push(...b.rules);
    problems.push(...b.problems);
  }
  for (const p of flags.rules) {
    // A path the user named that is not there is a usage error (exit 2), like every other file flag: as
    // a note, a typo would run the built-in pack alone and pass the gate.
    if (!existsSync(p)) throw new CliError(`--rules ${p}: no such file or directory`);
    const r = loadRulePath(p);
    rules.push(...r.rules);
    problems.push(...r.problems);
  }
  return { rules, problems };
}

const FORMATS = ['table', 'json', 'jsonl', 'markdown', 'sarif'];

export async function detectCommand(sources: string[], rawFlags: DetectFlags): Promise<number> {
  // aigis.yaml (or --config): severity and fail-on, under the flags. No target tree here.
  const settings = await resolveScanSettings(undefined, { config: rawFlags.config, format: rawFlags.format, check: rawFlags.check, skipCheck: rawFlags.skipCheck }, process.cwd(), 'detect');
  const keepRule = await ruleSelector(settings.check, settings.skipCheck);
  const flags = { ...rawFlags, format: settings.format };
  if (!FORMATS.includes(flags.format)) throw new CliError(`unknown format "${rawFlags.format ?? flags.format}" for detect (use ${FORMATS.join(', ')})`);
  if (flags.output) checkOutput(flags.output);
  if (flags.upload) uploadTarget(flags.upload);
  const severities = flags.severity ? parseSeverityList(flags.severity) : settings.severities;
  const failOn: Severity | undefined = flags.failOn ? parseSeverityOption(flags.failOn) : settings.failOn;
  if (!(flags.source in SOURCES)) throw new CliError(`unknown --source "${flags.source}" (use ${Object.keys(SOURCES).join(', ')})`);
  if (!['auto', '1', '2'].includes(flags.threads)) throw new CliError(`invalid --threads "${flags.threads}" (use auto, 1 or 2)`);
  if (sources.length === 0 && !flags.listen) throw new CliError('give event files or directories, - for stdin, or --listen HOST:PORT');
  if (flags.follow && (sources.length !== 1 || sources[0] === '-')) throw new CliError('--follow takes exactly one file');
  const since = flags.since ? parseTimeOption(flags.since) : undefined;
  const until = flags.until ? parseTimeOption(flags.until) : undefined;
  const started = Date.now();

  // The inputs are resolved before the rules are loaded so that the screening thread, when it is used,
  // starts while they load (parallel.ts); an input error is still reported after the rules' own.
  let inputs: Input[] = [];
  let inputError: unknown;
  if (!flags.follow) {
    try {
      inputs = resolveInputs(sources);
    } catch (err) {
      inputError = err;
    }
  }
  const screened = !flags.listen && inputError === undefined && useScreenThread(since === undefined && until === undefined, inputs, flags.threads as 'auto' | '1' | '2');
  const thread = screened ? startScreenThread() : undefined;

  let loaded;
  try {
    loaded = loadRules(flags);
  } catch (err) {
    if (thread) stopScreenThread(thread);
    throw err;
  }
  const { rules, problems } = loaded;
  if (rules.length === 0) {
    if (thread) stopScreenThread(thread);
    // Say why each rule was refused: "no rules" alone leaves the user guessing.
    const why = problems.map((p) => `\n  ${p.file}${p.ruleId ? ` (rule ${p.ruleId})` : ''}: ${p.message}`).join('');
    throw new CliError(`no rules to run (${problems.length ? `every rule was refused:${why}` : '--no-builtin without --rules, or no .yml/.yaml files'})`);
  }
  // JSON lines (to stdout or -o) are written as alerts happen and not kept: constant memory for any input.
  const streaming = flags.format === 'jsonl';
  const writer = streaming ? new LineWriter(flags.output, !!(flags.follow || flags.listen)) : undefined;
  const keep = (f: Finding): boolean => (!severities || severities.includes(f.severity)) && (!keepRule || keepRule(f.ruleId));
  // Streamed alerts skip buildReport, so they get its redaction here, value by value (hitToFinding).
  const clean = streaming ? boundedMemo(redactSecretsIn, 20_000) : undefined;
  let worst: Finding['severity'] | undefined;
  const streamed: Finding[] = [];
  const session = new DetectSession(rules, {
    // A long run's memory stays flat (heap-pacer.ts).
    onRecord: paceHeap(),
    source: SOURCES[flags.source],
    since,
    until,
    keep: !streaming,
    refused: problems,
    clean,
    onFinding: streaming
      ? (f) => {
          if (!keep(f)) return;
          if (!worst || atLeast(f.severity, worst)) worst = f.severity;
          writer!.line(JSON.stringify(f));
          // --upload sends the alerts at the end, so a streaming run keeps them for that only.
          if (flags.upload) streamed.push(f);
        }
      : undefined,
  });
  const notes: Note[] = session.ruleNotes(problems);

  if (inputError !== undefined) {
    if (inputError instanceof InputError) throw new CliError(inputError.message);
    throw inputError;
  }
  if (flags.follow || flags.listen) {
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let server;
    if (flags.listen) {
      try {
        const { host, port } = parseListen(flags.listen);
        server = await startListener({ host, port, token: flags.token ?? process.env.AIGIS_LISTEN_TOKEN, onRecord: (r, o) => session.record(r, o) });
        const addr = server.address();
        const where = addr && typeof addr === 'object' ? `${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : flags.listen;
        process.stderr.write(`aigis: listening for falcosidekick webhooks on http://${where}\n`);
      } catch (err) {
        if (err instanceof ListenError) throw new CliError(err.message);
        throw new CliError(`cannot listen on ${flags.listen}: ${(err as Error).message}`);
      }
    }
    const work: Promise<void>[] = [];
    if (flags.follow) work.push(followInput(session, sources[0], stop.signal));
    else for (const input of inputs) work.push(readInput(session, input));
    await Promise.all(work);
    if (server) {
      await new Promise<void>((resolve) => (stop.signal.aborted ? resolve() : stop.signal.addEventListener('abort', () => resolve(), { once: true })));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  } else if (thread) {
    await readInputsScreened(session, inputs, thread);
  } else {
    for (const input of inputs) await readInput(session, input);
  }

  session.finish();
  writer?.close();
  const findings = session.findings.filter(keep);
  const s = session.stats;
  notes.push(...session.notes);
  // When they leave nothing to check, "No findings." alone would mislead: the table shows warnings.
  const level = s.events === 0 ? 'warning' : 'info';
  if (s.unrecognised) notes.push({ level, message: `${s.unrecognised} record(s) were not CloudTrail, Kubernetes audit or Falco events${flags.source !== 'auto' ? ` (read as --source ${flags.source})` : ''}`, source: 'detect' });
  if (s.outOfRange) notes.push({ level, message: `${s.outOfRange} event(s) outside --since/--until (or without a time) were skipped`, source: 'detect' });
  notes.push({ level: 'info', message: `${s.events} event(s) from ${s.inputs} input(s) checked against ${session.engine.detections.length} detection and ${session.engine.correlations.length} correlation rules`, source: 'detect' });
  const report = buildReport(
    'detect',
    { name: flags.listen ? `listen ${flags.listen}` : sources.join(' '), type: 'events' },
    {
      findings,
      suppressed: [],
      assets: [],
      notes,
      stats: { files: s.inputs, bytes: s.bytes, skipped: 0, durationMs: Date.now() - started },
      rules: session.firedRules(),
    },
  );
  if (!streaming) await writeReport(report, flags.format, flags.output);
  else if (!flags.quiet) for (const n of notes.filter((x) => x.level !== 'info')) process.stderr.write(`aigis: [${n.level}] ${n.path ? `${n.path}: ` : ''}${n.message}\n`);
  if (!flags.quiet && flags.format !== 'table' && (!flags.output || streaming)) {
    const warn = notes.filter((n) => n.level !== 'info').length;
    const alerts = streaming ? Object.values(session.counts).reduce((a, b) => a + b, 0) : findings.length;
    process.stderr.write(`aigis: ${s.events} events, ${alerts} alerts${s.malformed ? `, ${s.malformed} malformed records` : ''}${warn ? `, ${warn} notes` : ''}\n`);
  }
  if (flags.upload) await uploadReport(flags.upload, json(streaming ? { ...report, findings: streamed } : report, { color: false }), process.env, flags.quiet);
  const fired = streaming ? worst !== undefined && failOn !== undefined && atLeast(worst, failOn) : failOn !== undefined && findings.some((f) => atLeast(f.severity, failOn));
  return fired ? EXIT_FINDINGS : EXIT_OK;
}
