/**
 * Poetry and Pipfile version constraints: a bare version (`2.5.1`) means exactly that version in
 * Poetry; `==2.5.1` is exact everywhere; `^`, `~`, `*`, comparisons and lists are ranges. A table form
 * (`{version = "…", extras = […], optional = true}`) carries the same string; `git`/`path`/`url`
 * sources have no version.
 */
import { pinnedVersion } from '../pep508.js';
import { pypiVersion } from '../../vuln/versions.js';

export interface Constraint {
  specifier: string;
  version?: string;
  optional?: boolean;
}

export function poetryConstraint(spec: unknown, bareIsExact = true): Constraint {
  let s: string | undefined;
  let optional = false;
  if (typeof spec === 'string') s = spec;
  else if (Array.isArray(spec)) s = undefined; // multiple-constraint lists (per Python version): a range
  else if (spec && typeof spec === 'object') {
    const t = spec as Record<string, unknown>;
    if (typeof t.version === 'string') s = t.version;
    else for (const k of ['git', 'path', 'url', 'file']) if (typeof t[k] === 'string') return { specifier: `${k}:${t[k] as string}`, optional: t.optional === true };
    optional = t.optional === true;
  }
  if (s === undefined) return { specifier: '*', optional };
  const trimmed = s.trim().replace(/\s+/g, '');
  if (bareIsExact && /^[0-9]/.test(trimmed) && !/[*,<>=^~!]/.test(trimmed)) {
    const v = pypiVersion(trimmed);
    if (v) return { specifier: `==${trimmed}`, version: v, optional };
  }
  const v = pinnedVersion(trimmed);
  return { specifier: trimmed, ...(v ? { version: v } : {}), optional };
}
