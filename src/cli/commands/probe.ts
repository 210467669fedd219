import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { atLeast, type Severity } from '../../core/severity.js';
import { buildReport } from '../../report/build.js';
import { FORMAT_NAMES, isFormatName } from '../../report/formats.js';
import { runProbe, DEFAULT_PROBE_OPTIONS } from '../../probe/engine.js';
import { makeAgents, send } from '../../probe/http.js';
import { JwtInputError, decodeToken, keysFromJwks } from '../../probe/jwt.js';
import type { JwtSettings } from '../../probe/jwt-check.js';
import { endpointsFromReport, parseTarget, parseTargetsFile, TargetParseError, type ProbeTarget } from '../../probe/targets.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { formatName, parseSeverityList, parseSeverityOption } from '../options.js';
import { checkOutput } from '../output.js';
import { writeReport } from '../write-report.js';

interface ProbeFlags {
  format: string;
  output?: string;
  severity?: string;
  failOn?: string;
  targets?: string;
  fromReport?: string;
  timeout: string;
  maxRequests: string;
  concurrency: string;
  insecure?: boolean;
  jwt?: string;
  jwks?: string;
  jwtKey?: string;
  quiet?: boolean;
}

export function registerProbe(program: Command): void {
  program
    .command('probe')
    .description('fingerprint live AI endpoints (Ray, Jupyter, MLflow, Ollama, vLLM, MCP …), check that they require authentication, and test JWT validation at the gateway')
    .argument('[targets...]', 'URLs or host:port of endpoints you are allowed to test')
    .option('-f, --format <format>', `${FORMAT_NAMES.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--targets <file>', 'more targets, one per line (# comments)')
    .option('--from-report <file>', 'probe the endpoint URLs found in an aigis JSON report (scan or bom --format json)')
    .option('--severity <list>', 'only report these severities (comma-separated)')
    .option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is reported')
    .option('--timeout <ms>', 'timeout per request in milliseconds', String(DEFAULT_PROBE_OPTIONS.timeoutMs))
    .option('--max-requests <n>', 'request budget per target for fingerprinting', String(DEFAULT_PROBE_OPTIONS.maxRequests))
    .option('--concurrency <n>', 'requests in flight at once, over all targets', String(DEFAULT_PROBE_OPTIONS.concurrency))
    .option('--insecure', 'continue past TLS certificate errors (they are still reported)')
    .option('--jwt <token>', 'a valid JWT (positive control) to test the gateway with forged variants (default: $AIGIS_PROBE_JWT)')
    .option('--jwks <url|file>', 'the issuer\'s JWKS (public keys) for the RS256→HS256 key-confusion variants')
    .option('--jwt-key <file|secret>', 'the signing key (HMAC secret, PKCS#8 PEM or private JWK) to sign exp/nbf/aud/iss variants')
    .option('-q, --quiet', 'no summary on stderr')
    .action(async (targets: string[], flags: ProbeFlags) => {
      process.exitCode = await probeCommand(targets, flags);
    });
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${flag} must be a positive integer, not "${value}"`);
  return n;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Every target named on the command line, in --targets and in --from-report, de-duplicated in order. */
export function collectTargets(args: string[], flags: Pick<ProbeFlags, 'targets' | 'fromReport'>): ProbeTarget[] {
  const raw = [...args];
  if (flags.targets) raw.push(...parseTargetsFile(readText(flags.targets, '--targets')));
  if (flags.fromReport) {
    let doc: unknown;
    try {
      doc = JSON.parse(readText(flags.fromReport, '--from-report'));
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`--from-report ${flags.fromReport} is not JSON (write it with --format json)`);
    }
    raw.push(...endpointsFromReport(doc));
  }
  const out: ProbeTarget[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    try {
      const t = parseTarget(r);
      if (!seen.has(t.href)) {
        seen.add(t.href);
        out.push(t);
      }
    } catch (err) {
      if (err instanceof TargetParseError) throw new CliError(err.message);
      throw err;
    }
  }
  return out;
}

