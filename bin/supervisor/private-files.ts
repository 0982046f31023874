/**
 * At start, the database's files that an earlier version (or a copy) left readable by others are made
 * the owner's alone, and the operator is told in one line; a folder others can list is named, not changed
 * (it may be a home or a shared folder).
 */
import { databaseFiles, narrowFileModes, octal, openFolderMode } from '../../lib/util/file-modes';
import { dirname } from 'node:path';

/** Narrows the files of the database at `dbPath` (and `manifestPath`); the line to print, or null. */
export function narrowDatabaseFiles(dbPath: string, manifestPath: string): string | null {
  const narrowed = narrowFileModes(databaseFiles(dbPath, [manifestPath]));
  const folderMode = openFolderMode(dbPath);
  if (narrowed.length === 0 && folderMode === null) return null;
  const parts: string[] = [];
  if (narrowed.length > 0)
    parts.push(`made ${narrowed.map((f) => `${f.path} (was ${octal(f.fromMode)})`).join(', ')} readable by its owner only`);
  if (folderMode !== null)
    parts.push(
      `the folder ${dirname(dbPath)} is ${octal(folderMode)}: others can list it (not read the files); \`chmod 700 ${dirname(dbPath)}\` closes it`,
    );
  return `file modes: ${parts.join('; ')}`;
}
