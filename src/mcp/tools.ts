/**
 * The tools of `aigis mcp`. Every tool is read-only: it parses files under the roots and answers from
 * memory. Only `probe` touches the network, and it exists only when the server was started with
 * `--allow-probe`. Descriptions are plain statements of what a tool does (a test runs aigis's own
 * `mcp/tool-poisoning` rule over them). Every answer is `structuredContent` that matches the tool's
 * output schema (src/mcp/schemas.ts) and the same JSON as text (triage: its narrative), redacted by
 * the report builder and bounded by src/mcp/page.ts.
 */
import { createHash } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ServerNotification } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { triageItems } from '../analyst/items.js';
import { explainPath, triageText } from '../analyst/narrative.js';
import { compareLocations, findingId, lookupFinding, lookupPath, pathFindings, sortedPaths } from '../analyst/rank.js';
import type { AssetKind, Finding, Report } from '../core/model.js';
import { SEVERITIES, severityRank } from '../core/severity.js';
import { renderRuleDoc } from '../report/rule-docs.js';
import { CliError } from '../cli/exit.js';
import type { ScanProgress } from '../cli/progress.js';
import { TargetError } from '../targets/target-error.js';
import { ConfinementError, type Roots } from './confine.js';
import { queryInventory } from './inventory.js';
import { bounded, CursorError, decodeCursor, DEFAULT_LIMIT, MAX_LIMIT, page } from './page.js';
import { outputSchemas } from './schemas.js';
import type { ReportCache } from './state.js';

export interface ToolContext {
  roots: Roots;
  cache: ReportCache;
  allowProbe: boolean;
}

const ASSET_KINDS = ['package', 'model', 'dataset', 'ai-service', 'ai-server', 'llm-provider', 'agent', 'mcp-server', 'gpu-workload', 'vector-store', 'cloud-resource', 'container-image', 'workload', 'application', 'secret'] as const satisfies readonly AssetKind[];

const pathArg = z.string().min(1).max(4096).describe('A directory, file or image archive (.tar) inside the server\'s roots; relative paths start at the first root');
const cursorArg = z.string().max(512).optional().describe('The nextCursor of the previous page, unchanged');
const limitArg = z.number().int().min(1).max(MAX_LIMIT).optional().describe(`Items per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}; pages are also cut at about 48 KB)`);

class ToolError extends Error {}

/**
 * A tool answer: the value as `structuredContent` (checked against the tool's output schema) and the
 * same JSON as text for clients that read only `content`.
 */
function json(value: unknown): CallToolResult {
  const text = JSON.stringify(value);
  return { content: [{ type: 'text', text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
}

/** Runs a tool body; refusals and bad input come back as tool errors the model can read. */
async function guarded(fn: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await fn();
  } catch (err) {
    const known = err instanceof ConfinementError || err instanceof CursorError || err instanceof ToolError || err instanceof CliError || err instanceof TargetError;
    const msg = known ? (err as Error).message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    return { isError: true, content: [{ type: 'text', text: msg }] };
  }
}

/** A compact finding for lists: what a model needs to pick one to look at. */
function findingSummary(f: Finding) {
  return {
    id: findingId(f),
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    location: f.location,
    message: f.message,
    ...(f.evidence ? { evidence: f.evidence } : {}),
    ...(f.assetId ? { assetId: f.assetId } : {}),
    ...(f.onPaths?.length ? { onPaths: f.onPaths } : {}),
  };
}

/** What a handler gets besides its arguments (the SDK's RequestHandlerExtra, the part used here). */
interface HandlerExtra {
  _meta?: { progressToken?: string | number };
  sendNotification: (n: ServerNotification) => Promise<void>;
}

/**
 * Progress notifications for a client that asked for them (a `progressToken`): files analysed of the
 * total, at most one a second. They also keep a client's request timeout from expiring on a long scan
 * (the SDK client's `resetTimeoutOnProgress`).
 */
function progressOf(extra: HandlerExtra): ScanProgress | undefined {
  const token = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  let last = 0;
  let sent = -1;
  return ({ files, total }) => {
    const now = Date.now();
    if (files <= sent || (now - last < 1000 && files < total)) return;
    last = now;
    sent = files;
    extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: files, total, message: `${files}/${total} files analysed` } }).catch(() => undefined);
  };
}

