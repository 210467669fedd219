/**
 * PGlite is one process's database: two `aigis serve` on the same data directory would corrupt it.
 * A lock file holding the owner's pid is created exclusively; a lock left by a dead process (crash,
 * SIGKILL) is taken over, a live owner is an error naming it. Several instances need PostgreSQL.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync, constants } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'aigis-serve.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new DataDirLockedError(`the data directory ${dir} is in use by aigis serve (pid ${owner}); run several instances on PostgreSQL (--database)`);
      }
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`cannot lock the data directory ${dir}`);
}
