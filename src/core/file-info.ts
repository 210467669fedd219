import type { FileInfo } from './analyzer.js';

/** Builds the cheap FileInfo of a target-relative path. */
export function fileInfo(path: string, size: number, layer?: string): FileInfo {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  return { path, name, ext, size, layer };
}
