/**
 * Turns a document kind and its rules into an analyzer: each file is parsed once (memoised on the
 * ScanFile, so discovery and checks share the parse), and the rules run once per project view in the
 * pipeline's whole-target stage.
 */
import type { Analyzer, CollectedDocument, FinishOptions, Parser } from '../core/analyzer.js';
import { makeFinding } from '../core/finding.js';
import type { Asset, Finding, Note } from '../core/model.js';
import { kindReads, type DocumentKind, type PostureHit, type PostureRule } from './rule.js';

export interface PostureAnalyzerOptions<D, P> {
  kind: DocumentKind<D, P>;
  rules: PostureRule<P>[];
  /** Discovery over the same project views (assets with ids that hits can point at). */
  discover?(project: P): Asset[];
  /** Bump when results change for the same input. */
  version?: number;
}

type Parsed<D> = { document?: D; notes?: string[] };

/** The memoised parser of a kind: one parse per file per scan, whoever asks first. */
export function kindParser<D>(kind: DocumentKind<D, unknown>): Parser<Parsed<D>> {
  return {
    id: `document:${kind.name}`,
    parse: ({ text, info }) => (text === undefined ? { notes: ['not a text file'] } : kind.parse({ path: info.path, text })),
  };
}

export function postureAnalyzer<D, P>(opts: PostureAnalyzerOptions<D, P>): Analyzer {
  const { kind, rules } = opts;
  const parser = kindParser(kind as DocumentKind<D, unknown>);
  const source = `posture-${kind.name}`;
  return {
    name: source,
    scanner: 'misconfig',
    version: opts.version ?? 1,
    rules: rules.map((r) => r.meta),
    // A file of the kind over its size cap is taken too when the kind notes it (and is not read).
    match: (file) => (kind.noteTooLarge ? kind.match(file) : kindReads(kind, file)),
    async analyze(file) {
      if (file.size > kind.maxBytes) {
        return { notes: [{ level: 'warning', path: file.path, message: `${kind.name}: larger than ${kind.maxBytes} bytes; not read`, source }] };
      }
      await kind.ready?.();
      const parsed = await file.parsed(parser);
      const notes: Note[] = (parsed.notes ?? []).map((message) => ({ level: 'warning', path: file.path, message: `${kind.name}: ${message}`, source }));
      return { notes, document: parsed.document };
    },
    finish(collected: CollectedDocument[], finishOpts?: FinishOptions) {
      const docs = collected.map((c) => ({ path: c.file.path, document: c.document as D }));
      const findings: Finding[] = [];
      const assets: Asset[] = [];
      const notes: Note[] = [];
      for (const project of kind.project(docs)) {
        if (opts.discover) assets.push(...opts.discover(project));
        if (finishOpts?.inventoryOnly) continue; // the rules only report findings
        for (const rule of rules) {
          let hits: PostureHit[];
          try {
            hits = rule.check(project);
          } catch (err) {
            notes.push({ level: 'error', message: `${rule.meta.id}: ${err instanceof Error ? err.message : String(err)}`, source });
            continue;
          }
          for (const hit of hits) findings.push(hitToFinding(rule, hit));
        }
      }
      return { findings, assets, notes };
    },
  };
}

export function hitToFinding<P>(rule: PostureRule<P>, hit: PostureHit): Finding {
  return makeFinding(rule.meta, {
    location: { path: hit.path, startLine: hit.line, endLine: hit.endLine ?? hit.line },
    message: hit.message,
    evidence: hit.evidence,
    severity: hit.severity,
    remediation: hit.remediation,
    assetId: hit.assetId,
    properties: { ...hit.properties, ...aliasesOf(rule, hit) },
    fingerprintSalt: hit.key,
  });
}

/** The peer ids a finding answers to: the hit's own subset when it names one (possibly none), else the rule's. */
function aliasesOf<P>(rule: PostureRule<P>, hit: PostureHit): { aliases?: string[] } {
  const list = hit.aliases ?? rule.meta.aliases;
  return list?.length ? { aliases: list } : {};
}
