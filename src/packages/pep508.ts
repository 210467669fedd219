/**
 * PEP 508 dependency specifiers (`name[extra1,extra2] (>=1.0,<2) ; python_version < "3.11"` and
 * `name @ https://…`). The grammar is small and regular; no maintained JS parser exists for it.
 */
import { pep503 } from './normalize.js';
import { pypiVersion } from '../vuln/versions.js';

export interface Requirement {
  name: string;
  extras: string[];
  /** Version specifier without parentheses or spaces, '' when none. */
  specifier: string;
  marker?: string;
  url?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

export function parseRequirement(input: string): Requirement | undefined {
  let s = input.trim();
  const m = NAME.exec(s);
  if (!m) return undefined;
  const name = pep503(m[1]);
  s = s.slice(m[0].length);
  let extras: string[] = [];
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return undefined;
    extras = s.slice(1, end).split(',').map((e) => e.trim()).filter(Boolean);
    s = s.slice(end + 1).trim();
  }
  let url: string | undefined;
  let marker: string | undefined;
  if (s.startsWith('@')) {
    // `name @ URL ; marker` — the marker must be separated from the URL by whitespace.
    const rest = s.slice(1).trim();
    const semi = rest.search(/\s;/);
    url = (semi >= 0 ? rest.slice(0, semi) : rest).trim();
    if (semi >= 0) marker = rest.slice(semi + 2).trim();
    return { name, extras, specifier: '', url, marker };
  }
  const semi = s.indexOf(';');
  let spec = semi >= 0 ? s.slice(0, semi) : s;
  if (semi >= 0) marker = s.slice(semi + 1).trim();
  spec = spec.trim();
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1);
  spec = spec.replace(/\s+/g, '');
  if (spec !== '' && !/^(?:(?:===|~=|==|!=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+)(?:,(?:===|~=|==|!=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+)*$/.test(spec)) return undefined;
  return { name, extras, specifier: spec, marker };
}

/** The single version a PEP 440 specifier allows (`==2.5.1`, `===2.5.1`), or undefined. */
export function pinnedVersion(specifier: string): string | undefined {
  const m = /^(?:===|==)([^,*]+)$/.exec(specifier);
  if (!m) return undefined;
  return specifier.startsWith('===') ? m[1] : (pypiVersion(m[1]) ?? undefined);
}
