/**
 * File-system look-ups that both Node hosts of the core need (the language server and
 * the CLI), so that both find the same project config file.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile } from './core/config';

/** True for an existing regular file; never throws (missing, unreadable, a folder: false). */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `start`, if any. */
/**
 * The config file that applies to `start`: searched in `start`, then in each parent up to the
 * root of the git repository holding it. Outside a git repository only `start` itself is
 * searched, so a file in a parent folder (a home folder, /tmp) that belongs to no project never
 * changes a verdict. `exists` lets the server count an open, unsaved buffer as a file.
 */
export function discoverConfigFile(start: string, gitRoot: string | undefined, exists: (p: string) => boolean = isFile): string | undefined {
  const from = path.resolve(start);
  return findConfigFile(from, exists, (dir) => (gitRoot === undefined ? true : path.resolve(dir) === gitRoot));
}

export function findGitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
