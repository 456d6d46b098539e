/**
 * The Node implementation of the core's host services (core/src/host.ts), the one both Node
 * hosts of the core use (the language server and the CLI), so that both find the same project
 * config file and refuse the same links.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile, type Host } from '../src/index';

/** True for an existing regular file; never throws (missing, unreadable, a folder: false). */
function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function discoverConfigFile(start: string, gitRoot: string | undefined, exists: (p: string) => boolean = isFile): string | undefined {
  const from = path.resolve(start);
  return findConfigFile(from, exists, (dir) => (gitRoot === undefined ? true : path.resolve(dir) === gitRoot));
}

function findGitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * A draft or a `.trustline.yaml` in a cloned repository may be a link to a file anywhere on the
 * machine (`~/.ssh/id_rsa`, `/etc/passwd`): see Host.linksOutside.
 */
function linksOutside(p: string, root: string): boolean {
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

function resolvesInside(p: string, dir: string): boolean {
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

export const nodeHost: Host = {
  readFile: (p) => readFileSync(p),
  // TextDecoder drops the byte order mark, as editors hide it: positions are counted without it.
  readText: (p) => new TextDecoder('utf-8').decode(readFileSync(p)),
  size: (p) => statSync(p).size,
  isFile,
  findGitRoot,
  discoverConfigFile,
  linksOutside,
  resolvesInside,
};
