/**
 * When and how each open draft is analysed, and what gets published.
 *
 * - One `Analyzer` per open document: it keeps the previous version's block
 *   results, so an edit re-parses only the blocks it touched.
 * - Opening analyses at once; typing analyses after `debounceMs` of quiet.
 * - Every scheduled run takes a ticket (`run`); anything newer (an edit, a
 *   settings change, a close) takes a new ticket, and a run whose ticket is no
 *   longer current after its one await (the settings) drops its result. The
 *   analysis itself is synchronous, so nothing can change under it after that
 *   check: diagnostics are never published for an old version or a closed document.
 */
import { performance } from 'node:perf_hooks';
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { Analyzer, DEFAULT_SETTINGS, analyzable, findingKeys, notAnalysed, type Analysis, type AnalyzeOptions } from '../../core/src/index';
import { toDiagnostic, type RuleDocs } from './diagnostics';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { DEFAULT_DEBOUNCE_MS, type DocumentSettings, type DocumentSettingsCache } from './settings';
import type { Workspace } from './workspace';

/** What the linter needs of an analyzer (tests substitute a failing one). */
export type DocumentAnalyzer = Pick<Analyzer, 'analyze'>;

interface DocState {
  analyzer: DocumentAnalyzer;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The ticket of the newest scheduled run. */
  run: number;
  /** Whether the last publish had diagnostics (so leaving scope must clear them). */
  showing: boolean;
  /** Last known debounce for this document (settings are async; a keystroke is not). */
  debounceMs: number;
  /** The newest analysis and the exact text and settings it was made from (hover, code actions, profile). */
  last: CurrentAnalysis | undefined;
}

/** One analysis of one version of a document, with what it was computed from. */
export interface CurrentAnalysis {
  uri: string;
  version: number;
  /** The document text the analysis (and every range in it) belongs to. */
  text: string;
  settings: DocumentSettings;
  analysis: Analysis;
}

export interface LinterDeps {
  connection: Connection;
  log: Logger;
  store: DocumentStore;
  settings: DocumentSettingsCache;
  workspace: Workspace;
  docs: RuleDocs;
  /** One per open document; defaults to the core's incremental Analyzer. */
  createAnalyzer?: () => DocumentAnalyzer;
  /** Called after each analysis that reached a result (published or cleared) and on close. */
  onDidAnalyze?: (uri: string, version: number | undefined) => void;
  /** Milliseconds, for the time budget per document; `performance.now` unless a test substitutes one. */
  clock?: () => number;
}

export class Linter {
  private states = new Map<string, DocState>();
  /** Documents already told about the size cap: say it once per document, not per keystroke. */
  private toldTooLarge = new Set<string>();
  private toldBinary = new Set<string>();
  /** Documents already told they took longer than the time budget (once per document, like the size cap). */
  private toldOverBudget = new Set<string>();
  /** Documents already told they are links out of the workspace (once per document). */
  private toldLinkedOut = new Set<string>();
  private tickets = 0;

  private readonly createAnalyzer: () => DocumentAnalyzer;
  private readonly clock: () => number;

  constructor(private readonly deps: LinterDeps) {
    this.createAnalyzer = deps.createAnalyzer ?? (() => new Analyzer());
    this.clock = deps.clock ?? (() => performance.now());
  }

  opened(uri: string): void {
    const previous = this.states.get(uri);
    if (previous?.timer) clearTimeout(previous.timer);
    // A fresh Analyzer: the reopened text may have nothing in common with the old one.
    this.states.set(uri, {
      analyzer: this.createAnalyzer(),
      timer: undefined,
      run: 0,
      showing: previous?.showing ?? false,
      debounceMs: previous?.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      last: undefined,
    });
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    const state = this.states.get(uri);
    if (state) this.schedule(uri, state.debounceMs);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    // Taking the state away is what cancels a run in flight: it finds no state and stops.
    this.states.delete(uri);
    this.deps.settings.clear(uri);
    // Always clear: the editor keeps diagnostics of closed files in the Problems view otherwise.
    this.publish(uri, undefined, []);
    this.deps.onDidAnalyze?.(uri, undefined);
  }

  /** Analyse every open draft again (settings or project config changed). */
  analyzeAll(): void {
    for (const uri of this.states.keys()) this.schedule(uri, 0);
  }

  has(uri: string): boolean {
    return this.states.has(uri);
  }

