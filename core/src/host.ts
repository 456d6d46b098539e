/**
 * What the core's hosts need of the machine they run on: reading a file, its size, the project
 * around it (its git root, its config file) and whether a path is a symbolic link out of that
 * project. The core itself touches no file system; the language server and the CLI share one Node
 * implementation of this (core/node/index.ts), so both find the same config file, stop at the same
 * root and refuse the same links.
 */
export interface Host {
  /** A file's bytes. Throws the system's error (its `code`: ENOENT, EACCES, EISDIR, ELOOP, ...) when it cannot be read. */
  readFile(path: string): Uint8Array;
  /** A file as text: UTF-8 with invalid bytes replaced and the byte order mark removed (config files). Throws as `readFile`. */
  readText(path: string): string;
  /** A file's size in bytes, known before it is read. Throws as `readFile`. */
  size(path: string): number;
  /** An existing regular file? Never throws (missing, unreadable, a folder: false). */
  isFile(path: string): boolean;
  /** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `start`, if any. */
  findGitRoot(start: string): string | undefined;
  /**
   * The config file that applies to `start`: searched in `start`, then in each parent up to
   * `gitRoot`. Without a git root only `start` itself is searched, so a file in a parent folder (a
   * home folder, /tmp) that belongs to no project never changes a verdict. `exists` lets the server
   * count an open, unsaved buffer as a file.
   */
  discoverConfigFile(start: string, gitRoot: string | undefined, exists?: (path: string) => boolean): string | undefined;
  /**
   * Does `path`, written as a path inside `root`, lead outside `root` once symbolic links are
   * resolved? Such a file is never read, so its text can never reach a diagnostic, an annotation
   * or an error message. False for a path outside `root` as written (the user's choice) and for
   * one that does not resolve (it cannot be read anyway).
   */
  linksOutside(path: string, root: string): boolean;
  /** Does `path` resolve (links followed) to a path inside `dir` (links followed too)? False when it does not resolve. */
  resolvesInside(path: string, dir: string): boolean;
}
