import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Another running process has the data directory open. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * One process per PGlite data directory. PGlite takes no lock of its own, and two processes
 * writing the same files would corrupt them, so the directory's user keeps `<dataDir>.lock`
 * (beside it: the directory holds only PGlite's files) with its process id. A lock whose
 * process is gone (kill -9, power loss) is taken over. Returns the function that lets go.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (isRunning(holder)) {
      throw new DataDirInUseError(
        `The data directory ${dataDir} is in use by another Marsad process (pid ${holder}): stop that one first, or point DATA_DIR at another directory.`,
      );
    }
    rmSync(path, { force: true }); // left by a process that no longer runs
  }
  let held = true;
  const release = () => {
    if (held) rmSync(path, { force: true });
    held = false;
    process.removeListener('exit', release);
  };
  process.once('exit', release);
  return release;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}
