/** One dependency seen in a manifest, lockfile or installed-package metadata. */
import type { FileInfo, ScanFile } from '../core/analyzer.js';
import type { Note } from '../core/model.js';

export type PackageEcosystem = 'PyPI' | 'npm' | 'conda' | 'Go';

export interface PackageEntry {
  ecosystem: PackageEcosystem;
  /** Normalised name (PEP 503 for PyPI). */
  name: string;
  /** Exact version when pinned, locked or installed. */
  version?: string;
  /** The requirement as written (`>=2.0,<3`, `^1.2.3`, `==2.5.1`); '' when none was given. */
  specifier: string;
  /** True when exactly one version can be installed (`==X`, exact npm version, lockfile, installed). */
  pinned: boolean;
  /** True when the project asks for it itself (manifest, or lockfile root); false for transitive/unknown. */
  direct: boolean;
  path: string;
  line: number;
  /** Where it came from: declared in a manifest, resolved in a lockfile, or installed on disk. */
  source: 'manifest' | 'lockfile' | 'installed';
  /** dev / optional / extra group when the format says so. */
  scope?: string;
}

export interface ParseOutput {
  entries: PackageEntry[];
  notes: Note[];
  /** The project the manifest itself declares (`package.json` `name`, `[project] name`), when it names one. */
  project?: { ecosystem: PackageEcosystem; name: string; version?: string; line: number; bin?: boolean };
}

export interface ParseContext {
  /** Opens another file of the same target (for `-r`/`-c` includes). */
  open(path: string): ScanFile | undefined;
}

export interface PackageParser {
  id: string;
  match(info: FileInfo): boolean;
  parse(text: string, path: string, ctx: ParseContext): ParseOutput | Promise<ParseOutput>;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}
