/**
 * From command-line inputs to the files to lint, as a stream: directories are walked lazily so
 * 10,000 drafts never sit in memory at once.
 *
 * - a file named explicitly is always linted (`forced`), whatever its name or front matter;
 * - directories and globs follow the opt-in scope (the analysis decides; a README stays silent);
 *   a directory walk takes `.md` and `.markdown` files and skips `node_modules` and dot-folders;
 * - `!pattern` excludes walked files; `-` is stdin.
 * Trouble (a missing path, an unreadable folder, a symlink loop, a glob that matches nothing)
 * is reported through `note` and the walk goes on.
 */
import { promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { nodeHost } from '../../core/node/index';
import type { LintTask } from './lintFile';
import type { FileNote } from './report';

export interface ExpandContext {
  cwd: string;
  /** Project root: draft globs match paths relative to it (the config file's folder, else the git root). */
  root: string;
  /** Paths in SARIF and GitHub annotations are relative to this (the git root: the checkout). */
  reportRoot: string;
  /** Links to folders outside this (the git root, else the working folder) are not walked. */
  projectRoot?: string;
  note(note: FileNote): void;
  /** A glob or directory that yielded no file at all. */
  unmatched(input: string): void;
  /** stdin's text, read on demand; undefined when it is longer than maxFileSize allows (reading stopped). */
  readStdin(): Promise<string | undefined>;
  /** --stdin-filename: the path stdin stands for (globs, type hints). */
  stdinName?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIP_DIRS = new Set(['node_modules']);

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export async function* expandInputs(inputs: readonly string[], ctx: ExpandContext): AsyncGenerator<LintTask> {
  const excludes = inputs.filter((i) => i.startsWith('!')).map((i) => i.slice(1));
  const excluded = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
  const seen = new Set<string>();
  const makeTask = (abs: string, forced: boolean): LintTask => ({
    file: abs,
    display: toPosix(path.relative(ctx.cwd, abs)) || path.basename(abs),
    rootPath: relativeTo(ctx.reportRoot, abs),
    draftPath: relativeTo(ctx.root, abs),
    forced,
  });
  const once = (abs: string): boolean => {
    let real = abs;
    try {
      real = realpathSync(abs);
    } catch {
      // Vanished or a dangling link: lintTask reports it when it tries to read.
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };

  // Files named explicitly are linted as named, even when a directory walk reaches them first.
  const explicit = new Set<string>();
  const kinds: { input: string; kind: 'stdin' | 'file' | 'dir' | 'glob' | 'missing' | 'error'; abs: string; message?: string }[] = [];
  for (const input of inputs) {
    if (input.startsWith('!')) continue;
    if (input === '-') {
      kinds.push({ input, kind: 'stdin', abs: '' });
      continue;
    }
    const abs = path.resolve(ctx.cwd, input);
    try {
      const st = await fsp.stat(abs);
      if (st.isDirectory()) kinds.push({ input, kind: 'dir', abs });
      else {
        kinds.push({ input, kind: 'file', abs });
        try {
          explicit.add(realpathSync(abs));
        } catch {
          explicit.add(abs);
        }
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (picomatch.scan(input).isGlob) kinds.push({ input, kind: 'glob', abs });
      else if (code === 'ENOENT' || code === 'ENOTDIR') kinds.push({ input, kind: 'missing', abs });
      else kinds.push({ input, kind: 'error', abs, message: code === 'ELOOP' ? 'symbolic link loop' : code === 'EACCES' ? 'permission denied' : (err as Error).message });
    }
  }

  /** Drafts found by walking a folder or a glob: each once, minus exclusions and files named explicitly. */
  async function* fromWalk(input: string, found: AsyncIterable<string>) {
    let count = 0;
    for await (const abs of found) {
      count++;
      const rel = toPosix(path.relative(ctx.cwd, abs));
      if (excluded(rel) || explicit.has(realOrSelf(abs))) continue;
      if (once(abs)) yield makeTask(abs, false);
    }
    if (count === 0) ctx.unmatched(input);
  }

  for (const k of kinds) {
    switch (k.kind) {
      case 'stdin': {
        const text = await ctx.readStdin();
        const name = ctx.stdinName ? toPosix(ctx.stdinName) : '<stdin>';
        if (text === undefined) ctx.note({ path: name, message: 'skipped: stdin is longer than maxFileSize allows; it was not read whole', kind: 'skipped' });
        else yield { text, display: name, rootPath: name, draftPath: name, forced: true };
        break;
      }
      case 'missing':
        ctx.note({ path: k.input, message: 'no such file or directory', kind: 'error' });
        break;
      case 'error':
        ctx.note({ path: k.input, message: `cannot read: ${k.message}`, kind: 'error' });
        break;
      case 'file':
        if (once(k.abs)) yield makeTask(k.abs, true);
        break;
      case 'dir':
        yield* fromWalk(k.input, walk(k.abs, ctx, (p) => MARKDOWN.test(p)));
        break;
      case 'glob': {
        const scan = picomatch.scan(k.input);
        const base = path.resolve(ctx.cwd, scan.base || '.');
        const isMatch = picomatch(toPosix(path.relative(ctx.cwd, path.resolve(ctx.cwd, k.input))) || k.input, { dot: false });
        // Walk only what the glob can reach; a glob naming dot-folders or node_modules walks them too.
        const walkHidden = /(^|\/)(\.|node_modules)/.test(scan.glob);
        // A glob whose fixed part names no folder simply matches nothing.
        const baseExists = await fsp.stat(base).then((st) => st.isDirectory(), () => false);
        yield* fromWalk(k.input, baseExists ? walk(base, ctx, (p) => isMatch(toPosix(path.relative(ctx.cwd, p))), walkHidden) : noFiles());
        break;
      }
    }
  }
}

/** `abs` relative to `root` with forward slashes, or absolute when it lies outside. */
export function relativeTo(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return toPosix(inside ? rel : abs);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Depth-first, names sorted, symlinks followed once each; yields absolute file paths that `want`. */
async function* walk(dir: string, ctx: ExpandContext, want: (abs: string) => boolean, hidden = false): AsyncGenerator<string> {
  const visited = new Set<string>();
  async function* visit(d: string, ancestors: readonly string[]): AsyncGenerator<string> {
    let real: string;
    try {
      real = await fsp.realpath(d);
    } catch (err) {
      noteDirError(d, err as NodeJS.ErrnoException, ctx);
      return;
    }
    if (visited.has(real)) {
      // Reached again through a link: a loop back to a parent, or a second way to the same folder.
      const loop = ancestors.includes(real);
      ctx.note({ path: toPosix(path.relative(ctx.cwd, d)), message: loop ? 'skipped: symbolic link loop (it points back to a parent folder)' : 'skipped: a link to a folder already linted', kind: 'skipped' });
      return;
    }
    visited.add(real);
    const chain = [...ancestors, real];
    let names: string[];
    try {
      names = (await fsp.readdir(d)).sort();
    } catch (err) {
      noteDirError(d, err as NodeJS.ErrnoException, ctx);
      return;
    }
    for (const name of names) {
      const p = path.join(d, name);
      let st;
      try {
        // stat, not lstat: follow links to files and folders alike.
        st = await fsp.stat(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') ctx.note({ path: toPosix(path.relative(ctx.cwd, p)), message: 'skipped: symbolic link loop', kind: 'skipped' });
        // ENOENT: vanished since the listing, or a dangling link: nothing to lint.
        else if (code !== 'ENOENT' && want(p)) ctx.note({ path: toPosix(path.relative(ctx.cwd, p)), message: `cannot read: ${(err as Error).message}`, kind: 'error' });
        continue;
      }
      if (st.isDirectory()) {
        if (!hidden && (SKIP_DIRS.has(name) || name.startsWith('.'))) continue;
        if (ctx.projectRoot !== undefined && nodeHost.linksOutside(p, ctx.projectRoot)) {
          ctx.note({ path: toPosix(path.relative(ctx.cwd, p)), message: 'skipped: a symbolic link to a folder outside the project; it was not walked', kind: 'skipped' });
          continue;
        }
        yield* visit(p, chain);
      } else if (st.isFile() && want(p)) yield p;
    }
  }
  yield* visit(dir, []);
}

function noteDirError(d: string, err: NodeJS.ErrnoException, ctx: ExpandContext): void {
  const shown = toPosix(path.relative(ctx.cwd, d)) || '.';
  if (err.code === 'ENOENT') ctx.note({ path: shown, message: 'skipped: the folder disappeared during the run', kind: 'skipped' });
  else if (err.code === 'ELOOP') ctx.note({ path: shown, message: 'skipped: symbolic link loop', kind: 'skipped' });
  else if (err.code === 'EACCES' || err.code === 'EPERM') ctx.note({ path: shown, message: 'cannot read the folder: permission denied', kind: 'error' });
  else ctx.note({ path: shown, message: `cannot read the folder: ${err.message}`, kind: 'error' });
}

async function* noFiles(): AsyncIterable<string> {}
