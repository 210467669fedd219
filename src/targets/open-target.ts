/**
 * Chooses the target for a path given on the command line: a directory, a single file, or a
 * container image archive (`docker save` tar, OCI layout as a directory or a tar).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Target, TargetOptions } from '../core/target.js';
import { DirectoryTarget } from './directory.js';

export class TargetError extends Error {}

export async function openTarget(targetPath: string, options: TargetOptions): Promise<Target> {
  let st;
  try {
    st = await stat(targetPath);
  } catch {
    throw new TargetError(`target not found: ${targetPath}`);
  }
  const name = targetPath;
  if (st.isDirectory()) return new DirectoryTarget(name, path.resolve(targetPath), options);
  if (st.isFile()) return new DirectoryTarget(name, path.resolve(targetPath), options, true);
  throw new TargetError(`target is neither a file nor a directory: ${targetPath}`);
}
