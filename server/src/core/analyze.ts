/**
 * The analysis pipeline: text in, profile + asks + findings out.
 *
 *   front matter split -> body cut into blocks -> each block read once (cached by text)
 *   -> asks and pressure with absolute ranges -> profile -> checks -> suppressions -> severities
 *
 * An `Analyzer` keeps the per-block results of the previous run, so analysing
 * the next version of the same document re-parses only the blocks that changed.
 * A fresh Analyzer gives exactly the same result (the tests compare both).
 */
import { chunkBody, parseBlock, parseBlocksInWindows, type BlockResult, type Chunk, type Directive, type ParserHazard } from './blocks';
import { CHECKS, type CheckContext, type DocUnit } from './checks/index';
import { splitFrontMatter, type FrontMatter } from './frontmatter';
import { Lexicon, defaultLexiconInstance, DEFAULT_LEXICON_DATA, type Rejection, type UnitMatch } from './lexicon';
import { emptyStats, inferProfile, isDraft } from './profile';
import { DEFAULT_SETTINGS, matchesDraftGlobs, type TrustlineSettings } from './settings';
import { ASK_LEVELS } from './model';
import { Doc, LineIndex, hash, normIndexOf } from './text';
import { closingUnits, introducedBy, introducesList, sentenceAboveLists } from './asks/position';
import { answersQuestion } from './asks/filters';
import { classInContext } from './asks/classify';
import { vocabulary } from './asks/vocabulary';
import { endMark, FEATURE_VERSION, judge, unitFeatures, viewKey, type AskModel, type UnitView, type Verdict } from './asks/learned';
import { defaultAskModel } from './asks/modelData';
import type { Ask, AskClass, Finding, PressureHit, Profile, Severity } from './types';

export interface AnalyzeOptions {
  /** Workspace-relative or absolute path, for the draft globs and type hints. */
  path?: string;
  settings?: Partial<TrustlineSettings>;
  /** Skip the opt-in scope test (a file named explicitly on the command line). */
  force?: boolean;
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
  frontMatter?: FrontMatter;
  /** Blocks re-parsed in this run (0 when every block came from the cache). */
  parsedBlocks: number;
  totalBlocks: number;
  /** Findings cut by `maxFindings` (the last finding, rule MAX_FINDINGS_NOTE, says so); 0 or absent when none were. */
  omittedFindings?: number;
  /** Parts of the analysis that failed and were skipped (a bug to report; never thrown). */
  internalErrors?: string[];
}

interface CacheEntry {
  /** The block's text: the hash is only a first filter. */
  text: string;
  result: BlockResult;
}

export class Analyzer {
  private cache = new Map<string, CacheEntry>();
  private lexicon: Lexicon = defaultLexiconInstance();
  private lexiconKey = '';
  /**
   * The trained reader's verdicts on the last analysis's sentences, by sentence in context
   * (learned.ts viewKey), for the model they came from: only the current sentences are kept, as
   * only the current blocks are in `cache`.
   */
  private verdicts = new Map<string, Verdict>();
  private verdictsFor: AskModel | undefined;

