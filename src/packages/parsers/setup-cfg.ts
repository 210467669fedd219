/**
 * setup.cfg (setuptools declarative config): `[options] install_requires` and
 * `[options.extras_require]`, values as INI multi-line continuation (indented lines). There is no
 * maintained JS reader of Python's configparser dialect; only these two keys matter here, so a
 * line reader that follows configparser's continuation and comment rules is enough.
 */
import { parseRequirement, pinnedVersion } from '../pep508.js';
import type { PackageParser, ParseOutput } from '../types.js';

interface Value {
  items: { text: string; line: number }[];
}

function readIni(text: string): Map<string, Map<string, Value>> {
  const sections = new Map<string, Map<string, Value>>();
  let section: Map<string, Value> | undefined;
  let current: Value | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const h = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (h) {
      section = new Map();
      sections.set(h[1].trim(), section);
      current = undefined;
      continue;
    }
    if (/^\s/.test(raw) && current) {
      current.items.push({ text: raw.replace(/\s+#.*$/, '').trim(), line: i + 1 });
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && section) {
      current = { items: [] };
      const first = kv[2].replace(/\s+#.*$/, '').trim();
      if (first) current.items.push({ text: first, line: i + 1 });
      section.set(kv[1].trim().toLowerCase(), current);
    }
  }
  return sections;
}

export const setupCfg: PackageParser = {
  id: 'setup-cfg',
  match: (info) => info.name === 'setup.cfg',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const ini = readIni(text);
    const add = (v: Value | undefined, scope?: string) => {
      for (const item of v?.items ?? []) {
        {
          const part = item.text;
          const req = parseRequirement(part);
          if (!req) {
            out.notes.push({ level: 'warning', path, message: `line ${item.line}: cannot parse requirement "${part.slice(0, 80)}"`, source: 'packages' });
            continue;
          }
          const version = req.url ? undefined : pinnedVersion(req.specifier);
          out.entries.push({
            ecosystem: 'PyPI', name: req.name, specifier: req.url ?? req.specifier, ...(version ? { version } : {}), pinned: version !== undefined,
            direct: true, path, line: item.line, source: 'manifest', ...(scope ? { scope } : {}),
          });
        }
      }
    };
    add(ini.get('options')?.get('install_requires'));
    for (const [extra, v] of ini.get('options.extras_require') ?? []) add(v, `extra:${extra}`);
    return out;
  },
};
