/**
 * The analysis pipeline: text in, profile + asks + findings out. `Analyzer.analyze` is the list of
 * stages, each in its own module under `pipeline/`:
 *
 *   frontMatter.ts    settings over their defaults; enabled, not too large, front matter, a draft?
 *   readBlocks.ts     body cut into blocks, each read once (cached by text), within the time budget
 *   sentences.ts      sentences, asks and pressure with absolute ranges; the body's statistics
 *   profile.ts        type, channel and trust, and where each came from
 *   trainedReader.ts  the trained reader's second opinion on every sentence
 *   commands.ts       install commands written out in a post or an ad; setup steps over code in a README
 *   feedback.ts       requests for feedback in a post, and the questions listed under them
 *   audience.ts       asks as the profile's audience reads them; the distinct asks
 *   checks.ts         every check of the registry
 *   findings.ts       suppression comments, unread blocks, document order, maxFindings
 *
 * An `Analyzer` keeps the per-block results of the previous run, so analysing
 * the next version of the same document re-parses only the blocks that changed.
 * A fresh Analyzer gives exactly the same result (the tests compare both).
 */
import type { CheckContext } from './checks/index';
import type { FrontMatter } from './frontmatter';
import type { ProfileDefaults } from './profile';
import { Lexicon, defaultLexiconInstance, DEFAULT_LEXICON_DATA } from './lexicon';
import type { TrustlineSettings } from './settings';
import { Doc } from './text';
import type { AskModel } from './asks/learned';
import type { Ask, AskClass, Finding, Profile } from './types';
import { readFrontMatter, withDefaults } from './pipeline/frontMatter';
import { budget, readBlocks, type BlockCache } from './pipeline/readBlocks';
import { assembleSentences } from './pipeline/sentences';
import { profileDraft } from './pipeline/profile';
import { commandAsks, setupSteps } from './pipeline/commands';
import { fallbackLinks } from './pipeline/fallback';
import { feedbackAsks } from './pipeline/feedback';
import { noVerdicts, trainedReaderPass } from './pipeline/trainedReader';
import { asksForAudience } from './pipeline/audience';
import { runChecks } from './pipeline/checks';
import { finishFindings } from './pipeline/findings';

export { MAX_FINDINGS_NOTE, UNREAD_BLOCK } from './pipeline/findings';
export { askSpan } from './pipeline/sentences';

export interface AnalyzeOptions {
  /** Workspace-relative or absolute path, for the draft globs and type hints. */
  path?: string;
  settings?: Partial<TrustlineSettings>;
  /** Skip the opt-in scope test (a file named explicitly on the command line). */
  force?: boolean;
  /**
   * Profile values for a draft whose front matter does not have the key, and where they came from
   * (the CLI's --type and --channel): the profile stage reads them as declared outside the file.
   */
  defaults?: ProfileDefaults;
  /**
   * The host's clock in milliseconds (`performance.now`), read between blocks to hold the
   * analysis to `settings.timeBudgetMs`. The core never reads a clock of its own, so without one
   * there is no budget (and tests pass a fake clock rather than time anything).
   */
  clock?: () => number;
  /**
   * The trained reader's weights (asks/learned.ts): unset for the bundled model, `null` for the
   * rules alone (the training script and the evaluation's comparison runs).
   */
  askModel?: AskModel | null;
  /** Called with every sentence's features, for the training script. */
  onUnits?: (units: TrainingUnit[]) => void;
}

/** One sentence as the training script sees it. */
export interface TrainingUnit {
  start: number;
  end: number;
  /** The sentence, normalised. */
  text: string;
  features: string[];
  /** The ask the rules found here, if any. */
  ruleAsk?: { cls: AskClass; start: number; end: number };
}

export interface Analysis {
  /** False when the document is not a draft (out of scope), too large or over the time budget: nothing else is filled in. */
  analysed: boolean;
  /** Why the document was skipped, when it was. */
  skipped?: 'out-of-scope' | 'too-large' | 'disabled' | 'over-budget';
  /** The document analysed: its text without the byte order mark and its line index, which every offset and range here refers to. */
  doc: Doc;
  profile?: Profile;
  asks: Ask[];
  findings: Finding[];
  /** Findings removed by suppression comments (for `trustline explain`). */
  suppressed: number;
  /** Imperatives the rules read as asks and the trained reader took back, in text order (for `trustline explain`). */
  takenBack?: Ask[];
  frontMatter?: FrontMatter;
  /** Blocks re-parsed in this run (0 when every block came from the cache). */
  parsedBlocks: number;
  totalBlocks: number;
  /** Findings cut by `maxFindings` (the last finding, rule MAX_FINDINGS_NOTE, says so); 0 or absent when none were. */
  omittedFindings?: number;
  /** Parts of the analysis that failed and were skipped (a bug to report; never thrown). */
  internalErrors?: string[];
}

