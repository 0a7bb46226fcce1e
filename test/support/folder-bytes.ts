// Every byte of every file under a folder, as one string: for tests that prove
// a secret or a refused answer was written nowhere (the database, its journal,
// the settings file).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function folderBytes(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'latin1')))).join('\n');
}
