/**
 * Project config files (`.trustline.yaml`, `.trustline.yml`, `.trustline.json`).
 *
 * Each workspace folder uses the config the CLI would use when run from that folder:
 * the first folder, from the workspace folder upwards to the git root, that holds one
 * (docs/config.md, "Where it lives"). So the editor and CI read the same file.
 *
 * - The open buffer wins over the file on disk, so a config being typed applies as typed.
 * - Its problems are published as diagnostics on the config file itself.
 * - While the file does not parse (a YAML/JSON syntax error, typically half-way through
 *   an edit), the last config that did parse stays in force, so the drafts' diagnostics
 *   do not flicker; validation mistakes (a bad severity) only drop the value concerned,
 *   as config.ts decides.
 * - Several config files in one folder: the first of CONFIG_FILE_NAMES is used and the
 *   others get a warning saying so.
 *
 * Parsing and merging are the core's (config.ts), shared with the CLI.
 */
import * as path from 'node:path';
import { isAtOrBelow } from '../../core/node/index';
import { parseDocument } from 'yaml';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, LineIndex, configToSettings, parseConfigText, type TrustlineSettings } from '../../core/src/index';
import { configProblemToDiagnostic, ignoredConfigFileDiagnostic, linkedOutConfigDiagnostic, type RuleDocs } from './diagnostics';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { pathToUri, uriToPath, type Folder, type Workspace } from './workspace';

/** Config files are a few hundred bytes; anything this large is a mistake, not a config. */
const MAX_CONFIG_BYTES = 1_000_000;

interface FolderConfig {
  /** The settings layer that applies to the folder's drafts (undefined: no config file). */
  layer: Partial<TrustlineSettings> | undefined;
  /** The last layer read from a file that parsed, kept while the file is broken. */
  lastGood: Partial<TrustlineSettings> | undefined;
  /** Config file URIs we published diagnostics on, to clear them when the files go away. */
  published: Set<string>;
}

interface Candidate {
  name: string;
  fsPath: string;
  uri: string;
  text: string;
  version: number | undefined;
}

export interface ProjectConfigDeps {
  connection: Connection;
  log: Logger;
  store: DocumentStore;
  workspace: Workspace;
  docs: RuleDocs;
}

export class ProjectConfigs {
  private byFolder = new Map<string, FolderConfig>();
  /**
   * With no workspace folder at all (a client that sends neither folders nor a root), each
   * document's own folder stands in for one, as if the CLI ran there: read when a document
   * there first needs its settings, and kept in step like a workspace folder.
   */
  private documentFolders = new Map<string, Folder>();

  constructor(private readonly deps: ProjectConfigDeps) {}

  /** The project config layer for a document: its workspace folder's config (else its own folder's), if any. */
  layerFor(uri: string): Partial<TrustlineSettings> | undefined {
    const folder = this.deps.workspace.folderOf(uri) ?? this.documentFolder(uri);
    return folder ? this.byFolder.get(folder.uri)?.layer : undefined;
  }

  /** The document's own folder, standing in for a workspace folder when the client named none. */
  private documentFolder(uri: string): Folder | undefined {
    if (this.deps.workspace.all().length > 0) return undefined;
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    const fsPath = path.dirname(p);
    const key = pathToUri(fsPath);
    let folder = this.documentFolders.get(key);
    if (!folder) {
      folder = { uri: key, name: path.basename(fsPath), fsPath };
      this.documentFolders.set(key, folder);
      this.reload(folder);
    }
    return folder;
  }

  /** The folders configs are read for: the workspace folders, else the documents' own folders. */
  private folders(): readonly Folder[] {
    const workspace = this.deps.workspace.all();
    return workspace.length > 0 ? workspace : [...this.documentFolders.values()];
  }

  /**
   * The workspace folders a config file can apply to: those at or below the file's
   * folder (up to their git root). Empty when the URI is not a config file.
   */
  foldersOfConfigFile(uri: string): Folder[] {
    const p = uriToPath(uri);
    if (p === undefined || !(CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(p))) return [];
    const dir = path.dirname(p);
    return this.folders().filter((f) => {
      if (!isAtOrBelow(f.fsPath, dir)) return false;
      const git = this.deps.workspace.host.findGitRoot(f.fsPath);
      return git === undefined || isAtOrBelow(dir, git);
    });
  }

  /** Re-read every folder (start-up, folders added or removed). True when any layer changed. */
  reloadAll(): boolean {
    let changed = false;
    // Once the client names workspace folders, the documents' own folders no longer stand in.
    if (this.deps.workspace.all().length > 0) this.documentFolders.clear();
    const live = new Set(this.folders().map((f) => f.uri));
    for (const [uri, state] of this.byFolder) {
      if (live.has(uri)) continue;
      for (const u of state.published) this.publish(u, undefined, []);
      this.byFolder.delete(uri);
      changed = true;
    }
    for (const folder of this.folders()) changed = this.reload(folder) || changed;
    return changed;
  }

