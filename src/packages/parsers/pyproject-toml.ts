/**
 * pyproject.toml: PEP 621 `[project] dependencies` and `optional-dependencies`, PEP 735
 * `[dependency-groups]`, uv's `[tool.uv] dev-dependencies`, and Poetry's `[tool.poetry.*dependencies]`
 * and groups. Parsed with smol-toml; lines are found by searching the text (smol-toml has no positions).
 */
import { parse as parseToml } from 'smol-toml';
import { escapeRe, LineFinder } from '../lines.js';
import { pep503 } from '../normalize.js';
import { parseRequirement, pinnedVersion } from '../pep508.js';
import { poetryConstraint } from './poetry-constraint.js';
import type { PackageEntry, PackageParser, ParseOutput } from '../types.js';

type Table = Record<string, unknown>;

function table(v: unknown): Table | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : undefined;
}

export function pep508Entries(list: unknown, path: string, finder: LineFinder, from: number, scope: string | undefined, out: ParseOutput): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (typeof item !== 'string') continue; // PEP 735 `{include-group = …}` tables
    const req = parseRequirement(item);
    const line = finder.find(new RegExp(`["']${escapeRe(item)}["']`), from);
    if (!req) {
      out.notes.push({ level: 'warning', path, message: `line ${line}: cannot parse dependency "${item.slice(0, 80)}"`, source: 'packages' });
      continue;
    }
    const version = req.url ? undefined : pinnedVersion(req.specifier);
    out.entries.push({
      ecosystem: 'PyPI', name: req.name, specifier: req.url ?? req.specifier, ...(version ? { version } : {}), pinned: version !== undefined,
      direct: true, path, line, source: 'manifest', ...(scope ? { scope } : {}),
    });
  }
}

function poetryEntries(deps: unknown, path: string, finder: LineFinder, header: RegExp, scope: string | undefined, out: ParseOutput): void {
  const t = table(deps);
  if (!t) return;
  const from = Math.max(0, finder.offset(header));
  for (const [rawName, spec] of Object.entries(t)) {
    if (rawName.toLowerCase() === 'python') continue;
    const name = pep503(rawName);
    const line = finder.find(new RegExp(`^\\s*["']?${escapeRe(rawName)}["']?\\s*=`, 'm'), from);
    const c = poetryConstraint(spec);
    out.entries.push({
      ecosystem: 'PyPI', name, specifier: c.specifier, ...(c.version ? { version: c.version } : {}), pinned: c.version !== undefined,
      direct: true, path, line, source: 'manifest', ...(scope ? { scope } : c.optional ? { scope: 'optional' } : {}),
    });
  }
}

export const pyprojectToml: PackageParser = {
  id: 'pyproject-toml',
  match: (info) => info.name === 'pyproject.toml',
  parse(text, path) {
    const out: ParseOutput = { entries: [] as PackageEntry[], notes: [] };
    const doc = parseToml(text) as Table;
    const finder = new LineFinder(text);
    const project = table(doc.project);
    if (project) {
      const at = Math.max(0, finder.offset(/^\[project\]/m));
      if (typeof project.name === 'string' && project.name) {
        out.project = { ecosystem: 'PyPI', name: pep503(project.name), version: typeof project.version === 'string' ? project.version : undefined, line: finder.find(/^\s*name\s*=/m, at), bin: table(project.scripts) !== undefined };
      }
      pep508Entries(project.dependencies, path, finder, at, undefined, out);
      for (const [extra, list] of Object.entries(table(project['optional-dependencies']) ?? {})) {
        pep508Entries(list, path, finder, Math.max(0, finder.offset(/^\[project\.optional-dependencies\]/m)), `extra:${extra}`, out);
      }
    }
    for (const [group, list] of Object.entries(table(doc['dependency-groups']) ?? {})) {
      pep508Entries(list, path, finder, Math.max(0, finder.offset(/^\[dependency-groups\]/m)), `group:${group}`, out);
    }
    const tool = table(doc.tool);
    const uv = table(tool?.uv);
    if (uv) pep508Entries(uv['dev-dependencies'], path, finder, Math.max(0, finder.offset(/^\[tool\.uv\]/m)), 'dev', out);
    const poetry = table(tool?.poetry);
    if (poetry) {
      poetryEntries(poetry.dependencies, path, finder, /^\[tool\.poetry\.dependencies\]/m, undefined, out);
      poetryEntries(poetry['dev-dependencies'], path, finder, /^\[tool\.poetry\.dev-dependencies\]/m, 'dev', out);
      for (const [group, g] of Object.entries(table(poetry.group) ?? {})) {
        poetryEntries(table(g)?.dependencies, path, finder, new RegExp(`^\\[tool\\.poetry\\.group\\.${escapeRe(group)}\\.dependencies\\]`, 'm'), `group:${group}`, out);
      }
    }
    return out;
  },
};