/**
 * Scans run one at a time (in arrival order): a client that fires many calls at once cannot multiply
 * the memory a scan may use. Shared by every connection of the process.
 */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export function registerTools(server: McpServer, ctx: ToolContext): void {
  const { roots, cache } = ctx;

  async function scanned(kind: 'scan' | 'bom', p: string, fresh: boolean, severity?: string[], onProgress?: ScanProgress): Promise<{ key: string; report: Report }> {
    const real = roots.resolve(p);
    const cacheKind = severity?.length ? `${kind}[${[...severity].sort().join(',')}]` : kind;
    if (!fresh) {
      const hit = cache.latest(cacheKind, real);
      if (hit) return hit;
    }
    const report = await serially(async (): Promise<Report> => {
      const { resolveScanSettings } = await import('../cli/scan-settings.js');
      if (kind === 'scan') {
        // As the programmatic scan() of src/index.ts, with progress for the client.
        const { scanReport } = await import('../cli/commands/scan.js');
        return scanReport(real, await resolveScanSettings(real, { severity: severity?.join(','), quiet: true }), { onProgress });
      }
      const { bomReport } = await import('../cli/commands/bom.js');
      return bomReport(real, await resolveScanSettings(real, { quiet: true }, process.cwd(), 'bom'), onProgress ?? false);
    });
    return { key: cache.put(cacheKind, report, real), report };
  }

  /**
   * The report a cursor names, or a fresh/cached one for the path. A cursor's key is the cached
   * report's key and a digest of the query (path and filters), so a cursor cannot page another query.
   */
  async function reportFor(kind: 'scan' | 'bom', query: Record<string, unknown>, cursor: string | undefined, fresh: boolean, severity?: string[], onProgress?: ScanProgress) {
    const sig = createHash('sha256').update(JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b, 'en')))).digest('base64url').slice(0, 12);
    if (cursor) {
      const c = decodeCursor(cursor);
      const [reportKey, cursorSig] = c.key.split('|');
      if (cursorSig !== sig) throw new CursorError('this cursor belongs to another query: pass the same arguments as for the first page');
      const report = cache.get(reportKey);
      if (!report) throw new CursorError('this cursor\'s results are no longer cached: call the tool again without a cursor');
      return { key: c.key, report, offset: c.offset };
    }
    const r = await scanned(kind, String(query.path), fresh, severity, onProgress);
    return { key: `${r.key}|${sig}`, report: r.report, offset: 0 };
  }

  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

  server.registerTool(
    'scan',
    {
      title: 'Scan a path',
      description: 'Scan a directory, file or container image archive under the allowed roots with aigis (secrets, unsafe model files, vulnerable AI packages, AI infrastructure and agent configuration, attack paths). Returns counts and one page of findings; secrets are redacted. Reads files only.',
      inputSchema: { path: pathArg, severity: z.array(z.enum(SEVERITIES)).max(5).optional().describe('Only these severities'), cursor: cursorArg, limit: limitArg },
      outputSchema: outputSchemas.scan,
      annotations: readOnly,
    },
    ({ path, severity, cursor, limit }, extra) =>
      guarded(async () => {
        const { key, report, offset } = await reportFor('scan', { path, severity }, cursor, true, severity, progressOf(extra));
        const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length]));
        return json({
          target: roots.display(report.target.name),
          summary: { findings: report.findings.length, bySeverity, suppressed: report.suppressed.length, assets: report.assets.length, attackPaths: report.paths?.items.length ?? 0, notes: report.notes.length, files: report.stats.files },
          findings: page(report.findings, key, offset, limit, findingSummary),
        });
      }),
  );

  server.registerTool(
    'list_findings',
    {
      title: 'List findings',
      description: 'List the findings of a path\'s last scan (scanning it if needed), most severe first, filtered by severity, rule id or rule domain (secret, tf, k8s/ray-dashboard-exposed), file, or whether they are on an attack path. Secrets are redacted.',
      inputSchema: {
        path: pathArg,
        severity: z.array(z.enum(SEVERITIES)).max(5).optional().describe('Only these severities'),
        ruleId: z.string().max(100).optional().describe('A rule id, or a domain such as secret or tf for all its rules'),
        file: z.string().max(400).optional().describe('Case-insensitive substring of the file path'),
        onPath: z.boolean().optional().describe('true: only findings on an attack path; false: only findings on none'),
        cursor: cursorArg,
        limit: limitArg,
      },
      outputSchema: outputSchemas.list_findings,
      annotations: readOnly,
    },
    ({ path, severity, ruleId, file, onPath, cursor, limit }, extra) =>
      guarded(async () => {
        const { key, report, offset } = await reportFor('scan', { path, severity, ruleId, file, onPath }, cursor, false, undefined, progressOf(extra));
        const domain = ruleId?.replace(/\/+$/, '');
        const needle = file?.toLowerCase();
        const hits = report.findings
          .filter(
            (f) =>
              (!severity?.length || severity.includes(f.severity)) &&
              (!domain || f.ruleId === domain || f.ruleId.startsWith(`${domain}/`)) &&
              (!needle || (f.location.path ?? '').toLowerCase().includes(needle)) &&
              (onPath === undefined || (f.onPaths?.length ?? 0) > 0 === onPath),
          )
          .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareLocations(a.location, b.location) || a.ruleId.localeCompare(b.ruleId, 'en'));
        return json({ target: roots.display(report.target.name), findings: page(hits, key, offset, limit, findingSummary) });
      }),
  );

  server.registerTool(
    'bom',
    {
      title: 'AI bill of materials',
      description: 'List the AI inventory of a path under the allowed roots: models, datasets, LLM providers, AI services and servers, agents, MCP servers, GPU workloads, vector stores and AI packages, with where each was seen and how they relate. Reads files only.',
      inputSchema: { path: pathArg, kind: z.enum(ASSET_KINDS).optional().describe('Only assets of this kind'), cursor: cursorArg, limit: limitArg },
      outputSchema: outputSchemas.bom,
      annotations: readOnly,
    },
    ({ path, kind, cursor, limit }, extra) =>
      guarded(async () => {
        const { key, report, offset } = await reportFor('bom', { path, kind }, cursor, true, undefined, progressOf(extra));
        const assets = kind ? report.assets.filter((a) => a.kind === kind) : report.assets;
        const counts: Record<string, number> = {};
        for (const a of report.assets) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
        return json({ target: roots.display(report.target.name), counts, assets: page(assets, key, offset, limit) });
      }),
  );

  server.registerTool(
    'query_inventory',
    {
      title: 'Query the AI inventory',
      description: 'Search the assets of a path (from its last scan, scanning it if needed): by kind, by text in the id or name, by a property and its value (property "format", value "pickle" finds pickle model files), or by relation to another asset (relatedTo "bedrock" finds what uses Amazon Bedrock). Each result lists where it was seen and which assets point at it.',
      inputSchema: {
        path: pathArg,
        kind: z.enum(ASSET_KINDS).optional().describe('Asset kind'),
        text: z.string().max(200).optional().describe('Case-insensitive substring of the asset id, name or version'),
        property: z.string().max(100).optional().describe('A property key the asset must have, such as format, provider, framework, service'),
        value: z.string().max(200).optional().describe('Case-insensitive substring of that property value (of any property when no key is given)'),
        relation: z.enum(['depends-on', 'serves', 'reads', 'writes', 'exposes', 'runs-on', 'runs', 'uses', 'assumes', 'grants', 'loads']).optional().describe('Relation type the asset must have'),
        relatedTo: z.string().max(200).optional().describe('Case-insensitive substring of the id of an asset it relates to'),
        cursor: cursorArg,
        limit: limitArg,
      },
      outputSchema: outputSchemas.query_inventory,
      annotations: readOnly,
    },
    ({ path, cursor, limit, ...q }, extra) =>
      guarded(async () => {
        const { key, report, offset } = await reportFor('scan', { path, ...q }, cursor, false, undefined, progressOf(extra));
        const hits = queryInventory(report.assets, q);
        return json({ target: roots.display(report.target.name), query: q, assets: page(hits, key, offset, limit) });
      }),
  );

  server.registerTool(
    'list_paths',
    {
      title: 'List attack paths',
      description: 'List the attack paths of a path (from its last scan, scanning it if needed), highest score first: each joins findings and inventory relations from an entry point (internet exposure, leaked credential, untrusted CI trigger, unsafe model file) to a target such as training data, a model store or an AI account. Optional filters narrow the list.',
      inputSchema: {
        path: pathArg,
        severity: z.array(z.enum(SEVERITIES)).max(5).optional().describe('Only paths of these severities'),
        minScore: z.number().min(0).max(100).optional().describe('Only paths scoring at least this (0..100)'),
        ruleId: z.string().max(100).optional().describe('Only paths of this path rule (path/…)'),
        asset: z.string().max(200).optional().describe('Case-insensitive substring of the id or name of an asset on the path (bedrock, aws_s3_bucket.training)'),
        cursor: cursorArg,
        limit: limitArg,
      },
      outputSchema: outputSchemas.list_paths,
      annotations: readOnly,
    },
    ({ path, severity, minScore, ruleId, asset, cursor, limit }, extra) =>
      guarded(async () => {
        const { key, report, offset } = await reportFor('scan', { path, severity, minScore, ruleId, asset }, cursor, false, undefined, progressOf(extra));
        const needle = asset?.toLowerCase();
        const paths = sortedPaths(report).filter(
          (p) =>
            (!severity?.length || severity.includes(p.severity)) &&
            (minScore === undefined || p.score >= minScore) &&
            (!ruleId || p.ruleId === ruleId) &&
            (!needle || p.steps.some((s) => s.assetId.toLowerCase().includes(needle) || s.assetName.toLowerCase().includes(needle))),
        );
        return json({
          target: roots.display(report.target.name),
          computed: report.paths !== undefined,
          omitted: report.paths?.omitted ?? 0,
          paths: page(paths, key, offset, limit, (p) => ({ id: p.id, ruleId: p.ruleId, title: p.title, severity: p.severity, score: p.score, entry: p.entry, target: p.target, steps: p.steps.length, variants: p.variants ?? 0 })),
        });
      }),
  );

  server.registerTool(
    'explain_path',
    {
      title: 'Explain an attack path',
      description: 'Explain one attack path of a path\'s last scan: every step with the asset, what the attacker gains, the finding and its file and line, and the changes that break the path.',
      inputSchema: { path: pathArg, pathId: z.string().min(1).max(100).describe('Attack path id (path-…) from list_paths') },
      outputSchema: outputSchemas.explain_path,
      annotations: readOnly,
    },
    ({ path, pathId }, extra) =>
      guarded(async () => {
        const { report } = await scanned('scan', path, false, undefined, progressOf(extra));
        const p = lookupPath(report, pathId);
        if (!p) throw new ToolError(`no attack path ${JSON.stringify(pathId)} in the last scan of this path; call list_paths`);
        return json({ text: explainPath(report, p), path: bounded(p), findings: pathFindings(report, p).map((f) => bounded(findingSummary(f))) });
      }),
  );

  server.registerTool(
    'show_finding',
    {
      title: 'Show a finding',
      description: 'Show one finding of a path\'s last scan in full (location, redacted evidence, message, references, attack paths it is on) with its rule documentation and the fix.',
      inputSchema: { path: pathArg, findingId: z.string().min(8).max(100).describe('The finding id from scan (its stable fingerprint) or a unique prefix of 8+ characters') },
      outputSchema: outputSchemas.show_finding,
      annotations: readOnly,
    },
    ({ path, findingId: id }, extra) =>
      guarded(async () => {
        const { report } = await scanned('scan', path, false, undefined, progressOf(extra));
        const f = lookupFinding(report, id);
        if (!f) throw new ToolError(`no finding ${JSON.stringify(id)} in the last scan of this path`);
        const rule = report.rules.find((r) => r.id === f.ruleId);
        return json(bounded({ finding: f, fix: f.remediation, ruleDoc: rule ? renderRuleDoc(rule) : undefined }));
      }),
  );

  server.registerTool(
    'triage',
    {
      title: 'Triage a path',
      description: 'What to fix first in a path\'s last scan (scanning it if needed): a short ranked plan, attack paths by score first, then the remaining findings by severity, each with the exact change. Deterministic text from the report.',
      inputSchema: { path: pathArg, top: z.number().int().min(1).max(50).optional().describe('Items shown (default 10)') },
      outputSchema: outputSchemas.triage,
      annotations: readOnly,
    },
    ({ path, top }, extra) =>
      guarded(async () => {
        const { report } = await scanned('scan', path, false, undefined, progressOf(extra));
        const shown = { ...report, target: { ...report.target, name: roots.display(report.target.name) } };
        const text = triageText(shown, { top });
        const { total, items } = triageItems(shown, top ?? 10);
        // The narrative is the text content (what a client without structured output shows); the
        // structured result carries the same ranking as data, and the text once more.
        const structured = JSON.parse(JSON.stringify({ target: shown.target.name, findings: report.findings.length, attackPaths: report.paths?.items.length ?? 0, total, items, text })) as Record<string, unknown>;
        return { content: [{ type: 'text', text }], structuredContent: structured };
      }),
  );

  server.registerTool(
    'detect',
    {
      title: 'Run detections over log files',
      description: 'Run aigis\'s built-in runtime detections (AI-related CloudTrail, Kubernetes audit and Falco rules) over event log files or directories under the allowed roots (.json, .jsonl, .gz). Returns the alerts; reads files only.',
      inputSchema: {
        files: z.array(pathArg).min(1).max(64).describe('Event files or directories'),
        source: z.enum(['auto', 'cloudtrail', 'k8s-audit', 'falco']).optional().describe('Event kind (default: detected per record)'),
        cursor: cursorArg,
        limit: limitArg,
      },
      outputSchema: outputSchemas.detect,
      annotations: readOnly,
    },
    ({ files, source, cursor, limit }) =>
      guarded(async () => {
        if (cursor) {
          const c = decodeCursor(cursor);
          const report = cache.get(c.key);
          if (!report) throw new CursorError('this cursor\'s results are no longer cached: call the tool again without a cursor');
          return json({ alerts: page(report.findings, c.key, c.offset, limit, findingSummary) });
        }
        const reals = files.map((f) => roots.resolve(f));
        const report = await serially(() => runDetect(reals, source ?? 'auto'));
        const key = cache.put('detect', report, reals.join('\0'));
        return json({ events: report.stats.files, notes: report.notes.map((n) => n.message).slice(0, 20), alerts: page(report.findings, key, 0, limit, findingSummary) });
      }),
  );

  if (ctx.allowProbe) {
    server.registerTool(
      'probe',
      {
        title: 'Probe an endpoint',
        description: 'Send a bounded set of HTTP requests to one AI endpoint the user is allowed to test (Ray, Jupyter, MLflow, Ollama, vLLM, MCP and others) to identify it and check whether it requires authentication. Enabled because the server was started with --allow-probe.',
        inputSchema: { url: z.string().min(1).max(2048).describe('URL or host:port of the endpoint') },
      outputSchema: outputSchemas.probe,
        annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
      },
      ({ url }) =>
        guarded(async () => {
          const [{ runProbe }, { parseTarget }] = await Promise.all([import('../probe/engine.js'), import('../probe/targets.js')]);
          let target;
          try {
            target = parseTarget(url);
          } catch (err) {
            throw new ToolError((err as Error).message);
          }
          const result = await runProbe([target]);
          return json(bounded({ target: target.href, requests: result.stats.requests, unreachable: result.stats.unreachable, findings: result.findings.map(findingSummary), assets: result.assets.map((a) => ({ id: a.id, kind: a.kind, name: a.name, version: a.version })) }));
        }),
    );
  }
}

