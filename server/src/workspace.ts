/**
 * Workspace folders and the paths the core matches draft globs against.
 *
 * Draft globs such as `emails/**` are written relative to a workspace folder, so
 * a document's path is made relative to the innermost folder that holds it.
 * Documents outside every folder keep their absolute path (the default globs all
 * start with `**` and still match); untitled buffers have no path at all, so only
 * their front matter can opt them in.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import type { Host } from '../../core/src/index';

export interface Folder {
  uri: string;
  name: string;
  /** File system path, without a trailing separator. */
  fsPath: string;
}

/** A file: URI as a file system path, or undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export class Workspace {
  private folders: Folder[] = [];

  /** `host`: the file system the folders are on (nodeHost; the config files are read through it too). */
  constructor(readonly host: Host) {}

  /** Replace the folder list (initialize, or a workspace folders change). */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    const out: Folder[] = [];
    for (const f of folders) {
      const p = uriToPath(f.uri);
      // Virtual folders (vscode-vfs://) have no files the server could read; their
      // documents still get analysed, with paths relative to nothing.
      if (p === undefined) continue;
      out.push({ uri: f.uri, name: f.name, fsPath: trimSep(p) });
    }
    // Innermost first, so nested folders win over the folders that contain them.
    this.folders = out.sort((a, b) => b.fsPath.length - a.fsPath.length);
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((r) => r.uri));
    const keep: WorkspaceFolder[] = this.folders.filter((f) => !gone.has(f.uri)).map((f) => ({ uri: f.uri, name: f.name }));
    this.setFolders([...keep, ...added.filter((a) => !keep.some((k) => k.uri === a.uri))]);
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost workspace folder holding a document, if any. */
  folderOf(uri: string): Folder | undefined {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    return this.folders.find((f) => isInside(p, f.fsPath));
  }

  /**
   * Is this document inside a workspace folder as written, but a symbolic link (or under one) that
   * leads out of that folder's project: its git root, or the folder itself outside a repository,
   * the root the CLI would use there (and out of the folder itself, which may be a link of its
   * own)? Such a document is not analysed, so no text from outside the workspace ever reaches a
   * diagnostic or a hover. Documents outside every folder, and untitled ones, are not judged
   * (there is no workspace for them to leave).
   */
  linksOut(uri: string): boolean {
    const p = uriToPath(uri);
    if (p === undefined) return false;
    const folder = this.folders.find((f) => isInside(p, f.fsPath));
    return folder !== undefined && this.leavesFolder(p, folder.fsPath);
  }

  /**
   * The path the draft globs are matched against: workspace-relative with forward
   * slashes when the document is inside a folder, absolute otherwise, undefined for
   * documents that are not files (untitled).
   */
  draftPath(uri: string): string | undefined {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    const folder = this.folders.find((f) => isInside(p, f.fsPath));
    const rel = folder ? path.relative(folder.fsPath, p) : p;
    return rel.split(path.sep).join('/');
  }

  /** A workspace folder's project: the git repository holding it, else the folder itself (as the CLI decides). */
  projectRoot(folder: string): string {
    return this.host.findGitRoot(folder) ?? folder;
  }

  /**
   * Does `p`, inside the workspace folder `folder` as written, lead out of both the folder's project
   * and the folder itself once links are resolved? (A folder opened through a link of its own is
   * still the workspace.)
   */
  leavesFolder(p: string, folder: string): boolean {
    return this.host.linksOutside(p, this.projectRoot(folder)) && !this.host.resolvesInside(p, folder);
  }
}

function trimSep(p: string): string {
  return p.length > 1 && (p.endsWith('/') || p.endsWith('\\')) ? p.slice(0, -1) : p;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
