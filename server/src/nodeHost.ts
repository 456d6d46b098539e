/**
 * File-system look-ups that both Node hosts of the core need (the language server and
 * the CLI), so that both find the same project config file.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** True for an existing regular file; never throws (missing, unreadable, a folder: false). */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `start`, if any. */
export function findGitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
