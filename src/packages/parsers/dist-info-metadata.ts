/**
 * Installed Python distributions: `site-packages/<name>-<version>.dist-info/METADATA` (core metadata,
 * RFC 822 style headers `Name:` and `Version:`), and the older `*.egg-info/PKG-INFO`.
 */
import { pep503 } from '../normalize.js';
import type { PackageParser, ParseOutput } from '../types.js';
import { ManifestError } from '../types.js';

export const distInfoMetadata: PackageParser = {
  id: 'dist-info-metadata',
  match: (info) => (info.name === 'metadata' && /\.dist-info\/METADATA$/i.test(info.path)) || (info.name === 'pkg-info' && /\.egg-info\/PKG-INFO$/i.test(info.path)),
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const lines = text.split(/\r?\n/);
    let name: string | undefined;
    let version: string | undefined;
    let nameLine = 1;
    for (let i = 0; i < lines.length && lines[i] !== ''; i++) {
      const m = /^(Name|Version):\s*(.+?)\s*$/i.exec(lines[i]);
      if (!m) continue;
      if (m[1].toLowerCase() === 'name' && name === undefined) {
        name = m[2];
        nameLine = i + 1;
      } else if (m[1].toLowerCase() === 'version' && version === undefined) version = m[2];
    }
    if (!name || !version) throw new ManifestError('no Name/Version header in the core metadata');
    out.entries.push({ ecosystem: 'PyPI', name: pep503(name), version, specifier: `==${version}`, pinned: true, direct: false, path, line: nameLine, source: 'installed' });
    return out;
  },
};