  /** Analyse one version of a document. Cheap to call on every keystroke. */
  analyze(rawText: string, options: AnalyzeOptions = {}): Analysis {
    const settings = withDefaults(options.settings);
    // Editors hide the byte order mark and count columns without it; so do we.
    const doc = new Doc(rawText);
    const text = doc.text;
    const empty: Analysis = { analysed: false, doc, asks: [], findings: [], suppressed: 0, parsedBlocks: 0, totalBlocks: 0 };
    if (!settings.enable) return { ...empty, skipped: 'disabled' };
    if (text.length > settings.maxFileSize) return { ...empty, skipped: 'too-large' };

    const fm = splitFrontMatter(text);
    if (!options.force && !isDraft(fm, options.path, settings, (p) => matchesDraftGlobs(p, settings.draftGlobs))) {
      return { ...empty, skipped: 'out-of-scope', frontMatter: fm };
    }
    this.useLexicon(settings);
    const lines = doc.lines;
    // Looked at before each piece of parsing (a parse window, a block read alone), the work that
    // grows with the draft. Once every block is read, the rest runs to the end: a finished result
    // is never thrown away for the clock.
    const clock = options.clock;
    const deadline = clock ? clock() + settings.timeBudgetMs : Infinity;
    const overBudget = clock ? () => clock() > deadline : () => false;

    // Read each block, from the cache when its text is unchanged.
    const chunks = chunkBody(text, fm.bodyStart, text.length);
    const nextCache = new Map<string, CacheEntry>();
    const internalErrors: string[] = [];
    let parsed = 0;
    const blocks: { start: number; result: BlockResult }[] = [];
    const keys = chunks.map((chunk) => hash(chunk.text));
    const hit = (i: number): CacheEntry | undefined => {
      const entry = this.cache.get(keys[i]!) ?? nextCache.get(keys[i]!);
      return entry && entry.text === chunks[i]!.text ? entry : undefined;
    };
    // When most blocks are new (a draft just opened, a big paste), one parse of the
    // whole body is cheaper than one per block; a keystroke re-parses just its block.
    const misses = chunks.reduce((n, _c, i) => n + (hit(i) ? 0 : 1), 0);
    const together = misses > 4 && misses * 2 > chunks.length ? safeParseTogether(text, chunks, this.lexicon, internalErrors, overBudget) : [];
    let stopped = false;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      let entry = hit(i);
      if (!entry) {
        const ready = together[i];
        if (!ready && overBudget()) {
          stopped = true;
          break;
        }
        entry = { text: chunk.text, result: ready ?? safeParseBlock(chunk.text, this.lexicon, internalErrors) };
        parsed++;
      }
      nextCache.set(keys[i]!, entry);
      blocks.push({ start: chunk.start, result: entry.result });
    }
    // Blocks read before a stop stay cached: they are right whatever happens to the rest.
    this.cache = nextCache;
    // Half a draft read gives wrong verdicts (a missing ask, a competing one unseen): over the
    // budget nothing is reported but that it was skipped, and the host says so once.
    if (stopped) return { ...empty, skipped: 'over-budget', frontMatter: fm, parsedBlocks: parsed, totalBlocks: chunks.length };

