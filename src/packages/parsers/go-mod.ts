/**
 * Go modules: `go.mod` (`require` lines and blocks; `// indirect` marks transitive requirements;
 * `replace` directives that point at another module version win, local-path replacements drop the
 * requirement since that code is the project's own) and `go.sum` (every module version the build
 * verified). Both are line formats with a published grammar (golang.org/ref/mod#go-mod-file) and no
 * maintained JavaScript parser, so they are read line by line here.
 */
import type { PackageEntry, PackageParser, ParseOutput } from '../types.js';

/** A module path as go.mod writes it (quoted or not); rejects anything that is not one. */
function modulePath(s: string): string | undefined {
  const p = s.replace(/^"|"$/g, '');
  return /^[A-Za-z0-9][A-Za-z0-9._~\-/+]*$/.test(p) && !p.includes('//') ? p : undefined;
}

function version(s: string): string | undefined {
  const v = s.replace(/^"|"$/g, '');
  return /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(v) ? v : undefined;
}

interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

export const goMod: PackageParser = {
  id: 'go-mod',
  match: (info) => info.name === 'go.mod',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const requires: Require[] = [];
    const replaced = new Map<string, { path: string; version: string } | null>();
    let block: 'require' | 'replace' | 'other' | undefined;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i];
      const comment = raw.indexOf('//');
      const indirect = comment >= 0 && /\/\/\s*indirect\b/.test(raw.slice(comment));
      const line = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
      if (!line) continue;
      if (block) {
        if (line === ')') {
          block = undefined;
          continue;
        }
        if (block === 'require') addRequire(line.split(/\s+/), indirect, i + 1);
        else if (block === 'replace') addReplace(line);
        continue;
      }
      const m = /^(require|replace|exclude|retract|tool|godebug|ignore)\s*(\(?)\s*(.*)$/.exec(line);
      if (!m) continue;
      const [, verb, open, rest] = m;
      if (open) {
        block = verb === 'require' ? 'require' : verb === 'replace' ? 'replace' : 'other';
        continue;
      }
      if (verb === 'require') addRequire(rest.split(/\s+/), indirect, i + 1);
      else if (verb === 'replace') addReplace(rest);
    }

    function addRequire(parts: string[], indirect: boolean, line: number) {
      const p = modulePath(parts[0] ?? '');
      const v = version(parts[1] ?? '');
      if (p && v) requires.push({ path: p, version: v, indirect, line });
      else out.notes.push({ level: 'warning', path, message: `line ${line}: cannot read require "${parts.join(' ').slice(0, 120)}"`, source: 'packages' });
    }
    function addReplace(spec: string) {
      const [from, to] = spec.split('=>').map((s) => s.trim().split(/\s+/));
      const fromPath = modulePath(from?.[0] ?? '');
      if (!fromPath || !to) return;
      const toPath = to[0] ?? '';
      // `=> ../local` or `=> ./fork`: the project's own code, not a downloaded module.
      if (/^\.{1,2}\//.test(toPath) || toPath.startsWith('/')) replaced.set(fromPath, null);
      else {
        const p = modulePath(toPath);
        const v = version(to[1] ?? '');
        if (p && v) replaced.set(fromPath, { path: p, version: v });
      }
    }

    for (const r of requires) {
      const rep = replaced.get(r.path);
      if (rep === null) continue;
      const mod = rep ?? { path: r.path, version: r.version };
      const entry: PackageEntry = {
        ecosystem: 'Go', name: mod.path, version: mod.version, specifier: mod.version, pinned: true, direct: !r.indirect, path, line: r.line, source: 'manifest',
        ...(r.indirect ? { scope: 'indirect' } : {}),
      };
      out.entries.push(entry);
    }
    return out;
  },
};

/** go.sum: `<module> <version>[/go.mod] h1:<hash>`; the `/go.mod`-only lines are modules whose code was not downloaded. */
export const goSum: PackageParser = {
  id: 'go-sum',
  match: (info) => info.name === 'go.sum',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const seen = new Set<string>();
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const parts = lines[i].trim().split(/\s+/);
      if (parts.length < 3 || parts[1].endsWith('/go.mod')) continue;
      const p = modulePath(parts[0]);
      const v = version(parts[1]);
      if (!p || !v || seen.has(`${p}@${v}`)) continue;
      seen.add(`${p}@${v}`);
      out.entries.push({ ecosystem: 'Go', name: p, version: v, specifier: v, pinned: true, direct: false, path, line: i + 1, source: 'lockfile' });
    }
    return out;
  },
};
