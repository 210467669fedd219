/**
 * Chooses the target for a path given on the command line: a directory, a single file, or a
 * container image archive (`docker save` tar, OCI layout as a directory or a tar), recognised by
 * content rather than by extension.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Target, TargetOptions } from '../core/target.js';
import { DirectoryTarget } from './directory.js';
import { isImageLayoutDir, sniffImageArchive } from './image/detect.js';

import { TargetError } from './target-error.js';

export { TargetError };

export async function openTarget(targetPath: string, options: TargetOptions): Promise<Target> {
  let st;
  try {
    st = await stat(targetPath);
  } catch {
    throw new TargetError(`target not found: ${targetPath}`);
  }
  const name = targetPath;
  const abs = path.resolve(targetPath);
  // In an image, node_modules holds the installed npm packages that advisory matching must see.
  const imageOptions = { ...options, skipDirs: options.skipDirs.filter((d) => d !== 'node_modules') };
  if (st.isDirectory()) {
    if (await isImageLayoutDir(abs)) {
      const { ImageTarget, LayoutSource } = await imageSupport();
      return new ImageTarget(name, new LayoutSource(abs), imageOptions);
    }
    return new DirectoryTarget(name, abs, options);
  }
  if (st.isFile()) {
    let kind;
    try {
      kind = await sniffImageArchive(abs);
    } catch (err) {
      throw new TargetError(`cannot read target ${targetPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (kind === 'image' || kind === 'gzip-image') {
      const { ImageTarget, TarSource } = await imageSupport();
      // `docker save … | gzip`: read through the compression (slower: see docs/targets.md).
      return new ImageTarget(name, new TarSource(abs, kind === 'gzip-image'), imageOptions);
    }
    // A file named on the command line is read even through a symlink: the user chose it.
    const target = new DirectoryTarget(name, await realpath(abs), options, true);
    if (kind === 'tar') {
      // Scanned as one opaque file: say so rather than let "No findings" read as "nothing inside".
      target.notes.push({ level: 'warning', path: path.basename(abs), message: 'a tar archive that is not a container image (no manifest.json, oci-layout or repositories): its members are not scanned; extract it and scan the directory', source: 'target' });
    }
    return target;
  }
  throw new TargetError(`target is neither a file nor a directory: ${targetPath}`);
}

/** The image target and its tar reader, loaded only for images (directories and files do without). */
async function imageSupport() {
  const [{ ImageTarget }, { LayoutSource, TarSource }] = await Promise.all([import('./image/image-target.js'), import('./image/source.js')]);
  return { ImageTarget, LayoutSource, TarSource };
}