    // Combine per-block results into document-level facts with absolute offsets.
    const asks: Ask[] = [];
    // Index of an ask -> the class it has when the audience is a customer (LexiconRule.toCustomers).
    const toCustomers = new Map<Ask, AskClass>();
    const pressure: PressureHit[] = [];
    const units: DocUnit[] = [];
    const directives: Directive[] = [];
    const unread: ParserHazard[] = [];
    const stats = emptyStats();
    let headingsSeen = 0;
    // Asks wait until every unit is known: an ask found by grammar alone counts only in the
    // draft's closing lines (asks/position.ts).
    const pending: { unit: DocUnit; u: BlockResult['units'][number]; base: number; r: BlockResult; index: number }[] = [];
    let hasWhen = false;
    let hasWhere = false;
    // For the trained reader: what the rules found in each sentence, and the sentence's links.
    const unitMatches: (UnitMatch | undefined)[] = [];
    const unitRejected = new Map<number, Rejection>();
    const unitSupport = new Map<number, 'line' | 'contact' | 'after'>();
    const unitLinks: { text: string; url: string; start: number; end: number }[][] = [];
    blocks.forEach(({ start: base, result: r }, blockIndex) => {
      let linkAt = 0;
      stats.words += r.words;
      stats.hashtags += r.hashtags;
      stats.buttons += r.buttons;
      for (const h of r.headings) {
        if (h.depth === 1) stats.h1++;
        else if (h.depth === 2) stats.h2++;
      }
      const subjectLine = r.subject && blockIndex <= 1 ? r.subject : undefined;
      if (subjectLine) stats.hasSubjectLine = true;
      for (const d of r.directives) directives.push({ ...d, start: base + d.start, end: base + d.end });
      if (r.unread) unread.push({ ...r.unread, start: base + r.unread.start, end: base + r.unread.end });
      for (const u of r.units) {
        if (u.container === 'heading') headingsSeen++;
        if (units.length === 0) stats.startsWithHeading = u.container === 'heading';
        const unit: DocUnit = {
          start: base + u.start,
          end: base + u.end,
          words: u.words,
          text: u.norm.text,
          container: u.container,
          greeting: u.greeting,
          block: blockIndex,
          button: u.button,
          // The hero is everything before the second heading (the whole page when there is none).
          hero: headingsSeen <= 1,
          header: subjectLine !== undefined && u.start <= subjectLine.start && subjectLine.start <= u.end,
          pressure: u.pressure.length,
        };
        if (u.headingDepth !== undefined) unit.headingDepth = u.headingDepth;
        if (u.button && unit.hero) stats.heroButtons++;
        if (u.container !== 'heading') {
          stats.adFields += (u.norm.text.match(AD_FIELD) ?? []).length;
          hasWhen ||= EVENT_WHEN.test(u.norm.text);
          hasWhere ||= EVENT_WHERE.test(u.norm.text);
        }
        if (u.match) pending.push({ unit, u, base, r, index: units.length });
        if (u.rejected) unitRejected.set(unitMatches.length, u.rejected);
        if (u.support) unitSupport.set(unitMatches.length, u.support);
        unitMatches.push(u.match);
        // The sentence's links, with a pointer that only moves forward (both are in order).
        while (linkAt < r.links.length && r.links[linkAt]!.start < u.start) linkAt++;
        const own: { text: string; url: string; start: number; end: number }[] = [];
        for (let k = linkAt; k < r.links.length && r.links[k]!.start < u.end && own.length < 8; k++) {
          const l = r.links[k]!;
          if (l.end <= u.end) own.push({ text: text.slice(base + l.start, base + l.end).toLowerCase(), url: l.url, start: base + l.start, end: base + l.end });
        }
        unitLinks.push(own);
        for (const p of u.pressure) {
          const start = base + p.start;
          const end = base + p.end;
          pressure.push({ text: text.slice(start, end), start, end, range: lines.range(start, end), via: p.via });
        }
        units.push(unit);
      }
    });
    const closing = closingUnits(units);
    const above = sentenceAboveLists(units);
    const withAsk = new Set<number>();
    // Why the rules dropped what they found in a sentence, and the sentences that hold a list's ask.
    const dropped = new Map<number, NonNullable<UnitView['dropped']>>();
    const intros = new Set<number>();
    for (const { unit, u, base, r, index } of pending) {
      const m = u.match!;
      if (m.weak && !closing.has(index) && unit.container !== 'ps') {
        dropped.set(index, 'weak');
        continue;
      }
      // A question the draft answers next ("Can I switch plans?" then "Yes, anytime.") asks nothing.
      if (m.shape && /\?\W*$/.test(unit.text) && index + 1 < units.length && answersQuestion(units[index + 1]!.text)) {
        dropped.set(index, 'answered');
        continue;
      }
      // "Check out our previous launch weeks:" and the list of links under it are one ask.
      // So is a link on the line after an ask that ends with a colon ("Check it out:" then the URL).
      if (m.shape === 'link' && introducedBy(units, unit.container === 'list' ? above[index]! : index - 1, withAsk)) {
        dropped.set(index, 'introduced');
        continue;
      }
      // "Here are some posts and videos about the project:" over a list of reads: the sentence
      // offers the list, so it holds the one ask. A list of actions ("Fill out the form",
      // "Connect GitHub Sponsors") keeps an ask per item.
      const intro = m.shape === 'link' && m.class === 'consume' && unit.container === 'list' ? above[index]! : -1;
      if (intro >= 0 && !withAsk.has(intro) && introducesList(units[intro]!)) {
        withAsk.add(intro);
        intros.add(intro);
        dropped.set(index, 'list-intro');
        const iu = units[intro]!;
        const [start, end] = wordsSpan(text, iu.start, iu.end);
        iu.ask = asks.length;
        asks.push(askAt(text, lines, start, end, iu.start, iu.end, m.class, m.level, 'sentence', `read as a list of links this sentence offers; ${m.via.replace(/^read as [^;]*; /, '')}`, false));
        continue;
      }
      withAsk.add(index);
      const span = askSpan(m, r, text, base);
      const start = base + m.start;
      const end = base + span.end;
      const { inLink, linkStart, linkEnd } = span;
      const sentenceStart = base + (inLink ? linkStart! : u.start);
      const sentenceEnd = base + (inLink ? linkEnd! : u.end);
      unit.ask = asks.length;
      const kind = m.kind === 'url' ? 'url' : u.button ? 'button' : inLink ? 'link' : unit.container === 'ps' ? 'ps' : /\?\W*$/.test(u.norm.text) ? 'question' : 'sentence';
      // What the sentence says the ask is for, or where its link goes, can raise its class.
      const ctx = classInContext(vocabulary(), m, u.norm.text.slice(normIndexOf(u.norm, m.start), normIndexOf(u.norm, m.end)), u.norm.text);
      asks.push(askAt(text, lines, start, end, sentenceStart, sentenceEnd, ctx.cls, ASK_LEVELS[ctx.cls], kind, ctx.via, inLink));
      if (m.toCustomers) toCustomers.set(asks[asks.length - 1]!, m.toCustomers);
    }
    if (hasWhen && hasWhere) stats.eventFields = 2;
    const firstProse = units.find((u) => u.container !== 'heading' && !u.header);
    stats.startsWithGreeting = firstProse?.greeting ?? false;