async function loadJwks(source: string, timeoutMs: number, insecure: boolean): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) {
    const agents = makeAgents(1);
    try {
      const r = await send({ method: 'GET', url: source }, { timeoutMs, maxBytes: 1024 * 1024, insecure, agents });
      if (!r.ok) throw new CliError(`cannot fetch --jwks ${source}: ${r.error}`);
      if (r.response.status !== 200) throw new CliError(`cannot fetch --jwks ${source}: HTTP ${r.response.status}`);
      return JSON.parse(r.response.body);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`--jwks ${source} is not JSON`);
    } finally {
      agents.http.destroy();
      agents.https.destroy();
    }
  }
  try {
    return JSON.parse(readText(source, '--jwks'));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`--jwks ${source} is not JSON`);
  }
}

async function jwtSettings(flags: ProbeFlags, timeoutMs: number): Promise<JwtSettings | undefined> {
  const token = flags.jwt ?? process.env.AIGIS_PROBE_JWT;
  if (!token) {
    if (flags.jwks || flags.jwtKey) throw new CliError('--jwks and --jwt-key need --jwt (a valid token)');
    return undefined;
  }
  try {
    decodeToken(token);
    const publicKeys = flags.jwks ? keysFromJwks(await loadJwks(flags.jwks, timeoutMs, flags.insecure === true)) : [];
    let signingKey: string | undefined;
    if (flags.jwtKey !== undefined) {
      signingKey = existsSync(flags.jwtKey) ? readText(flags.jwtKey, '--jwt-key') : flags.jwtKey;
      if (!/^\s*(?:-----BEGIN|\{)/.test(signingKey)) signingKey = signingKey.replace(/\r?\n$/, '');
    }
    return { token: token.trim(), publicKeys, signingKey };
  } catch (err) {
    if (err instanceof JwtInputError) throw new CliError(err.message);
    throw err;
  }
}

export async function probeCommand(args: string[], rawFlags: ProbeFlags): Promise<number> {
  const flags = { ...rawFlags, format: formatName(rawFlags.format) };
  if (!isFormatName(flags.format)) throw new CliError(`unknown format "${flags.format}" (use ${FORMAT_NAMES.join(', ')})`);
  const severities = flags.severity ? parseSeverityList(flags.severity) : undefined;
  const failOn: Severity | undefined = flags.failOn ? parseSeverityOption(flags.failOn) : undefined;
  const timeoutMs = positiveInt(flags.timeout, '--timeout');
  const maxRequests = positiveInt(flags.maxRequests, '--max-requests');
  const concurrency = positiveInt(flags.concurrency, '--concurrency');
  // Fail on an unwritable --output before touching the network, not after.
  if (flags.output) checkOutput(flags.output);
  const targets = collectTargets(args, flags);
  if (!targets.length) throw new CliError('name the endpoints to probe (URL or host:port), or use --targets FILE / --from-report FILE');
  const jwt = await jwtSettings(flags, timeoutMs);

  const started = Date.now();
  const result = await runProbe(targets, { timeoutMs, maxRequests, concurrency, insecure: flags.insecure === true, jwt });
  const findings = severities ? result.findings.filter((f) => severities.includes(f.severity)) : result.findings;
  result.notes.push({ level: 'info', message: `${result.stats.requests} request(s) to ${targets.length} target(s), ${result.stats.unreachable} unreachable`, source: 'probe' });
  const name = targets.length <= 3 ? targets.map((t) => t.href).join(' ') : `${targets.length} endpoints`;
  const report = buildReport(
    'probe',
    { name, type: 'endpoints' },
    {
      findings,
      suppressed: [],
      assets: result.assets,
      notes: result.notes,
      stats: { files: targets.length, bytes: result.stats.bytes, skipped: result.stats.unreachable, durationMs: Date.now() - started },
      rules: result.rules,
    },
  );
  await writeReport(report, flags.format, flags.output);
  if (!flags.quiet && flags.format !== 'table' && !flags.output) {
    process.stderr.write(`aigis: ${targets.length} targets, ${result.stats.requests} requests, ${findings.length} findings\n`);
  }
  return failOn && findings.some((f) => atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
