/**
 * File-system look-ups that both Node hosts of the core need (the language server and
 * the CLI), so that both find the same project config file.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile } from '../../core/src/config';

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

/**
 * Does `p`, written as a path inside `root`, lead outside `root` once symbolic links are resolved?
 * A draft or a `.trustline.yaml` in a cloned repository may be a link to a file anywhere on the
 * machine (`~/.ssh/id_rsa`, `/etc/passwd`); such a file is never read, so its text can never reach a
 * diagnostic, a CI annotation or an error message. A path that is outside `root` as written (a
 * file named on the command line) is the user's choice and not judged here; a path that does not
 * resolve (missing, a dangling link) cannot be read anyway: both are false.
 */
export function linksOutside(p: string, root: string): boolean {
  const abs = path.resolve(p);
  const top = path.resolve(root);
  if (!isAtOrBelow(abs, top)) return false;
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return false;
  }
  let realTop = top;
  try {
    realTop = realpathSync(top);
  } catch {
    // The root itself does not resolve: compare with it as written.
  }
  return !isAtOrBelow(real, realTop);
}

/** Does `p` resolve (links followed) to a path inside `dir` (links followed too)? False when it does not resolve. */
export function resolvesInside(p: string, dir: string): boolean {
  try {
    return isAtOrBelow(realpathSync(p), realpathSync(dir));
  } catch {
    return false;
  }
}

/** Is `child` the folder `parent` or inside it (paths as given, no links resolved)? */
export function isAtOrBelow(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