    const { profile, problems } = inferProfile(fm, stats, settings, (s, e) => lines.range(s, e), options.path);

    // The trained reader's second opinion on every sentence (asks/learned.ts).
    const model = options.askModel === undefined ? defaultAskModel() : options.askModel;
    if ((model && model.version === FEATURE_VERSION) || options.onUnits) {
      const v = vocabulary();
      const training: TrainingUnit[] = [];
      const known = this.verdictsFor === model ? this.verdicts : new Map<string, Verdict>();
      const verdicts = new Map<string, Verdict>();
      this.verdicts = verdicts;
      this.verdictsFor = model ?? undefined;
      // List sizes per block (a block's list items are one list), and the heading over each sentence.
      const listItems = new Map<number, { items: number; linked: number }>();
      units.forEach((unit, i) => {
        if (unit.container !== 'list') return;
        const l = listItems.get(unit.block) ?? { items: 0, linked: 0 };
        l.items++;
        if (unitLinks[i]!.length > 0) l.linked++;
        listItems.set(unit.block, l);
      });
      let heading: string | undefined;
      units.forEach((unit, i) => {
        const m = unitMatches[i];
        const view: UnitView = {
          text: unit.text,
          container: unit.container,
          button: unit.button,
          hero: unit.hero,
          header: unit.header,
          greeting: unit.greeting,
          index: i,
          total: units.length,
          closing: closing.has(i),
          links: unitLinks[i]!,
          type: profile.type.value,
          audience: profile.trust.value.level,
        };
        if (unit.headingDepth !== undefined) view.headingDepth = unit.headingDepth;
        if (heading !== undefined) view.heading = heading;
        if (unit.container === 'heading') heading = unit.text;
        const list = unit.container === 'list' ? listItems.get(unit.block) : undefined;
        if (list) {
          const intro = above[i]!;
          view.list = { ...list, introRule: intro >= 0 && unitMatches[intro] !== undefined };
          if (intro >= 0) view.list.intro = units[intro]!.text;
        }
        if (m) view.rule = { cls: m.class, kind: m.kind, ...(m.shape ? { shape: m.shape } : {}), ...(m.weak ? { weak: true } : {}) };
        const d = dropped.get(i);
        if (d) view.dropped = d;
        if (intros.has(i)) view.intro = true;
        const rejected = unitRejected.get(i);
        if (rejected) view.rejected = rejected;
        const support = unitSupport.get(i);
        if (support) view.support = support;
        if (i > 0) view.prev = units[i - 1]!.text;
        if (i + 1 < units.length) view.next = units[i + 1]!.text;
        // A question that leads into the ask after it in its paragraph, or a line that leads into
        // it with a colon ("If you run a plant and want the same view:" over "Book a demo: ..."):
        // the ask is the next sentence's.
        const mark = endMark(unit.text);
        if (i + 1 < units.length && unitMatches[i + 1] && ((mark === '?' && units[i + 1]!.block === unit.block) || mark === ':')) view.leadIn = true;
        const ask = unit.ask !== undefined ? asks[unit.ask] : undefined;
        let features: readonly string[] | undefined;
        if (options.onUnits) {
          features = unitFeatures(view, v);
          training.push({ start: unit.start, end: unit.end, text: unit.text, features: [...features], ...(ask ? { ruleAsk: { cls: ask.class, start: ask.start, end: ask.end } } : {}) });
        }
        if (!model || model.version !== FEATURE_VERSION) return;
        // The verdict on this sentence in this context, from the last analysis when nothing it
        // reads has changed: a keystroke re-scores only the sentences around the edit.
        const key = `${viewKey(view)}\u0004${ask ? ask.class : ''}`;
        let verdict = known.get(key) ?? verdicts.get(key);
        if (!verdict) {
          features ??= unitFeatures(view, v);
          verdict = judge(model, features, ask?.class);
        }
        verdicts.set(key, verdict);
        if (ask) {
          // The class model re-classes an ask the shape reader found when it disagrees by a margin
          // (learned.ts reclassed); the lexicon's phrasings keep their class.
          const r = verdict.reclass;
          if (r) {
            ask.via += ` (read as ${r.cls} by the trained reader, ${Math.round(r.p * 100)}% against ${Math.round(r.mine * 100)}%)`;
            ask.class = r.cls;
            ask.level = ASK_LEVELS[r.cls];
          }
          return;
        }
        const found = verdict.add;
        if (!found) return;
        const { p, best, why } = found;
        const span = wordsSpan(text, unit.start, unit.end);
        const start = span[0];
        let end = span[1];
        // Never into a link's address: "[Manage preferences](https://...)" ends at its words.
        const last = unitLinks[i]!.filter((l) => l.end <= end).pop();
        if (last && last.end >= start && /^\](?:\([^)]*\)?|\[[^\]]*\]?)$/.test(text.slice(last.end, end))) end = last.end;
        if (start >= end) return;
        const kind = unit.button ? 'button' : unit.container === 'ps' ? 'ps' : endMark(unit.text) === '?' ? 'question' : 'sentence';
        unit.ask = asks.length;
        asks.push(askAt(text, lines, start, end, unit.start, unit.end, best.cls, ASK_LEVELS[best.cls], kind, `read by the trained reader (${Math.round(p * 100)}% an ask: ${why}); class ${best.cls} (${Math.round(best.p * 100)}%)`, false));
      });
      options.onUnits?.(training);
      // Asks in the order of the text, each sentence pointing at its own.
      const kept = [...asks].sort((a, b) => a.start - b.start || a.end - b.end);
      const at = new Map(kept.map((a, i) => [a, i]));
      for (const unit of units) {
        if (unit.ask === undefined) continue;
        unit.ask = at.get(asks[unit.ask]!)!;
      }
      asks.length = 0;
      asks.push(...kept);
    }

    // Some asks change class once the reader is a customer ("Upgrade to Enterprise" is
    // expansion, not a first purchase); the lexicon says which, the profile says who reads.
    if (profile.trust.value.level >= ASK_LEVELS.expand) {
      for (const [ask, cls] of toCustomers) {
        ask.via += ` (read as ${cls}: the audience is already a customer)`;
        ask.class = cls;
        ask.level = ASK_LEVELS[cls];
      }
    }

    // One ask repeated (a landing page's repeated button) is one distinct ask.
    const seen = new Set<string>();
    const distinctAsks = asks.filter((a) => {
      const k = `${a.class}:${text.slice(a.start, a.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
      a.key = k;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });

    const ctx: CheckContext = {
      text,
      lines,
      frontMatter: fm,
      frontMatterProblems: problems,
      profile,
      asks,
      distinctAsks,
      pressure,
      units,
      stats,
      settings,
      directives,
    };
    if (options.path !== undefined) ctx.path = options.path;

    let findings: Finding[] = [];
    for (const check of CHECKS) {
      const setting = settings.checks[check.id];
      if (setting === 'off') continue;
      // An unknown value (a typo the host did not catch) keeps the check's own severity.
      const configured = setting !== undefined && SEVERITIES.has(setting) ? (setting as Severity) : undefined;
      try {
        check.check(ctx, (r) => {
          const severity: Severity = configured ?? r.severity ?? check.defaultSeverity;
          const finding: Finding = { rule: check.id, severity, message: r.message, range: lines.range(r.start, r.end), data: { check: check.id, ...r.data } };
          if (r.askIndex !== undefined) finding.askIndex = r.askIndex;
          if (r.frontMatterKey !== undefined) finding.frontMatterKey = r.frontMatterKey;
          findings.push(finding);
        });
      } catch (err) {
        // One broken check must never take the others (or the server) down.
        internalErrors.push(`the ${check.id} check failed: ${(err as Error).message}`);
        findings.push({
          rule: check.id,
          severity: 'error',
          message: `Trustline's ${check.id} check failed on this draft: ${(err as Error).message}. Please report it.`,
          range: lines.range(0, 0),
          data: { check: check.id, internalError: true },
        });
      }
    }

    const before = findings.length;
    findings = applySuppressions(findings, directives, lines);
    const suppressed = before - findings.length;
    // A block the markdown parser would hang on was not read (blocks.ts, parserHazard): one finding
    // says so, and no comment silences it.
    for (const u of unread) findings.push(unreadFinding(u, lines));
    findings.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule) ||
        a.range.end.line - b.range.end.line ||
        a.range.end.character - b.range.end.character ||
        a.message.localeCompare(b.message),
    );

    const omitted = Math.max(0, findings.length - settings.maxFindings);
    if (omitted > 0) findings = capFindings(findings, settings.maxFindings, lines);

    const analysis: Analysis = { analysed: true, doc, profile, asks, findings, suppressed, frontMatter: fm, parsedBlocks: parsed, totalBlocks: chunks.length };
    if (omitted > 0) analysis.omittedFindings = omitted;
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

