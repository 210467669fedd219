/**
 * pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/).
 * There is no maintained JS parser for this format, and it is line-oriented, so this follows pip's own
 * reader (`pip/_internal/req/req_file.py`): join `\`-continued lines, drop `#` comments (at the start
 * or after whitespace), read global options (`-r`/`-c` includes, index options) and per-requirement
 * options (`--hash`), and parse each requirement as PEP 508 or as a URL/path.
 * Includes are resolved relative to the including file, inside the target only (via `ctx.open`).
 */
import type { FileInfo } from '../../core/analyzer.js';
import type { Note } from '../../core/model.js';
import { pep503 } from '../normalize.js';
import { parseRequirement, pinnedVersion } from '../pep508.js';
import type { PackageEntry, PackageParser, ParseContext, ParseOutput } from '../types.js';

const MAX_INCLUDE_DEPTH = 8;

/** Options that take a value and configure pip, not a requirement. */
const VALUE_OPTIONS = new Set([
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--no-binary', '--only-binary', '--trusted-host', '--use-feature', '--config-settings', '--global-option',
]);
const FLAG_OPTIONS = new Set(['--no-index', '--pre', '--prefer-binary', '--require-hashes']);

export function isRequirementsFile(info: FileInfo): boolean {
  const n = info.name;
  if (!n.endsWith('.txt') && !n.endsWith('.in')) return false;
  if (/(^|[-_.])(requirements|reqs|constraints)([-_.]|$)/.test(n) || /^requirements/.test(n)) return true;
  return /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(info.path);
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Joins continuation lines and strips comments, keeping the first physical line number. */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const physical = text.split(/\r?\n/);
  let buf = '';
  let start = 0;
  for (let i = 0; i < physical.length; i++) {
    let l = physical[i];
    if (buf === '') start = i + 1;
    // A comment ends the logical line even if it ends with a backslash (pip strips comments first).
    const c = l.search(/(^|\s)#/);
    if (c >= 0) l = l.slice(0, c);
    if (l.endsWith('\\') && c < 0) {
      buf += l.slice(0, -1) + ' ';
      continue;
    }
    buf += l;
    if (buf.trim() !== '') out.push({ text: buf.trim(), line: start });
    buf = '';
  }
  if (buf.trim() !== '') out.push({ text: buf.trim(), line: start });
  return out;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Resolves `ref` relative to the including file; undefined when it would leave the target. */
export function resolveInclude(from: string, ref: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(ref) || ref.startsWith('/')) return undefined;
  const parts = (dirOf(from) + ref).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

/** Name and version of a wheel or sdist file name (`torch-2.5.1+cu121-cp311-…whl`). */
function fromArchiveName(url: string): { name: string; version?: string } | undefined {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
  if (egg) return { name: pep503(egg[1]) };
  const file = decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() ?? '');
  const whl = /^([A-Za-z0-9_.]+)-([^-]+)(?:-[^-]+){2,3}\.whl$/.exec(file);
  if (whl) return { name: pep503(whl[1]), version: whl[2] };
  const sdist = /^([A-Za-z0-9_.-]+?)-(\d[^-]*)\.(?:tar\.gz|zip|tar\.bz2)$/.exec(file);
  if (sdist) return { name: pep503(sdist[1]), version: sdist[2] };
  return undefined;
}

async function parseFile(text: string, path: string, ctx: ParseContext, out: ParseOutput, seen: Set<string>, depth: number, constraint: boolean): Promise<void> {
  for (const { text: l, line } of logicalLines(text)) {
    const tokens = l.split(/\s+/);
    const first = tokens[0];
    if (first.startsWith('-')) {
      const [opt, inlineValue] = first.includes('=') ? [first.slice(0, first.indexOf('=')), first.slice(first.indexOf('=') + 1)] : [first, undefined];
      const value = inlineValue ?? tokens[1];
      if (opt === '-r' || opt === '--requirement' || opt === '-c' || opt === '--constraint') {
        if (!value) {
          out.notes.push({ level: 'warning', path, message: `line ${line}: ${opt} without a file name`, source: 'packages' });
          continue;
        }
        await include(path, line, value, ctx, out, seen, depth, opt === '-c' || opt === '--constraint');
      } else if (opt === '-e' || opt === '--editable') {
        // A local or VCS checkout: no version to match; keep the name when the URL gives one.
        const arch = value ? fromArchiveName(value) : undefined;
        if (arch) out.entries.push(entry(arch.name, '', undefined, path, line, constraint));
      } else if (!VALUE_OPTIONS.has(opt) && !FLAG_OPTIONS.has(opt)) {
        out.notes.push({ level: 'info', path, message: `line ${line}: unknown pip option ${opt} ignored`, source: 'packages' });
      }
      continue;
    }
    // Per-requirement options (`--hash=…`, `--config-settings …`) follow the requirement.
    const reqText = l.split(/\s+(?=--?[a-zA-Z])/)[0].trim();
    const req = parseRequirement(reqText);
    if (req && !req.url && !/^[./]/.test(reqText)) {
      const pinned = pinnedVersion(req.specifier);
      out.entries.push(entry(req.name, req.specifier, pinned, path, line, constraint));
      continue;
    }
    const arch = fromArchiveName(req?.url ?? reqText);
    if (arch) {
      out.entries.push(entry(req?.name ?? arch.name, req?.url ?? reqText, arch.version, path, line, constraint));
      continue;
    }
    if (/^[./]|^[a-z+]+:\/\//i.test(reqText) || req?.url) continue; // local path or URL without a name: nothing to match
    out.notes.push({ level: 'warning', path, message: `line ${line}: cannot parse requirement "${reqText.slice(0, 80)}"`, source: 'packages' });
  }
}

function entry(name: string, specifier: string, version: string | undefined, path: string, line: number, constraint: boolean): PackageEntry {
  return {
    ecosystem: 'PyPI', name, specifier, ...(version ? { version } : {}), pinned: version !== undefined, direct: !constraint, path, line, source: 'manifest',
    ...(constraint ? { scope: 'constraint' } : {}),
  };
}

async function include(from: string, line: number, ref: string, ctx: ParseContext, out: ParseOutput, seen: Set<string>, depth: number, constraint: boolean): Promise<void> {
  const target = resolveInclude(from, ref);
  const note = (message: string): void => void out.notes.push({ level: 'warning', path: from, message: `line ${line}: ${message}`, source: 'packages' } satisfies Note);
  if (!target) return note(`include "${ref}" points outside the target; not followed`);
  if (seen.has(target)) return; // already read (or a cycle)
  if (depth >= MAX_INCLUDE_DEPTH) return note(`include "${ref}" nested more than ${MAX_INCLUDE_DEPTH} levels; not followed`);
  const file = ctx.open(target);
  if (!file) return note(`included file "${ref}" is not in the target`);
  seen.add(target);
  // Files the analyzer reads on their own are not read twice; their entries come from their own scan.
  if (isRequirementsFile(file)) return;
  const text = await file.text();
  if (text === undefined) return note(`included file "${ref}" is binary or too large`);
  await parseFile(text, target, ctx, out, seen, depth + 1, constraint);
}

export const requirementsTxt: PackageParser = {
  id: 'requirements-txt',
  match: isRequirementsFile,
  async parse(text, path, ctx) {
    const out: ParseOutput = { entries: [], notes: [] };
    // A constraints file read on its own still only constrains: its entries are not direct requirements.
    const constraint = /(^|[-_.])constraints([-_.]|$)/.test(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
    await parseFile(text, path, ctx, out, new Set([path]), 0, constraint);
    return out;
  },
};
