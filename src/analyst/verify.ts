/**
 * Checks a model's answer against the report it was given: every rule id, finding id, attack path id,
 * file and line it cites must exist there. A line that cites anything else is marked, never silently
 * kept: a model that read attacker-written text may have been steered to invent or redirect.
 */
import type { Location, Report } from '../core/model.js';

/** The rule domains aigis has (docs/rules/<domain>/), plus those of the report itself. */
const DOMAINS = ['agent', 'cfn', 'compose', 'detect', 'dockerfile', 'gha', 'k8s', 'mcp', 'model', 'probe', 'secret', 'tf', 'vuln', 'path', 'runtime', 'package', 'integrity'];

const MENTIONED_FILE = /(?<![\w/.-])((?:\.\/)?(?:[\w.@~+-]+\/)*[\w.@~+-]+\.[A-Za-z][A-Za-z0-9]{0,9})(?![\w/])/g;

interface Facts {
  rules: Set<string>;
  fingerprints: string[];
  paths: Set<string>;
  /** File path → line ranges seen there. */
  files: Map<string, Array<[number, number]>>;
  /** How places are written in text: `path` and `path!member`, each to its path. */
  spellings: Map<string, string>;
}

function facts(report: Report): Facts {
  const f: Facts = { rules: new Set(), fingerprints: [], paths: new Set(), files: new Map(), spellings: new Map() };
  const addLoc = (l: Location | undefined) => {
    if (!l?.path) return;
    f.spellings.set(l.path, l.path);
    if (l.member) {
      f.spellings.set(`${l.path}!${l.member}`, l.path);
      f.spellings.set(l.member, l.path);
    }
    const ranges = f.files.get(l.path) ?? [];
    if (l.startLine) ranges.push([l.startLine, l.endLine && l.endLine >= l.startLine ? l.endLine : l.startLine]);
    f.files.set(l.path, ranges);
  };
  for (const r of report.rules) f.rules.add(r.id);
  for (const x of [...report.findings, ...report.suppressed.map((s) => s.finding)]) {
    f.rules.add(x.ruleId);
    f.fingerprints.push(x.fingerprint);
    if (x.stableFingerprint) f.fingerprints.push(x.stableFingerprint);
    addLoc(x.location);
  }
  for (const p of report.paths?.items ?? []) {
    f.paths.add(p.id);
    f.rules.add(p.ruleId);
    for (const s of p.steps) {
      addLoc(s.location);
      if (s.finding) f.rules.add(s.finding.ruleId);
    }
  }
  for (const a of report.assets) for (const l of a.locations) addLoc(l);
  // Files named by aigis's own text (an example path in a rule's description or fix) are in the report
  // too, without lines. Messages and evidence quote scanned text, so a name planted there does not count.
  const texts = [...report.findings.map((x) => x.remediation), ...report.rules.flatMap((r) => [r.description, r.remediation])];
  for (const t of texts) {
    for (const m of t.matchAll(MENTIONED_FILE)) {
      const file = m[1].replace(/^\.\//, '');
      if (!f.files.has(file)) f.files.set(file, []);
    }
  }
  return f;
}

export interface Verified {
  text: string;
  /** One entry per marked line: what it cited that the report does not have. */
  unverified: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function verifyAnswer(answer: string, report: Report): Verified {
  const f = facts(report);
  const domains = new Set([...DOMAINS, ...[...f.rules].map((r) => r.split('/')[0])]);
  const RULE = new RegExp(`(?<![\\w./-])(?:${[...domains].map(escape).join('|')})/[a-z0-9][a-z0-9._-]*[a-z0-9](?:/[a-z0-9][a-z0-9._-]*[a-z0-9])*`, 'g');
  const RULE_WHOLE = new RegExp(`^${RULE.source}$`);
  const FILE_LINE = /(?<![\w/.-])((?:[\w.@~+-]+\/)*[\w@~+-][\w.@~+-]*\.[A-Za-z][A-Za-z0-9]{0,9})(?::(\d+)(?:-(\d+))?|,? (?:at |on )?lines? (\d+))/g;
  const FILE_PATH = /(?<![\w/.-])((?:[\w.@~+-]+\/)+[\w@~+-][\w.@~+-]*\.[A-Za-z][A-Za-z0-9]{0,9})(?![\w/])/g;
  // Places the report names are swapped for aliases first: a file name with spaces (or an archive
  // member after `!`) is then one token, checked as the path it stands for.
  const aliases = new Map<string, string>();
  const spelled = [...f.spellings.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b, 'en'));
  const aliased = (line: string): string => {
    let out = line;
    spelled.forEach((s, i) => {
      if (!out.includes(s)) return;
      const alias = `aigis-place-${i}.known`;
      aliases.set(alias, f.spellings.get(s)!);
      out = out.replace(new RegExp(`(?<![\\w./-])${escape(s)}(?![\\w/-]|\\.[A-Za-z])`, 'g'), alias);
    });
    return out;
  };
  const PATH_ID = /\bpath-[0-9a-z]{4,}\b/g;
  const HEX_ID = /(?<![\w-])[0-9a-f]{16,64}(?![\w-])/g;

  const fileKnown = (cited: string): string[] => {
    if (aliases.has(cited)) return [aliases.get(cited)!];
    const c = cited.replace(/^\.\//, '');
    return [...f.files.keys()].filter((k) => k === c || k.endsWith(`/${c}`));
  };
  const lineKnown = (cited: string, line: number): boolean => fileKnown(cited).some((k) => f.files.get(k)!.some(([a, b]) => line >= a && line <= b));

  const unverified: string[] = [];
  const out = answer.split('\n').map((line) => {
    const problems: string[] = [];
    const text = aliased(line.replace(/\bhttps?:\/\/\S+/g, ' '));
    for (const m of text.matchAll(RULE)) if (!f.rules.has(m[0])) problems.push(`rule ${m[0]}`);
    for (const m of text.matchAll(PATH_ID)) if (!f.paths.has(m[0])) problems.push(`path ${m[0]}`);
    for (const m of text.matchAll(HEX_ID)) if (!f.fingerprints.some((fp) => fp.startsWith(m[0]))) problems.push(`finding ${m[0]}`);
    const cited = new Set<string>();
    for (const m of text.matchAll(FILE_LINE)) {
      const file = m[1];
      const n = Number(m[2] ?? m[4]);
      cited.add(file);
      if (!fileKnown(file).length) problems.push(`file ${file}`);
      else if (!lineKnown(file, n)) problems.push(`line ${aliases.get(file) ?? file}:${n}`);
    }
    for (const m of text.matchAll(FILE_PATH)) {
      if (cited.has(m[1]) || RULE_WHOLE.test(m[1])) continue;
      if (!fileKnown(m[1]).length) problems.push(`file ${m[1]}`);
    }
    if (!problems.length) return line;
    const what = [...new Set(problems)].join(', ');
    unverified.push(what);
    return `[aigis: unverified, cites ${what}, not in the report] ${line}`;
  });
  return { text: out.join('\n'), unverified };
}