/** The analysis of a document that is not read: out of scope, disabled, too large or over the time budget. */
export function notAnalysed(text: string | Doc, skipped: NonNullable<Analysis['skipped']>): Analysis {
  return { analysed: false, skipped, doc: typeof text === 'string' ? new Doc(text) : text, asks: [], findings: [], suppressed: 0, parsedBlocks: 0, totalBlocks: 0 };
}

export class Analyzer {
  /** The blocks of the last analysis, read, by their text (pipeline/readBlocks.ts). */
  private cache: BlockCache = new Map();
  private lexicon: Lexicon = defaultLexiconInstance();
  private lexiconKey = '';
  /** The trained reader's verdicts on the last analysis's sentences (pipeline/trainedReader.ts). */
  private verdicts = noVerdicts();

  /** Analyse one version of a document. Cheap to call on every keystroke. */
  analyze(rawText: string, options: AnalyzeOptions = {}): Analysis {
    const settings = withDefaults(options.settings);
    // Editors hide the byte order mark and count columns without it; so do we.
    const doc = new Doc(rawText);
    const text = doc.text;

    const scope = readFrontMatter(text, settings, options.path, options.force);
    if (scope.skipped === 'out-of-scope') return { ...notAnalysed(doc, scope.skipped), frontMatter: scope.frontMatter };
    if (scope.skipped) return notAnalysed(doc, scope.skipped);
    const fm = scope.frontMatter;
    this.useLexicon(settings);
    const lines = doc.lines;

    // The clock is read before each piece of parsing; once every block is read, the rest runs to
    // the end: a finished result is never thrown away for the clock.
    const internalErrors: string[] = [];
    const read = readBlocks(text, fm.bodyStart, this.cache, this.lexicon, budget(options.clock, settings.timeBudgetMs), internalErrors);
    // Blocks read before a stop stay cached: they are right whatever happens to the rest.
    this.cache = read.cache;
    // Half a draft read gives wrong verdicts (a missing ask, a competing one unseen): over the
    // budget nothing is reported but that it was skipped, and the host says so once.
    if (read.stopped) return { ...notAnalysed(doc, 'over-budget'), frontMatter: fm, parsedBlocks: read.parsed, totalBlocks: read.total };

    const sentences = assembleSentences(text, lines, read.blocks);
    const { profile, problems } = profileDraft(fm, sentences.stats, settings, lines, options.path, options.defaults);
    this.verdicts = trainedReaderPass(text, lines, sentences, profile, options.askModel, this.verdicts, options.onUnits);
    commandAsks(text, lines, sentences, profile);
    feedbackAsks(text, lines, sentences, profile);
    setupSteps(sentences, profile);
    fallbackLinks(sentences);
    const { asks, pressure, units, stats, directives } = sentences;
    const distinctAsks = asksForAudience(text, asks, sentences.toCustomers, profile);

    const ctx: CheckContext = { text, lines, frontMatter: fm, frontMatterProblems: problems, profile, asks, distinctAsks, pressure, units, stats, settings, directives };
    if (options.path !== undefined) ctx.path = options.path;
    const found = runChecks(ctx, lines, internalErrors);
    const { findings, suppressed, omitted } = finishFindings(found, directives, sentences.unread, lines, settings.maxFindings);

    const analysis: Analysis = { analysed: true, doc, profile, asks, findings, suppressed, frontMatter: fm, parsedBlocks: read.parsed, totalBlocks: read.total };
    if (omitted > 0) analysis.omittedFindings = omitted;
    if (sentences.takenBack) analysis.takenBack = sentences.takenBack;
    if (internalErrors.length > 0) analysis.internalErrors = internalErrors;
    return analysis;
  }

  /** Rebuild the lexicon only when the project's extra phrasings change. */
  private useLexicon(settings: TrustlineSettings): void {
    const key = JSON.stringify([settings.asks, settings.pressure]);
    if (key === this.lexiconKey) return;
    this.lexiconKey = key;
    this.lexicon = settings.asks.length || settings.pressure.length ? new Lexicon(DEFAULT_LEXICON_DATA, { asks: settings.asks, pressure: settings.pressure }) : defaultLexiconInstance();
    // Block results depend on the lexicon.
    this.cache.clear();
  }
}

