/** Archive member names that would be written outside the extraction directory (zip slip). */
export function traversalReason(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL byte';
  if (/^([/\\]|[A-Za-z]:)/.test(name)) return 'is an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'climbs out of the extraction directory with ..';
  return undefined;
}
