import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { formatName } from '../format-name.js';
import { neutralise } from '../../report/safe-text.js';
import { ManifestError, parseManifest, rootDigest, type Manifest } from '../../integrity/manifest.js';
import { loadPublicKey, SignatureError, verifyBundle } from '../../integrity/signature.js';
import { verifyManifest, verifyOk } from '../../integrity/verify.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { parseJobs } from './hash.js';
import { progressReporter } from '../progress.js';

interface VerifyFlags {
  root?: string;
  signature?: string;
  publicKey?: string;
  jobs?: string;
  format: string;
  quiet?: boolean;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check files against an integrity manifest or an OpenSSF model-signing signature (exit 1 on any changed, missing or extra file)')
    .argument('[manifest]', 'manifest written by `aigis hash` (in-toto statement, sigstore bundle or sha256sum)')
    .option('--root <dir>', 'directory the manifest describes (default: the directory of the manifest, or the folder named after the model beside it)')
    .option('--signature <file>', 'OpenSSF model-signing signature (sigstore bundle with a DSSE envelope)')
    .option('--public-key <file>', 'PEM or DER elliptic-curve public key that signed --signature')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-j, --jobs <n>', 'at most this many hashing threads (default: number of cores; small jobs use fewer)')
    .option('-q, --quiet', 'print problems only')
    .action(async (manifestPath: string | undefined, flags: VerifyFlags) => {
      process.exitCode = await verifyCommand(manifestPath, flags);
    });
}

function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function verifyCommand(manifestPath: string | undefined, rawFlags: VerifyFlags): Promise<number> {
  const flags = { ...rawFlags, format: formatName(rawFlags.format) };
  if (flags.format !== 'text' && flags.format !== 'json') throw new CliError(`unknown format "${flags.format}" (use text or json)`);
  if (manifestPath && flags.signature) throw new CliError('give either a MANIFEST or --signature, not both');
  if (!manifestPath && !flags.signature) throw new CliError('missing MANIFEST (or --signature with --public-key)');
  if (flags.signature && !flags.publicKey) throw new CliError('--signature needs --public-key (keyless Sigstore verification needs the network and is not supported)');
  if (flags.publicKey && !flags.signature) throw new CliError('--public-key needs --signature');
  const concurrency = parseJobs(flags.jobs);
  const source = (flags.signature ?? manifestPath)!;
  const fail = (message: string): number => {
    process.stdout.write(flags.format === 'json' ? `${JSON.stringify({ ok: false, error: message })}\n` : `FAILED  ${message}\n`);
    return EXIT_FINDINGS;
  };

  let manifest: Manifest;
  try {
    if (flags.signature) {
      let keyText: Buffer;
      try {
        keyText = readFileSync(flags.publicKey!);
      } catch (e) {
        throw new CliError(`cannot read public key ${flags.publicKey}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const key = loadPublicKey(keyText);
      const statement = verifyBundle(readInput(flags.signature, 'signature'), key);
      manifest = parseManifest(JSON.stringify(statement));
    } else {
      manifest = parseManifest(readInput(manifestPath!, 'manifest'));
    }
  } catch (e) {
    if (e instanceof SignatureError) {
      if (/cannot read the public key|only elliptic|unsupported curve/.test(e.message)) throw new CliError(e.message);
      return fail(e.message);
    }
    if (e instanceof ManifestError) {
      if (/inconsistent/.test(e.message)) return fail(e.message);
      throw new CliError(e.message);
    }
    throw e;
  }

  const root = flags.root ?? defaultRoot(dirname(source), manifest);
  const report = progressReporter(!flags.quiet);
  let bytes = 0;
  const result = await verifyManifest(manifest, root, {
    concurrency,
    onProgress: report ? (b, files) => report({ files, total: manifest.entries.length, bytes: (bytes += b) }) : undefined,
    ignoreAbs: [source, ...(flags.publicKey ? [flags.publicKey] : [])],
  });
  if (report) process.stderr.write('\r\x1b[2K');
  const ok = verifyOk(result);
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({ ok, root, modelName: manifest.modelName, rootDigest: rootDigest(manifest.entries), signature: flags.signature ? 'valid' : undefined, ...result }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const c of result.changed) lines.push(`CHANGED  ${c.name} (expected ${c.expected.slice(0, 12)}…, got ${c.actual.slice(0, 12)}…)`);
    for (const m of result.missing) lines.push(`MISSING  ${m}`);
    for (const x of result.extra) lines.push(`EXTRA    ${x}`);
    for (const u of result.unreadable) lines.push(`UNREADABLE  ${u.name} (${u.reason})`);
    if (!flags.quiet) for (const m of result.matched) lines.push(`OK       ${m}`);
    const sig = flags.signature ? 'signature valid; ' : '';
    lines.push(
      ok
        ? `aigis verify: ${sig}all ${result.matched.length} files match`
        : `aigis verify: ${sig}${result.changed.length} changed, ${result.missing.length} missing, ${result.extra.length} extra, ${result.unreadable.length} unreadable (${result.matched.length} match)`,
    );
    // Nothing of the manifest is where it was looked for: most likely the wrong directory, not a tree
    // that lost every file.
    if (!flags.root && result.matched.length === 0 && result.changed.length === 0 && result.missing.length > 0) {
      lines.push(`aigis verify: none of the ${result.missing.length} listed files is under ${root}; if the files are elsewhere, name their directory with --root`);
    }
    // File names come from the manifest and the tree: neutralise control and bidi characters.
    process.stdout.write(`${lines.map(neutralise).join('\n')}\n`);
  }
  return ok ? EXIT_OK : EXIT_FINDINGS;
}

/**
 * Without --root: the manifest's directory when the files are there (manifest written inside the
 * model folder), else the folder named after the model beside it (`aigis hash models/ -o
 * models.manifest.json` writes the manifest next to `models/`).
 */
function defaultRoot(manifestDir: string, manifest: Manifest): string {
  const first = manifest.entries[0]?.name;
  if (!first || existsSync(join(manifestDir, first))) return manifestDir;
  const beside = join(manifestDir, manifest.modelName);
  const isDir = manifest.modelName !== '' && existsSync(beside) && statSync(beside).isDirectory();
  return isDir && existsSync(join(beside, first)) ? beside : manifestDir;
}