  /** Re-read one folder's config. True when the settings layer it contributes changed. */
  reload(folder: Folder): boolean {
    const state = this.byFolder.get(folder.uri) ?? { layer: undefined, lastGood: undefined, published: new Set<string>() };
    this.byFolder.set(folder.uri, state);
    const before = JSON.stringify(state.layer ?? null);

    const dir = this.configDir(folder);
    const root = this.deps.workspace.projectRoot(folder.fsPath);
    const published = new Set<string>();
    // A config file that is a symbolic link out of the project is never read (not from disk, not
    // from an open buffer): its values would apply, and its text could be quoted in a problem.
    const linked = dir === undefined ? [] : CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter((p) => this.deps.workspace.leavesFolder(p, folder.fsPath));
    for (const fsPath of linked) {
      const uri = this.openBuffer(fsPath)?.uri ?? pathToUri(fsPath);
      this.deps.log.once('warn', `Ignored ${fsPath}: it is a symbolic link to a file outside the project (${root}), so Trustline does not read it.`);
      this.publish(uri, undefined, [linkedOutConfigDiagnostic(this.deps.docs)]);
      published.add(uri);
    }
    const found = dir === undefined ? [] : CONFIG_FILE_NAMES.filter((name) => !linked.includes(path.join(dir, name))).map((name) => this.read(dir, name)).filter((c): c is Candidate => c !== undefined);
    const active = found[0];
    if (!active) {
      state.layer = undefined;
      state.lastGood = undefined;
    } else {
      const parsed = parseConfigText(active.text, active.name);
      const broken = hasSyntaxError(active.text);
      const lines = new LineIndex(active.text);
      const diagnostics = parsed.problems.map((p) => configProblemToDiagnostic(p, lines, this.deps.docs));
      if (broken && state.lastGood) {
        state.layer = state.lastGood;
        const first = diagnostics.find((d) => d.severity === DiagnosticSeverity.Error);
        if (first) first.message += ' Until this is fixed, Trustline keeps using the last version of this file that parsed.';
        this.deps.log.warn(`${active.fsPath} does not parse; keeping the last config that did.`);
      } else {
        // A file that never parsed still contributes what precedes its first error (config.ts keeps that part).
        state.layer = configToSettings(parsed.config);
        if (!broken) state.lastGood = state.layer;
      }
      this.deps.log.info(`Read ${active.fsPath}: ${parsed.problems.length} problem(s); settings: ${JSON.stringify(state.layer)}`);
      this.publish(active.uri, active.version, diagnostics);
      published.add(active.uri);
      for (const other of found.slice(1)) {
        this.publish(other.uri, other.version, [ignoredConfigFileDiagnostic(active.name, this.deps.docs)]);
        published.add(other.uri);
      }
    }
    for (const u of state.published) if (!published.has(u)) this.publish(u, undefined, []);
    state.published = published;
    return JSON.stringify(state.layer ?? null) !== before;
  }

  /** The folder holding the config that applies to a workspace folder, as the CLI finds it. */
  private configDir(folder: Folder): string | undefined {
    const { host } = this.deps.workspace;
    const exists = (p: string) => this.openBuffer(p) !== undefined || host.isFile(p);
    const file = host.discoverConfigFile(folder.fsPath, host.findGitRoot(folder.fsPath), exists);
    return file === undefined ? undefined : path.dirname(file);
  }

  private openBuffer(fsPath: string) {
    // Match by path, not URI string: clients differ in how they escape URIs (c%3A vs C:).
    return this.deps.store.all().find((d) => uriToPath(d.uri) === fsPath);
  }

  /** The text of one candidate config file: the open buffer, else the disk, else undefined. */
  private read(dir: string, name: string): Candidate | undefined {
    const fsPath = path.join(dir, name);
    const open = this.openBuffer(fsPath);
    if (open) return { name, fsPath, uri: open.uri, text: open.getText(), version: open.version };
    try {
      const size = this.deps.workspace.host.size(fsPath);
      if (size > MAX_CONFIG_BYTES) {
        this.deps.log.warn(`Ignored ${fsPath}: ${size} bytes is too large for a Trustline config file.`);
        return undefined;
      }
      // Without the byte order mark (editors hide it), so positions are counted without it.
      const text = this.deps.workspace.host.readText(fsPath);
      return { name, fsPath, uri: pathToUri(fsPath), text, version: undefined };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.deps.log.warn(`Could not read ${fsPath}: ${(err as Error).message}`);
      return undefined;
    }
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const params = version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
    this.deps.connection.sendDiagnostics(params).catch((err: unknown) => this.deps.log.error(`Could not publish diagnostics for ${uri}.`, err));
  }
}

/** Does the text fail to parse at all (as opposed to parsing into invalid values)? */
function hasSyntaxError(text: string): boolean {
  try {
    // Same parser and options as config.ts, so "broken" here means what its syntax problems mean.
    return parseDocument(text, { uniqueKeys: false, strict: false }).errors.length > 0;
  } catch {
    return true;
  }
}

