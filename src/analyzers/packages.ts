/**
 * The package inventory analyzer: every dependency manifest, lockfile and installed-package metadata
 * file becomes `package` assets (PyPI, npm, conda, Go modules) with file + line, AI packages classified by the
 * catalogue. Vulnerability matching happens later, in the `vuln` enricher, over these assets.
 * Note: `node_modules` is skipped by the directory walker by default; image targets include it.
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, FileInfo, ScanFile } from '../core/analyzer.js';
import { PACKAGE_PARSERS } from '../packages/parsers/index.js';
import { boundedEntries, withinBounds } from '../packages/bounds.js';
import { entriesToAssets } from '../packages/to-assets.js';
import type { PackageParser, ParseOutput } from '../packages/types.js';
import type { Asset } from '../core/model.js';
import { packageUrl } from '../packages/normalize.js';
import { unreadNote } from '../packages/unread.js';
import { MCP_SERVER_PACKAGE } from '../catalog/ai-packages.js';

/** Lockfiles of large monorepos reach tens of MB; beyond this they are skipped with a note. */
const MAX_MANIFEST_BYTES = 48 * 1024 * 1024;

function parserFor(file: FileInfo): PackageParser | undefined {
  return PACKAGE_PARSERS.find((p) => p.match(file));
}

/**
 * Manifests of ecosystems aigis does not inventory: the report says so (an info note per file)
 * rather than staying silent, so that an empty package list is not read as "no dependencies".
 */
const UNREAD_MANIFESTS: Record<string, string> = {
  'cargo.toml': 'Rust (crates.io)', 'cargo.lock': 'Rust (crates.io)', 'pom.xml': 'Java (Maven)', 'build.gradle': 'Java (Gradle)',
  'build.gradle.kts': 'Java (Gradle)', 'gemfile': 'Ruby (RubyGems)', 'gemfile.lock': 'Ruby (RubyGems)', 'composer.json': 'PHP (Packagist)',
  'composer.lock': 'PHP (Packagist)', 'packages.lock.json': '.NET (NuGet)', 'package.resolved': 'Swift (SwiftPM)', 'pubspec.lock': 'Dart (pub)',
  'mix.lock': 'Elixir (Hex)', 'renv.lock': 'R (CRAN)',
};

/** A project that publishes a packaged MCP server (`MCP_SERVER_PACKAGE` names) is one (issue 13.4), whatever its code looks like. */
function packagedMcpServer(project: NonNullable<ParseOutput['project']>, path: string): Asset | undefined {
  if (!MCP_SERVER_PACKAGE.test(project.name)) return undefined;
  return {
    id: `mcp-server:${project.name}`,
    kind: 'mcp-server',
    name: project.name,
    ...(project.version ? { version: project.version } : {}),
    locations: [{ path, startLine: project.line }],
    properties: { definedIn: 'package', package: project.name, ecosystem: project.ecosystem, transport: 'stdio' },
    relations: [{ type: 'depends-on', target: packageUrl(project.ecosystem, project.name) }],
    confidence: 0.85,
  };
}

export const packagesAnalyzer: Analyzer = {
  name: 'packages',
  version: 1,
  rules: [],
  match(file) {
    return parserFor(file) !== undefined || file.name in UNREAD_MANIFESTS || file.ext === '.csproj';
  },
  async analyze(file: ScanFile, ctx: AnalyzerContext): Promise<AnalyzerResult> {
    const parser = parserFor(file);
    if (!parser) {
      return { notes: [unreadNote(UNREAD_MANIFESTS[file.name] ?? '.NET (NuGet)', file.path)] };
    }
    if (file.size > MAX_MANIFEST_BYTES) {
      return { notes: [{ level: 'warning', path: file.path, message: `${parser.id}: file of ${file.size} bytes is over the ${MAX_MANIFEST_BYTES}-byte limit for manifests; not read`, source: 'packages' }] };
    }
    let text: string | undefined;
    try {
      text = await file.text();
    } catch (e) {
      return { notes: [{ level: 'warning', path: file.path, message: `${parser.id}: cannot read: ${(e as Error).message}`, source: 'packages' }] };
    }
    if (text === undefined) return { notes: [{ level: 'warning', path: file.path, message: `${parser.id}: binary content, not a manifest`, source: 'packages' }] };
    try {
      const out = await parser.parse(text, file.path, { open: (p) => ctx.open(p) });
      const { entries, note } = boundedEntries(out.entries, file.path, parser.id);
      const project = out.project && withinBounds({ name: out.project.name, version: out.project.version, specifier: '' }) ? out.project : undefined;
      const server = project ? packagedMcpServer(project, file.path) : undefined;
      return { assets: [...entriesToAssets(entries), ...(server ? [server] : [])], notes: note ? [...out.notes, note] : out.notes };
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0].slice(0, 200);
      return { notes: [{ level: 'warning', path: file.path, message: `${parser.id}: cannot parse (${msg}); dependencies of this file are not inventoried`, source: 'packages' }] };
    }
  },
};
