/**
 * Per-document settings: the `trustline` section of the editor's configuration,
 * asked for with the document's URI as scope (so folder settings apply), merged
 * with the project config file and cached until the configuration changes.
 *
 * Settings never live in server globals (vscode-eslint's rule): every analysis asks
 * `DocumentSettingsCache.get(uri)`, which costs a round trip only the first time.
 *
 * To add a setting, see docs/settings.md ("Adding a setting").
 */
import type { Connection } from 'vscode-languageserver/node';
import {
  CHECK_IDS,
  DEFAULT_SETTINGS,
  SEVERITY_SETTINGS,
  globProblem,
  maxFileSizeProblem,
  maxFindingsProblem,
  mergeSettings,
  parseTrust,
  suggest,
  timeBudgetProblem,
  type SeveritySetting,
  type TrustlineSettings,
} from '../../core/src/index';
import type { Logger, TraceSetting } from './logger';
import { parseTrace } from './logger';

/** Everything the server needs to handle one document. */
export interface DocumentSettings {
  /** What the core gets: defaults < editor settings < project config file. */
  analysis: TrustlineSettings;
  /** Quiet time after the last keystroke before a document is analysed again. */
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;
/** Longer than this and the underline would lag the writer's thinking, not their typing. */
const MAX_DEBOUNCE_MS = 10_000;

export const SECTION = 'trustline';

/** The editor's layer, as read from `trustline.*`: only the keys that were valid. */
export interface EditorSettings {
  analysis: Partial<TrustlineSettings>;
  debounceMs?: number;
  trace?: TraceSetting;
}

/**
 * Read the raw `trustline` configuration object. Anything of the wrong type is
 * ignored (the default applies) and reported once in the log, never thrown:
 * a typo in settings.json must not stop the linter.
 */
export function readEditorSettings(raw: unknown, warn: (message: string) => void): EditorSettings {
  const out: EditorSettings = { analysis: {} };
  if (raw === null || raw === undefined) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`trustline settings: expected an object, got ${JSON.stringify(raw)}; using the defaults.`);
    return out;
  }
  const r = raw as Record<string, unknown>;
  const a = out.analysis;
  const bad = (key: string, expected: string) => warn(`trustline.${key}: ${JSON.stringify(r[key])} is not ${expected}; using the default.`);

  if (r.enable !== undefined && r.enable !== null) {
    if (typeof r.enable === 'boolean') a.enable = r.enable;
    else bad('enable', 'true or false');
  }
  if (r.lintAllMarkdown !== undefined && r.lintAllMarkdown !== null) {
    if (typeof r.lintAllMarkdown === 'boolean') a.lintAllMarkdown = r.lintAllMarkdown;
    else bad('lintAllMarkdown', 'true or false');
  }
  if (r.defaultTrust !== undefined && r.defaultTrust !== null && r.defaultTrust !== '') {
    const level = parseTrust(r.defaultTrust);
    if (level !== undefined) a.defaultTrust = level;
    else bad('defaultTrust', 'a trust level (0-6, "5+" or a stage name such as "aware")');
  } else if (r.defaultTrust === null) {
    a.defaultTrust = null;
  }
  if (r.draftGlobs !== undefined && r.draftGlobs !== null) {
    if (Array.isArray(r.draftGlobs)) {
      const globs = r.draftGlobs.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
      if (globs.length !== r.draftGlobs.length) warn(`trustline.draftGlobs: entries that are not glob strings are ignored.`);
      const usable = globs.filter((g) => {
        const why = globProblem(g);
        if (why !== undefined) warn(`trustline.draftGlobs: "${g.slice(0, 80)}" is ignored. ${why}`);
        return why === undefined;
      });
      a.draftGlobs = usable;
    } else bad('draftGlobs', 'a list of globs');
  }
  if (r.maxFileSize !== undefined && r.maxFileSize !== null) {
    // 5000.7 is read as 5000; 0.5 becomes 0, below the range, and falls back to the default.
    const size = typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) ? Math.floor(r.maxFileSize) : r.maxFileSize;
    const why = maxFileSizeProblem(size);
    if (why === undefined) a.maxFileSize = size as number;
    else warn(`trustline.maxFileSize ${why}`);
  }
  // The two other limits the same way: a whole number in range, else the default and one message.
  for (const [key, problem] of [
    ['timeBudgetMs', timeBudgetProblem],
    ['maxFindings', maxFindingsProblem],
  ] as const) {
    const raw = r[key];
    if (raw === undefined || raw === null) continue;
    const value = typeof raw === 'number' && Number.isFinite(raw) ? Math.floor(raw) : raw;
    const why = problem(value);
    if (why === undefined) a[key] = value as number;
    else warn(`trustline.${key} ${why}`);
  }
  if (r.checks !== undefined && r.checks !== null) {
    if (typeof r.checks === 'object' && !Array.isArray(r.checks)) {
      const checks: Record<string, SeveritySetting> = {};
      for (const [id, value] of Object.entries(r.checks as Record<string, unknown>)) {
        // The settings UI writes "default" back when a user resets one entry.
        if (value === null || value === undefined || value === 'default') continue;
        if (!CHECK_IDS.includes(id)) {
          const hint = suggest(id, CHECK_IDS);
          warn(`trustline.checks: unknown check id "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; known ids: ${CHECK_IDS.join(', ')}.`);
          continue;
        }
        const sev = typeof value === 'string' ? value.trim().toLowerCase() : value === false ? 'off' : undefined;
        if (sev !== undefined && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) checks[id] = sev as SeveritySetting;
        else warn(`trustline.checks.${id}: ${JSON.stringify(value)} is not one of ${SEVERITY_SETTINGS.join(', ')}; the check keeps its default severity.`);
      }
      a.checks = checks;
    } else bad('checks', 'an object of check id -> severity');
  }
  if (r.debounceMs !== undefined && r.debounceMs !== null) {
    if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) out.debounceMs = Math.min(MAX_DEBOUNCE_MS, Math.floor(r.debounceMs));
    else bad('debounceMs', 'a number of milliseconds (0 or more)');
  }
  const trace = (r.trace as { server?: unknown } | undefined)?.server;
  if (trace !== undefined) {
    const t = parseTrace(trace);
    if (t) out.trace = t;
    else warn(`trustline.trace.server: ${JSON.stringify(trace)} is not off, messages or verbose.`);
  }
  return out;
}