/** Remove findings silenced by `<!-- trustline-disable... -->` comments. */
function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const fileOff = new Set<string>();
  let fileAll = false;
  const lineOff: { line: number; ids: string[] }[] = [];
  const ranges: { from: number; to: number; ids: string[] }[] = [];
  const open: { from: number; ids: string[] }[] = [];
  for (const d of directives) {
    const line = lines.positionAt(d.start).line;
    const endLine = lines.positionAt(d.end).line;
    switch (d.kind) {
      case 'disable-file':
        if (d.ids.length === 0) fileAll = true;
        for (const id of d.ids) fileOff.add(id);
        break;
      case 'disable-next-line': {
        // The next line that holds text: a blank line after the comment is forgiven.
        let target = endLine + 1;
        while (target < lines.lineCount - 1 && lines.lineText(target).trim() === '') target++;
        lineOff.push({ line: target, ids: d.ids });
        // A comment at the end of a line of text silences that line too.
        if (lines.lineText(line).slice(0, lines.positionAt(d.start).character).trim() !== '') lineOff.push({ line, ids: d.ids });
        break;
      }
      case 'disable':
        open.push({ from: line, ids: d.ids });
        break;
      case 'enable': {
        const closeIds = d.ids;
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (closeIds.length === 0 || o.ids.length === 0 || o.ids.some((id) => closeIds.includes(id))) {
            ranges.push({ from: o.from, to: line, ids: o.ids });
            open.splice(i, 1);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  for (const o of open) ranges.push({ from: o.from, to: Number.MAX_SAFE_INTEGER, ids: o.ids });
  const hits = (ids: string[], rule: string) => ids.length === 0 || ids.includes(rule);
  // Looked up by line, not scanned for every finding: a draft of thousands of comments and
  // findings stays linear. Lines silenced by one comment, by line; ranges by check id ('' for all).
  const byLine = new Map<number, string[][]>();
  for (const o of lineOff) {
    const list = byLine.get(o.line);
    if (list) list.push(o.ids);
    else byLine.set(o.line, [o.ids]);
  }
  const spans = lineSpans(ranges);
  return findings.filter((f) => {
    // Problems with the front matter or with the comments themselves are never silenced by a comment.
    if (UNSUPPRESSIBLE.has(f.rule)) return true;
    if (fileAll || fileOff.has(f.rule)) return false;
    const l = f.range.start.line;
    if (byLine.get(l)?.some((ids) => hits(ids, f.rule))) return false;
    if (covers(spans.get(''), l) || covers(spans.get(f.rule), l)) return false;
    return true;
  });
}

/** Disabled line ranges per check id ('' for every check), sorted and merged. */
function lineSpans(ranges: { from: number; to: number; ids: string[] }[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const r of ranges) {
    for (const id of r.ids.length === 0 ? [''] : r.ids) {
      const list = out.get(id);
      if (list) list.push([r.from, r.to]);
      else out.set(id, [[r.from, r.to]]);
    }
  }
  for (const [id, list] of out) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    out.set(id, merged);
  }
  return out;
}

/** Whether sorted, disjoint spans hold `line` (a binary search). */
function covers(spans: [number, number][] | undefined, line: number): boolean {
  if (!spans) return false;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1]![1] >= line;
}

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint']);

/** The rule of the one note that says how many findings `maxFindings` cut (not a check: it cannot be turned off). */
export const MAX_FINDINGS_NOTE = 'max-findings';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The `max` findings that matter most (errors first, then warnings, information, hints; in
 * document order within each), back in document order, then one note at the top of the
 * document saying how many were left out. `findings` is sorted by position.
 */
function capFindings(findings: Finding[], max: number, lines: LineIndex): Finding[] {
  const omitted = findings.length - max;
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const n = (x: number) => x.toLocaleString('en-US');
  kept.push({
    rule: MAX_FINDINGS_NOTE,
    severity: 'information',
    message: `This draft has ${n(findings.length)} findings; only the first ${n(max)} by severity are shown and ${n(omitted)} ${omitted === 1 ? 'was' : 'were'} left out (maxFindings is ${n(max)}). Fix these, or raise maxFindings to see them all.`,
    range: lines.range(0, 0),
    data: { check: MAX_FINDINGS_NOTE, omitted, maxFindings: max },
  });
  return kept;
}

/** The rule of the finding on a block that was not read (not a check: it cannot be turned off). */
export const UNREAD_BLOCK = 'unread-block';

function unreadFinding(u: ParserHazard, lines: LineIndex): Finding {
  return {
    rule: UNREAD_BLOCK,
    severity: 'warning',
    message: `Trustline did not read this block: it holds ${u.reason}, and the markdown parser's time grows with the square of that, enough to freeze the editor. Its asks and pressure are not checked: remove the extra markers to have it checked.`,
    range: lines.range(u.start, u.end),
    data: { check: UNREAD_BLOCK },
  };
}

/** The host's settings over the defaults; an explicitly undefined (or null) value keeps the default. */
function withDefaults(partial: Partial<TrustlineSettings> | undefined): TrustlineSettings {
  const out: TrustlineSettings = { ...DEFAULT_SETTINGS };
  if (!partial) return out;
  for (const [k, v] of Object.entries(partial)) {
    if (v === undefined || (v === null && k !== 'defaultTrust')) continue;
    (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * The block-relative extent of an ask as the reader sees it. A phrase that is a link's
 * whole text must not run on into the link's `](url)` or `][ref]` (the lexicon's offset
 * map can end a phrase at the next piece of prose): keep the underline on the visible
 * words, and treat the phrase as the link it is.
 */
export function askSpan(m: UnitMatch, block: BlockResult, blockText: string, offset = 0): { end: number; inLink: boolean; linkStart?: number; linkEnd?: number } {
  if (m.inLink) return { end: m.linkEnd !== undefined ? Math.min(m.end, m.linkEnd) : m.end, inLink: true, linkStart: m.linkStart!, linkEnd: m.linkEnd! };
  // Links do not overlap and are in order: the one that may hold the ask's start is the last to
  // start at or before it (a binary search, so a paragraph of thousands of links stays linear).
  const links = block.links;
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.start <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const link = lo > 0 ? links[lo - 1] : undefined;
  if (link && m.start < link.end && link.end < m.end && blockText[offset + link.end] === ']') return { end: link.end, inLink: true, linkStart: link.start, linkEnd: link.end };
  return { end: m.end, inLink: false };
}

/**
 * [start, end) narrowed to its first letter or digit and its last letter, digit, "?", "!" or ")":
 * what a whole-sentence ask underlines. It steps by code point, so a sentence of math-bold
 * letters or emoji ("𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼") is never cut inside a surrogate pair.
 */
function wordsSpan(text: string, start: number, end: number): [number, number] {
  while (start < end) {
    const cp = text.codePointAt(start)!;
    const width = cp > 0xffff && start + 1 < end ? 2 : 1;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, start + width))) break;
    start += width;
  }
  while (end > start) {
    const low = text.charCodeAt(end - 1);
    const high = end - 2 >= start ? text.charCodeAt(end - 2) : 0;
    const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    if (/[\p{L}\p{N}?!)]/u.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return [start, end];
}

/** Checks whose findings a suppression comment cannot silence (see Check.suppressible). */
const UNSUPPRESSIBLE = new Set(CHECKS.filter((c) => c.suppressible === false).map((c) => c.id));

/** Ad copy decks: `Headline 1:`, `Description:`, `Primary text:` lines. */
const AD_FIELD = /(?:^|\n)[ \t]*(?:long |short )?(?:headline|description|primary text|display url|final url|intro text|ad copy)[ \t]*\d*[ \t]*:/g;
const EVENT_WHEN = /(?:^|\n)[ \t]*(?:when|date|date and time)[ \t]*:/;
const EVENT_WHERE = /(?:^|\n)[ \t]*(?:where|location|venue)[ \t]*:/;

const EMPTY_BLOCK: BlockResult = { units: [], links: [], directives: [], words: 0, headings: [], hashtags: 0, buttons: 0 };

/** An ask at `start`-`end` in a sentence at `sentenceStart`-`sentenceEnd`; its key is set once all asks are known. */
function askAt(text: string, lines: LineIndex, start: number, end: number, sentenceStart: number, sentenceEnd: number, cls: AskClass, level: number, kind: Ask['kind'], via: string, inLink: boolean): Ask {
  return {
    text: text.slice(start, end),
    class: cls,
    level,
    kind,
    start,
    end,
    range: lines.range(start, end),
    sentenceStart,
    sentenceEnd,
    sentenceRange: lines.range(sentenceStart, sentenceEnd),
    via,
    inLink,
    key: '',
  };
}

/**
 * Parse one block, never throwing: a block the parser chokes on is read as empty and
 * the failure recorded, so one odd paragraph cannot take the draft or the server down.
 */
function safeParseTogether(text: string, chunks: Chunk[], lexicon: Lexicon, errors: string[], stop: () => boolean): (BlockResult | undefined)[] {
  try {
    return parseBlocksInWindows(text, chunks, lexicon, stop);
  } catch (err) {
    // Fall back to reading block by block, which isolates the block at fault.
    errors.push(`could not read the draft in one pass: ${(err as Error).message}`);
    return [];
  }
}

function safeParseBlock(text: string, lexicon: Lexicon, errors: string[]): BlockResult {
  try {
    return parseBlock(text, lexicon);
  } catch (err) {
    errors.push(`could not read a block of ${text.length} characters: ${(err as Error).message}`);
    return EMPTY_BLOCK;
  }
}