  /**
   * The analysis of the document as it is now, for hovers, code actions and the
   * profile: the last run's when the text and settings are unchanged since, else a
   * fresh one made here and now. Undefined when the document is not open, is not
   * markdown, looks binary, or cannot be analysed.
   *
   * The only await is for the settings; the text is read after it, and the
   * analysis is synchronous, so what is returned always matches `text` and
   * `version`: no edit can ever be computed on text older than the answer says.
   */
  async analysisFor(uri: string): Promise<CurrentAnalysis | undefined> {
    if (!this.states.has(uri) || !this.deps.store.get(uri)) return undefined;
    const settings = await this.settingsOf(uri);
    const state = this.states.get(uri);
    const doc = this.deps.store.get(uri);
    if (!state || !doc) return undefined;
    const text = doc.getText();
    const last = state.last;
    if (last && last.version === doc.version && last.settings === settings && last.text === text) return last;
    if (!isMarkdown(doc.languageId, uri) || this.deps.workspace.linksOut(uri)) return undefined;
    try {
      const analysis = this.analysisOf(uri, state, text, settings);
      if (analysis === 'binary') return undefined;
      state.last = { uri, version: doc.version, text, settings, analysis };
      return state.last;
    } catch (err) {
      this.deps.log.error(`Trustline could not analyse ${uri} (version ${doc.version}) for a hover or code action.`, err);
      state.analyzer = this.createAnalyzer();
      return undefined;
    }
  }

  /**
   * The analysis of one document's text: a page shipped with the extension is never a draft; an
   * enabled document goes through the core's gate first (analyzable.ts), which finds it binary
   * (nothing is analysed or shown for it) or too large.
   */
  private analysisOf(uri: string, state: DocState, text: string, settings: DocumentSettings): Analysis | 'binary' {
    if (this.deps.docs.isShipped(uri)) return notAnalysed(text, 'out-of-scope');
    if (settings.analysis.enable) {
      const gate = analyzable(text, settings.analysis.maxFileSize);
      // Text is refused for one of two reasons: binary, or too large.
      if (!gate.ok) return gate.reason === 'binary' ? 'binary' : notAnalysed(text, 'too-large');
    }
    return state.analyzer.analyze(text, this.options(uri, settings));
  }

  /** What the core gets for one document: its path for the draft globs, its settings, and the clock the time budget is held to. */
  private options(uri: string, settings: DocumentSettings): AnalyzeOptions {
    return { path: this.deps.workspace.draftPath(uri), settings: settings.analysis, clock: this.clock };
  }

  private async settingsOf(uri: string): Promise<DocumentSettings> {
    try {
      return await this.deps.settings.get(uri);
    } catch (err) {
      this.deps.log.error(`Could not read the settings for ${uri}; using the defaults this time.`, err);
      return { analysis: DEFAULT_SETTINGS, debounceMs: DEFAULT_DEBOUNCE_MS };
    }
  }