/** The detect pipeline of `aigis detect` (built-in rules), over files already confined to the roots. */
async function runDetect(files: string[], source: 'auto' | 'cloudtrail' | 'k8s-audit' | 'falco'): Promise<Report> {
  const [{ loadBuiltinRules }, { DetectSession }, { resolveInputs, InputError }, { readInput }, { buildReport }] = await Promise.all([
    import('../runtime/builtin-rules.js'),
    import('../runtime/session.js'),
    import('../runtime/sources/inputs.js'),
    import('../runtime/sources/read.js'),
    import('../report/build.js'),
  ]);
  const { rules, problems } = loadBuiltinRules();
  const session = new DetectSession(rules, { source: source === 'auto' ? undefined : source, refused: problems });
  let inputs;
  try {
    inputs = resolveInputs(files);
  } catch (err) {
    if (err instanceof InputError) throw new ToolError(err.message);
    throw err;
  }
  for (const input of inputs) await readInput(session, input);
  session.finish();
  const s = session.stats;
  return buildReport('detect', { name: 'mcp detect', type: 'events' }, {
    findings: session.findings,
    suppressed: [],
    assets: [],
    notes: [...session.notes, { level: 'info', message: `${s.events} event(s) from ${s.inputs} input(s)`, source: 'detect' }],
    stats: { files: s.events, bytes: s.bytes, skipped: 0, durationMs: 0 },
    rules: session.firedRules(),
  });
}
