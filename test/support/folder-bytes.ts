// Every byte of every file under a folder, as one string: for tests that prove
// a secret or a refused answer was written nowhere (the database, its journal,
// the settings file).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function folderBytes(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  // SQLite removes its -shm and -wal files as the last connection closes: one listed may be gone by the read.
  const read = (file: string) =>
    readFile(file, 'latin1').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
  return (await Promise.all(files.map(read))).join('\n');
}