  private schedule(uri: string, delay: number): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    const ticket = ++this.tickets;
    state.run = ticket;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.run(uri, ticket).catch((err) => this.deps.log.error(`Analysis of ${uri} failed unexpectedly.`, err));
    }, delay);
  }

  private current(uri: string, state: DocState, ticket: number): boolean {
    return this.states.get(uri) === state && state.run === ticket;
  }

  private async run(uri: string, ticket: number): Promise<void> {
    const { store, log } = this.deps;
    const state = this.states.get(uri);
    const doc = store.get(uri);
    if (!state || !doc || state.run !== ticket) return;
    const version = doc.version;

    const settings = await this.settingsOf(uri);
    // Anything newer (an edit, a close, a settings change) has taken a new ticket by now.
    if (!this.current(uri, state, ticket) || store.get(uri) !== doc || doc.version !== version) {
      log.debug(`Dropped a stale run for ${uri} (version ${version}).`);
      return;
    }
    state.debounceMs = settings.debounceMs;

    const text = doc.getText();
    if (!isMarkdown(doc.languageId, uri)) {
      log.debug(`Not analysing ${uri}: language ${doc.languageId} is not markdown.`);
      return;
    }
    if (this.deps.workspace.linksOut(uri)) {
      this.tellLinkedOut(uri);
      this.clear(uri, state, version);
      this.deps.onDidAnalyze?.(uri, version);
      return;
    }

    let analysis: Analysis | 'binary';
    const started = performance.now();
    const last = state.last;
    try {
      // A hover or code action may already have analysed this very text (analysisFor).
      if (last && last.version === version && last.settings === settings && last.text === text) analysis = last.analysis;
      else analysis = this.analysisOf(uri, state, text, settings);
    } catch (err) {
      log.error(`Trustline could not analyse ${uri} (version ${version}); its diagnostics are cleared until the next edit. Please report this with the draft if you can.`, err);
      // The block cache may hold whatever half-finished state caused this: start clean next time.
      state.analyzer = this.createAnalyzer();
      this.clear(uri, state, version);
      return;
    }
    if (analysis === 'binary') {
      if (!this.toldBinary.has(uri)) {
        this.toldBinary.add(uri);
        log.warn(`Skipped ${uri}: it contains NUL characters, so it looks like a binary file, not a draft.`);
      }
      this.clear(uri, state, version);
      return;
    }
    const ms = performance.now() - started;
    state.last = { uri, version, text, settings, analysis };

    if (!analysis.analysed) {
      if (analysis.skipped === 'too-large') this.tellTooLarge(uri, text.length, settings.analysis.maxFileSize);
      else if (analysis.skipped === 'over-budget') this.tellOverBudget(uri, analysis, settings.analysis.timeBudgetMs);
      else log.debug(`Not analysing ${uri}: ${analysis.skipped === 'disabled' ? 'trustline.enable is false' : 'not a draft (no type:/trust: front matter and no draft glob matches)'}.`);
      this.clear(uri, state, version);
      this.deps.onDidAnalyze?.(uri, version);
      return;
    }

    const keys = findingKeys(analysis.findings);
    const diagnostics = analysis.findings.map((f, i) => toDiagnostic(f, this.deps.docs, keys[i]!));
    log.debug(
      () =>
        `Analysed ${uri} v${version} in ${ms.toFixed(1)} ms: ${analysis.parsedBlocks}/${analysis.totalBlocks} blocks parsed, ` +
        `${analysis.asks.length} asks, ${diagnostics.length} diagnostics.`,
    );
    this.publish(uri, version, diagnostics);
    state.showing = diagnostics.length > 0;
    this.deps.onDidAnalyze?.(uri, version);
  }

  /** Out of scope, disabled, skipped: take down what was shown, publish nothing otherwise. */
  private clear(uri: string, state: DocState, version: number): void {
    if (!state.showing) return;
    this.publish(uri, version, []);
    state.showing = false;
  }

  private tellTooLarge(uri: string, length: number, cap: number): void {
    const { log, connection } = this.deps;
    if (this.toldTooLarge.has(uri)) {
      log.debug(`Still skipping ${uri}: ${length} characters is above trustline.maxFileSize (${cap}).`);
      return;
    }
    this.toldTooLarge.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    const message =
      `Trustline skipped ${name}: it is ${length.toLocaleString('en-US')} characters long, above the ` +
      `trustline.maxFileSize limit of ${cap.toLocaleString('en-US')}. Raise the setting to check it.`;
    log.info(`${message} (${uri})`);
    // Once per document per session, as a notification rather than a diagnostic: a squiggle
    // on line 1 of a huge file would read as a problem in the draft, which it is not.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }).catch(() => undefined);
  }

  private tellLinkedOut(uri: string): void {
    const { log, connection } = this.deps;
    if (this.toldLinkedOut.has(uri)) {
      log.debug(`Still skipping ${uri}: a symbolic link out of the workspace.`);
      return;
    }
    this.toldLinkedOut.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    // Names the link, never its target's text.
    const message = `Trustline skipped ${name}: it is a symbolic link to a file outside the workspace, so it is not checked.`;
    log.info(`${message} (${uri})`);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }).catch(() => undefined);
  }

  private tellOverBudget(uri: string, analysis: Analysis, budget: number): void {
    const { log, connection } = this.deps;
    const read = `${analysis.parsedBlocks} of ${analysis.totalBlocks} blocks read`;
    if (this.toldOverBudget.has(uri)) {
      log.debug(`Still skipping ${uri}: over trustline.timeBudgetMs (${budget} ms; ${read}).`);
      return;
    }
    this.toldOverBudget.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    const message =
      `Trustline skipped ${name}: checking it took longer than the trustline.timeBudgetMs limit of ` +
      `${budget.toLocaleString('en-US')} ms, so it shows no findings. Raise the setting to check it.`;
    log.warn(`${message} (${uri}; ${read})`);
    // Once per document per session, as for the size cap: the draft is not at fault.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.deps.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((err: unknown) => {
      this.deps.log.error(`Could not publish diagnostics for ${uri}.`, err);
    });
  }
}

function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || /\.(md|markdown|mdown|mkd)$/i.test(uri);
}