/** The project config layer for a document, from projectConfig.ts. */
export type ProjectLayer = (uri: string) => Partial<TrustlineSettings> | undefined;

/**
 * Settings per document URI, fetched once and cached. `clear()` on any
 * configuration change (editor settings, a config file, workspace folders).
 */
export class DocumentSettingsCache {
  private cache = new Map<string, Promise<DocumentSettings>>();
  /** Whether a workspace/configuration error was logged (once, whatever its message). */
  private toldConfigurationError = false;
  /** Used when the client cannot answer workspace/configuration (it pushes settings instead). */
  private pushed: EditorSettings = { analysis: {} };

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly projectLayer: ProjectLayer,
    /** Whether the client answers workspace/configuration; decided at initialize. */
    private readonly pull: () => boolean,
  ) {}

  get(uri: string): Promise<DocumentSettings> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.resolve(uri);
      this.cache.set(uri, entry);
      // A failed request must not be cached for good: the next analysis asks again.
      entry.catch(() => this.cache.delete(uri));
    }
    return entry;
  }

  /** Forget one document (closed) or every document (configuration changed). */
  clear(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }

  /** Settings pushed by a client without workspace/configuration (didChangeConfiguration's payload). */
  setPushed(raw: unknown): void {
    this.pushed = readEditorSettings((raw as Record<string, unknown> | null | undefined)?.[SECTION], (m) => this.log.once('warn', m));
  }

  /** The window-wide part of the configuration (trace), read without a scope. */
  async readGlobal(): Promise<EditorSettings> {
    if (!this.pull()) return this.pushed;
    return this.ask({ section: SECTION });
  }

  /**
   * One workspace/configuration round trip. A client that answers with an error costs one
   * line in the log for the life of the server, not a stack trace per analysis: the settings
   * it pushed, if any, else the defaults apply, and the server keeps answering.
   */
  private async ask(item: { scopeUri?: string; section: string }): Promise<EditorSettings> {
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration(item);
    } catch (err) {
      if (this.toldConfigurationError) return this.pushed;
      this.toldConfigurationError = true;
      const why = err instanceof Error ? err.message : String(err);
      this.log.warn(`The editor answered workspace/configuration with an error (${why}); Trustline uses ${this.pushedAny ? 'the settings it pushed' : 'its default settings'} until the settings change.`);
      return this.pushed;
    }
    return readEditorSettings(raw, (m) => this.log.once('warn', m));
  }

  /** Whether the client ever pushed settings in didChangeConfiguration. */
  private get pushedAny(): boolean {
    return Object.keys(this.pushed.analysis).length > 0 || this.pushed.debounceMs !== undefined;
  }

  private async resolve(uri: string): Promise<DocumentSettings> {
    let editor = this.pushed;
    if (this.pull()) editor = await this.ask({ scopeUri: uri, section: SECTION });
    // Precedence as config.ts documents it: the project file beats the editor,
    // because it is what CI reads (the editor and the pipeline must agree).
    const project = this.projectLayer(uri);
    const analysis = project ? mergeSettings(DEFAULT_SETTINGS, editor.analysis, project) : mergeSettings(DEFAULT_SETTINGS, editor.analysis);
    const settings: DocumentSettings = { analysis, debounceMs: editor.debounceMs ?? DEFAULT_DEBOUNCE_MS };
    this.log.debug(() => `settings for ${uri}: ${JSON.stringify({ ...settings.analysis, debounceMs: settings.debounceMs })}`);
    return settings;
  }
}
