/**
 * The trained reader: a second opinion on every sentence of a draft, learned from the labelled
 * corpora (docs/evaluation.md), over the facts the rule reader already works out.
 *
 * The rule reader (reader.ts, the lexicon and position.ts) decides by hand-written rules. Rules
 * learned from one set's errors stopped transferring to copy nobody had seen (recall near 70% on
 * every fresh set). This module weighs the same evidence with weights fitted to about 2,490
 * labelled pieces instead: for each sentence, the shape the rules found (or that they found
 * none, or dropped one by position), its container and place in the draft, its links and where
 * they go, the part of speech of its first word, the words that open it, and what its words ask
 * for. A logistic model gives the probability that the sentence holds an ask; a second one its
 * class. The weights are data (`data/ask-model.json`, written by `scripts/train-ask-model.ts`);
 * this file only computes features and scores, so the core stays pure.
 *
 * How they are used (pipeline/trainedReader.ts): every ask the rules found is kept but an
 * imperative the model says is most unlikely to be one (`drops`), and a sentence
 * the rules passed over becomes an ask when the model says it holds one (`add`), unless section 2a
 * or the reader's own structure says otherwise (`adds`). The class of an ask the shape reader
 * classed stays the rules' unless the class model disagrees by a margin (`override`); the
 * lexicon's phrasings keep theirs; an added ask takes the class model's class.
 */
import { article } from '../checks/util';
import type { AskClass, DraftType } from '../types';
import { classify, destinationClass } from './classify';
import type { AskShape } from './reader';
import { verbReading } from './tagger';
import { WEB_TLD_WITH_PATH, type Vocabulary } from './vocabulary';

/** What the model sees of one sentence. */
export interface UnitView {
  /** Normalised (lower-case) sentence text. */
  text: string;
  container: 'paragraph' | 'heading' | 'list' | 'table' | 'ps';
  button: boolean;
  hero: boolean;
  header: boolean;
  greeting: boolean;
  headingDepth?: number;
  index: number;
  total: number;
  /** In the draft's closing lines (position.ts). */
  closing: boolean;
  /** Link texts (normalised) and addresses of the sentence. */
  links: { text: string; url: string }[];
  /** What the rules found here, if anything. */
  rule?: { shape?: AskShape; cls: AskClass; weak?: boolean; kind: 'phrase' | 'url' };
  /** Why the rules dropped what they found, by position. */
  dropped?: 'weak' | 'answered' | 'introduced' | 'list-intro' | 'signature' | 'headline';
  /** No ask, and a section 2a filter turned down a phrasing of the lexicon here: negated, quoted, a mention. */
  rejected?: 'negated' | 'quoted' | 'third-party' | 'example' | 'template' | 'advice';
  /**
   * No ask, and the sentence is a support line (`line`), one whose request is to get in touch
   * (`contact`: a courtesy by section 2a), or follows one in its paragraph (`after`).
   */
  support?: 'line' | 'contact' | 'after';
  /** The sentence comes right before a code block (it may introduce it: "Run the following command:"). */
  beforeCode?: boolean;
  /** The rules' list-intro ask landed on this sentence. */
  intro?: boolean;
  prev?: string;
  next?: string;
  /**
   * The sentence leads into an ask the rules found in the next one: a question in the same
   * paragraph ("Prefer to talk? [Request pricing]") or a line ending in a colon.
   */
  leadIn?: boolean;
  /** The nearest heading above the sentence (normalised), if any. */
  heading?: string;
  /**
   * For a list item: the sentence above the list, how many items the list has, how many of them
   * hold a link, and in how many of the others the rules matched an ask (their block's matches,
   * before position drops some and the sentence passes add others).
   */
  list?: { intro?: string; introRule: boolean; items: number; linked: number; ruled: number };
  /** The rules matched an ask in the sentence before (`prev`) or after (`next`) this one in its block (paragraph, list, table). */
  nearRule?: { prev: boolean; next: boolean };
  type: DraftType | null;
  /** The audience's trust level (0 unknown .. 5 customer, 6 advocate), declared or inferred. */
  audience?: number;
}

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export interface AskModel {
  /** Which features the weights were trained on: a model of another version is not used. */
  version: number;
  detect: LinearModel;
  /** Probability over which a sentence the rules passed over becomes an ask. */
  add: number;
  /** One linear model per class (softmax). */
  classes: Partial<Record<AskClass, LinearModel>>;
  /** Margin of probability by which the class model overrides the class the shape reader gave a kept ask. */
  override: number;
  /**
   * Probability under which an imperative the rules found is taken back (`drops`); 0 or unset:
   * never. Chosen out of set by the training script (the best pooled F1 at the chosen `add`).
   */
  drop?: number;
}

/** Bumped whenever `unitFeatures` changes meaning: old weights are then refused. */
export const FEATURE_VERSION = 17;

/** A sentence that is a written-out address, after symbols and a short label: "🔗 https://gitbar.app", "Docs: acme.dev", "github.com/acme/tool". */
const URL_LINE = new RegExp(String.raw`^[^a-z0-9-]*(?:[a-z][a-z0-9 ]{0,20}:\s*)?(?:https?:\/\/\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.${WEB_TLD_WITH_PATH}(?:\.[a-z]{2})?(?:\/\S*)?)\s*$`);

/**
 * The words of normalised text: runs of a-z (with ' ’ and - inside) and runs of digits. A scan by
 * character code: `String.prototype.match` with a global pattern grew faster than the text on a
 * pasted sentence of 280,000 words (17x the time for 10x the words).
 */
export function wordsOf(s: string): string[] {
  const out: string[] = [];
  scanWords(s, (a, b) => out.push(s.slice(a, b)));
  return out;
}

/** How many words `wordsOf` would give, without making them. */
function countWords(s: string): number {
  let n = 0;
  scanWords(s, () => n++);
  return n;
}

function scanWords(s: string, word: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (c >= 97 && c <= 122) {
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (!((d >= 97 && d <= 122) || d === 39 || d === 0x2019 || d === 45)) break;
      }
    } else if (c >= 48 && c <= 57) {
      while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    } else {
      i = j;
      continue;
    }
    word(i, j);
    i = j;
  }
}
const LEAD = /^[^a-z0-9\u00c0-\u024f"'[{]+/u;
/**
 * How much of a sentence the form features read: its opening, where what it asks for is named.
 * The words are counted over the whole sentence without being made; every other feature costs at
 * most this much, so a pasted page of one endless sentence costs no more than its length.
 */
const HEAD_CHARS = 400;

/** The mark that ends a sentence (?, !, : or .), before any closing symbols; linear, never a backtracking regex. */
export function endMark(t: string): string | undefined {
  let i = t.length;
  while (i > 0 && !/[\p{L}\p{N}_]/u.test(t[i - 1]!)) i--;
  for (let k = i; k < t.length; k++) if ('?!:.'.includes(t[k]!)) return t[k];
  return undefined;
}

/** `text` without symbols at either end; a scan, not a regex that could backtrack. */
function trimSymbols(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && !/[a-z0-9]/.test(text[a]!)) a++;
  while (b > a && !/[a-z0-9]/.test(text[b - 1]!)) b--;
  return text.slice(a, b);
}

/** Words of a link's address that say where it goes ("billing", "sponsors", "discord", "register"), without the scheme and the generic parts. */
const URL_NOISE = new Set(['http', 'https', 'www', 'com', 'org', 'net', 'html', 'htm', 'php', 'index', 'the', 'and', 'for', 'utm_source', 'utm_medium', 'utm_campaign', 'ref']);
function urlWords(url: string): string[] {
  const out: string[] = [];
  const u = url.length > 200 ? url.slice(0, 200) : url;
  for (const w of u.toLowerCase().split(/[^a-z]+/)) {
    if (w.length > 2 && w.length < 20 && !URL_NOISE.has(w) && !out.includes(w)) out.push(w);
    if (out.length >= 8) break;
  }
  return out;
}

/** Where a sentence stands in the draft, as the features see it: the fifth, the half, the last fifth. */
function placeBucket(u: UnitView): string {
  return bucket(u.total > 1 ? u.index / (u.total - 1) : 0, [0.2, 0.5, 0.8]);
}

function bucket(n: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i === edges.length ? `>${edges[i - 1]}` : `<=${edges[i]}`;
}

/** The features of one sentence, as strings ("cont:list", "w1:join", "rule:imperative"). */
export function unitFeatures(u: UnitView, v: Vocabulary): string[] {
  const f: string[] = [];
  const add = (s: string): void => {
    f.push(s);
  };
  const t = u.text.length > HEAD_CHARS ? u.text.slice(0, HEAD_CHARS) : u.text;
  // What the rules said.
  if (u.rule) {
    add(`rule:${u.rule.shape ?? 'lexicon'}`);
    add(`rulecls:${u.rule.cls}`);
    if (u.rule.weak) add('rule:weak');
    if (u.rule.kind === 'url') add('rule:url');
  } else add('rule:none');
  if (u.dropped) add(`dropped:${u.dropped}`);
  if (u.rejected) add(`rejected:${u.rejected}`);
  if (u.support) add(`support:${u.support}`);
  if (u.beforeCode) add('before-code');
  if (u.intro) add('intro');
  if (u.leadIn) add('lead-in');
  // Where it stands.
  add(`cont:${u.container}`);
  if (u.headingDepth !== undefined) add(`hdepth:${Math.min(u.headingDepth, 4)}`);
  if (u.button) add('button');
  if (u.hero) add('hero');
  if (u.header) add('header');
  if (u.greeting) add('greeting');
  if (u.closing) add('closing');
  if (u.index === 0) add('pos:first');
  if (u.index === u.total - 1) add('pos:last');
  add(`pos:${placeBucket(u)}`);
  add(`type:${u.type ?? 'none'}`);
  if (u.rule) add(`type:${u.type ?? 'none'}&rule:${u.rule.shape ?? 'lexicon'}`);
  add(`type:${u.type ?? 'none'}&cont:${u.container}`);
  // A written-out address on a line of its own is the call to action of a post and a footer of an email.
  if (URL_LINE.test(t)) add(`type:${u.type ?? 'none'}&url:line`);
  if (u.audience !== undefined) add(`aud:${u.audience >= 5 ? 'customer' : u.audience >= 3 ? 'warm' : 'cold'}`);
  // Its form.
  if (u.prev !== undefined && endMark(u.prev) === ':') add('prev:colon');
  if (u.prev !== undefined && endMark(u.prev) === '?') add('prev:question');
  if (u.next !== undefined && endMark(u.next) === '?') add('next:question');
  if (u.next === undefined) add('next:none');
  if (u.nearRule?.prev) add('near:prev-rule');
  if (u.nearRule?.next) add('near:next-rule');
  // What the section and the list say around it: "Get involved" over a list of ways to help,
  // "Here are the guides:" over a list of links, ten items that are all links.
  if (u.heading !== undefined && u.container !== 'heading') for (const w of new Set(wordsOf(u.heading.slice(0, 120)))) if (w.length > 2) add(`hd:${w}`);
  if (u.list) {
    add(`li:items:${bucket(u.list.items, [1, 3, 6])}`);
    add(`li:linked:${u.list.linked === 0 ? 'none' : u.list.linked === u.list.items ? 'all' : 'some'}`);
    if (u.list.introRule) add('li:intro-rule');
    // The other items the rules matched an ask in: a list of ways to take part asks in every item.
    const others = u.list.items - 1;
    if (others > 0) add(`li:ruled:${u.list.ruled === 0 ? 'none' : u.list.ruled >= others ? 'all' : u.list.ruled * 2 >= others ? 'most' : 'few'}`);
    if (u.list.intro !== undefined) {
      if (endMark(u.list.intro) === ':') add('li:intro-colon');
      for (const w of new Set(wordsOf(u.list.intro.slice(0, 120)))) if (w.length > 2) add(`iw:${w}`);
    }
  }
  // Links.
  add(`links:${Math.min(u.links.length, 3)}`);
  if (u.links.length > 0) {
    const linkChars = u.links.reduce((n, l) => n + l.text.length, 0);
    const letters = u.text.replace(/[^a-z0-9]/g, '').length;
    if (letters > 0 && linkChars >= letters * 0.8) add('linkonly');
    if (t.replace(LEAD, '').startsWith(u.links[0]!.text.slice(0, 8))) add('link:opens');
    for (const l of u.links.slice(0, 4)) {
      const d = destinationClass(v, l.url);
      if (d) add(`dest:${d.cls}`);
      if (/^mailto:/i.test(l.url)) add('link:mailto');
      if (isNavigation(v, l.text)) add('link:nav');
      if (/^#/.test(l.url)) add('link:anchor');
      const lw = wordsOf(l.text);
      if (lw.length > 0) add(`lw1:${lw[0]}`);
      for (const w of lw.slice(0, 6)) if (w.length > 2) add(`lw:${w}`);
      for (const w of urlWords(l.url)) add(`uw:${w}`);
      add(`lwords:${bucket(lw.length, [1, 2, 4])}`);
    }
  }
  for (const x of textFeatures(u.text, v)) add(x);
  // Each feature once: the model counts a feature once, as the training does.
  return [...new Set(f)];
}

/**
 * A key for everything `unitFeatures` reads of a view: views with the same key have the same
 * features, so a verdict can be remembered under it (pipeline/trainedReader.ts) and a keystroke
 * re-scores only the sentences whose context it changed. It holds what the features are computed
 * from, coarsened the way they coarsen it (the place in the draft as its bucket, the neighbours as
 * their end marks).
 * Keep it in step with `unitFeatures`: learned.test.ts changes every field of a view, one at a
 * time, and fails when the features change and the key does not.
 */
export function viewKey(u: UnitView): string {
  const flags = `${u.container}|${u.headingDepth ?? ''}|${+u.button}${+u.hero}${+u.header}${+u.greeting}${+u.closing}${+!!u.intro}${+!!u.leadIn}|${u.index === 0 ? 'f' : ''}${u.index === u.total - 1 ? 'l' : ''}${placeBucket(u)}|${u.type ?? ''}|${u.audience ?? ''}`;
  const rule = u.rule ? `${u.rule.shape ?? 'lexicon'}|${u.rule.cls}|${+!!u.rule.weak}|${u.rule.kind}` : '';
  const near = `${u.prev === undefined ? '-' : endMark(u.prev) ?? ''}|${u.next === undefined ? '-' : endMark(u.next) ?? ''}|${+!!u.nearRule?.prev}${+!!u.nearRule?.next}`;
  const list = u.list ? `${u.list.items}|${u.list.linked}|${u.list.ruled}|${+u.list.introRule}|${u.list.intro ?? '\u0005'}` : '';
  let links = '';
  for (const l of u.links) links += `${l.text}\u0002${l.url}\u0003`;
  return `${u.text}\u0001${flags}\u0001${rule}|${u.dropped ?? ''}|${u.rejected ?? ''}|${u.support ?? ''}|${u.beforeCode ? 'c' : ''}\u0001${near}\u0001${u.heading ?? '\u0005'}\u0001${list}\u0001${links}`;
}

/** The class the words of a sentence's opening name, if any; memoised per text (bounded), as the tagger's readings are. */
const namedMemo = new Map<string, AskClass | null>();
let namedFor: Vocabulary | undefined;
function namedClass(v: Vocabulary, body: string): AskClass | undefined {
  if (namedFor !== v) {
    namedMemo.clear();
    namedFor = v;
  }
  let named = namedMemo.get(body);
  if (named === undefined) {
    const c = classify(v, body, 0, 'consume');
    named = c.why.startsWith('nothing') ? null : c.cls;
    if (namedMemo.size >= 20_000) namedMemo.clear();
    namedMemo.set(body, named);
  }
  return named ?? undefined;
}

/** Text that only moves around a site or an account ("Sign in", "Manage preferences"): not an ask by 2a. */
function isNavigation(v: Vocabulary, text: string): boolean {
  const t = trimSymbols(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text);
  const nav = v.navigation.startOf(t);
  return nav !== undefined && nav.length >= t.length - 1;
}

/**
 * Section 2a's rules and the reader's own readings that the trained reader never overturns: a
 * list of reads under the sentence that offers it is one ask (the sentence's), navigation and
 * placeholders ask nothing, a question that leads into the ask after it is that ask's lead-in,
 * an ask the lexicon found negated, quoted or mentioned as an example is no ask, template logic
 * asks nothing, a support line whose request is to get in touch is a courtesy, and the line that
 * introduces a code block is its label (what the code says is no ask; the rules still read an
 * ask the line itself makes: "If you want to try it locally, you can run the following command:").
 */
const NEVER_ADD = ['dropped:list-intro', 'dropped:headline', 'dropped:introduced', 'dropped:signature', 'nav', 'placeholder', 'lead-in', 'header', 'rejected:negated', 'rejected:quoted', 'rejected:third-party', 'rejected:example', 'rejected:template', 'rejected:advice', 'support:contact', 'before-code'];

/**
 * Whether the trained reader adds an ask to a sentence the rules passed over. Of the asks the
 * rules found it takes back only imperatives (`drops`): the links, questions, offers and the
 * lexicon's phrasings it scores as low are asks too often.
 */
export function adds(model: AskModel, features: readonly string[], p = askProbability(model, features)): boolean {
  return p >= model.add && !NEVER_ADD.some((f) => features.includes(f));
}

/**
 * The shape of the rules' asks the trained reader may take back: a clause that opens with a verb.
 * Measured out of set over 22 sets, the imperatives it scored under 0.35 held no ask 46 times in
 * 55: benefit lines, how-to steps and feature bullets written as commands. The links, offers and
 * questions it scored as low were asks too often to take back (19 of 42, 10 of 29, 5 of 17), the
 * lexicon's phrasings keep section 2a's reading, and what is announced as open ("Early-bird
 * registration is open until 30 April") is an event email's whole call to action.
 */
const DROPPABLE = ['rule:imperative'];

/**
 * How the note on an ask the trained reader took back begins, after the rules' reading in its
 * `via` (pipeline/trainedReader.ts writes it, the hover reads it back).
 */
export const TAKEN_BACK_NOTE = '; taken back by the trained reader (';

/** Whether the trained reader takes back the ask the rules read in a sentence (see DROPPABLE). */
export function drops(model: AskModel, features: readonly string[], p?: number): boolean {
  if (!model.drop || !DROPPABLE.some((f) => features.includes(f))) return false;
  return (p ?? askProbability(model, features)) < model.drop;
}

/**
 * The features of a sentence's own words, whatever stands around it: memoised per text (bounded),
 * so a keystroke re-reads only the sentences it changed, as the tagger's readings are.
 */
const textMemo = new Map<string, readonly string[]>();
let textMemoFor: Vocabulary | undefined;
function textFeatures(text: string, v: Vocabulary): readonly string[] {
  if (textMemoFor !== v) {
    textMemo.clear();
    textMemoFor = v;
  }
  const known = textMemo.get(text);
  if (known) return known;
  const f: string[] = [];
  const add = (s: string): void => {
    f.push(s);
  };
  const t = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  const count = countWords(text);
  const words = wordsOf(t);
  add(`words:${bucket(count, [1, 2, 4, 8, 15, 30])}`);
  add(`end:${endMark(text) ?? 'none'}`);
  if (/\bhttps?:\/\/|\bwww\./.test(t)) add('url:bare');
  if (URL_LINE.test(t)) add('url:line');
  if (/[\w.+-]@[\w-]+\.\w/.test(t)) add('email-address');
  const open = t.indexOf('[');
  if (t.includes('{{') || (open >= 0 && t.indexOf(']', open) > open)) add('slot');
  if (isNavigation(v, t)) add('nav');
  const bare = t.trim();
  if (bare.length > 0 && v.placeholders.startOf(bare)?.length === bare.length) add('placeholder');
  // Who speaks and to whom.
  const has = new Set(words);
  for (const w of ['you', 'your', 'we', 'our', 'i', 'me', 'us', 'please', 'here', 'below', 'now', 'today', 'free', 'not', "don't", 'if', 'would', 'love', 'happy', 'can', 'let']) if (has.has(w)) add(`has:${w}`);
  // How it opens: the words and, by part of speech, whether the first is a verb.
  const body = t.replace(LEAD, '');
  const head = wordsOf(body);
  if (head.length > 0) {
    add(`w1:${head[0]}`);
    if (head.length > 1) add(`w12:${head[0]} ${head[1]}`);
    if (count <= 40 && /^[a-z]/.test(body)) {
      const r = verbReading(body);
      if (r.plain) add('pos1:verb');
      else if (r.afterSubject) add('pos1:verb-after-you');
    }
  }
  const last = t === text ? words[words.length - 1] : wordsOf(text.slice(-40)).pop();
  if (last !== undefined) add(`wlast:${last}`);
  for (const w of has) if (w.length > 2) add(`bow:${w}`);
  // What its words ask for.
  const named = namedClass(v, body);
  if (named) add(`names:${named}`);
  // Every class of thing its words name, anywhere in it (section 2a: what the reader commits to
  // decides, not the verb): "invest in its development by signing up for a paid plan" names a plan.
  const objects = new Set<AskClass>();
  for (const o of v.objects.scan(t)) objects.add(o.cls);
  for (const c of objects) add(`obj:${c}`);
  if (textMemo.size >= 20_000) textMemo.clear();
  textMemo.set(text, f);
  return f;
}

/** Each model's weights as a Map, built once: a JSON object of thousands of keys is slow to index. */
const weightMaps = new WeakMap<LinearModel, Map<string, number>>();

function dot(m: LinearModel, features: readonly string[]): number {
  let w = weightMaps.get(m);
  if (!w) weightMaps.set(m, (w = new Map(Object.entries(m.weights))));
  let z = m.bias;
  for (const x of features) z += w.get(x) ?? 0;
  return z;
}

/** Probability that the sentence holds an ask. */
export function askProbability(model: AskModel, features: readonly string[]): number {
  return 1 / (1 + Math.exp(-dot(model.detect, features)));
}

/**
 * The features the class model reads: all but the audience's. What an ask asks for does not
 * change with who reads it (section 2a); learning the classes each audience was asked for most
 * made a customer's "try the board today" a referral request.
 */
export function classFeatures(features: readonly string[]): string[] {
  return features.filter((f) => !f.startsWith('aud:'));
}

/** Probabilities of each class for a sentence that holds an ask, best first. */
export function classProbabilities(model: AskModel, features: readonly string[]): { cls: AskClass; p: number }[] {
  const seen = classFeatures(features);
  const scores = (Object.entries(model.classes) as [AskClass, LinearModel][]).map(([cls, m]) => ({ cls, z: dot(m, seen) }));
  if (scores.length === 0) return [];
  const max = Math.max(...scores.map((s) => s.z));
  const exps = scores.map((s) => ({ cls: s.cls, e: Math.exp(s.z - max) }));
  const sum = exps.reduce((n, s) => n + s.e, 0);
  return exps.map((s) => ({ cls: s.cls, p: s.e / sum })).sort((a, b) => b.p - a.p);
}

/** What the trained reader makes of one sentence in its context. */
export interface Verdict {
  /** For a sentence the rules found an ask in: the class it gives that ask instead, if any. */
  reclass?: { cls: AskClass; p: number; mine: number };
  /** For an imperative the rules read as an ask: the trained reader takes it back, how sure it is that the sentence holds one, and what weighed most against. */
  drop?: { p: number; why: string };
  /** For a sentence the rules passed over: the ask it adds there, how sure it is, its class and what weighed most. */
  add?: { p: number; best: { cls: AskClass; p: number }; why: string };
}

/** The trained reader's verdict on a sentence: re-class the rules' ask (`ruleCls`), or add one. */
export function judge(model: AskModel, features: readonly string[], ruleCls: AskClass | undefined): Verdict {
  if (ruleCls !== undefined) {
    const p = model.drop ? askProbability(model, features) : 1;
    if (drops(model, features, p)) return { drop: { p, why: strongestFeatures(model.detect, features, -1, 3).join(', ') } };
    const r = reclassed(model, features, ruleCls);
    return r ? { reclass: r } : {};
  }
  const p = askProbability(model, features);
  if (!adds(model, features, p)) return {};
  const best = classProbabilities(model, features)[0];
  if (!best) return {};
  return { add: { p, best, why: strongestFeatures(model.detect, features, 1).join(', ') } };
}

/**
 * The class the trained reader gives an ask the rules found, when it overrides the rules': the
 * class model's first choice, when it beats the rules' class by the model's margin. A phrasing
 * the lexicon named keeps the class section 2a gives it ("Download the guide" is exchange, even
 * where the corpora's labellers read an ungated download as consume): measured out of set, letting
 * the model re-class those too gained 1.4 points of class accuracy and broke 2a's own examples.
 * Used by the analysis (pipeline/trainedReader.ts) and by the training script alike, so both
 * decide the same way.
 */
export function reclassed(model: AskModel, features: readonly string[], ruleCls: AskClass): { cls: AskClass; p: number; mine: number } | undefined {
  if (features.includes('rule:lexicon')) return undefined;
  const classes = classProbabilities(model, features);
  const best = classes[0];
  const mine = classes.find((c) => c.cls === ruleCls)?.p ?? 0;
  return best && best.cls !== ruleCls && best.p - mine > model.override ? { cls: best.cls, p: best.p, mine } : undefined;
}

/** The features that pushed a sentence's score most, in words, for `trustline explain` and the hover. */
export function strongestFeatures(m: LinearModel, features: readonly string[], sign: 1 | -1, n = 3): string[] {
  const words = [...new Set(features)]
    .map((x) => ({ x, w: (m.weights[x] ?? 0) * sign }))
    .filter((e) => e.w > 0)
    .sort((a, b) => b.w - a.w || (a.x < b.x ? -1 : 1))
    .map((e) => describe(e.x));
  return [...new Set(words)].slice(0, n);
}

/** "a landing page", "an email", "a draft of no known type". */
function draftOfType(type: string): string {
  if (type === 'none') return 'a draft of no known type';
  const words = type.replace(/-/g, ' ');
  return `${article(words)} ${words}`;
}

/** A bucket of `bucket()` in words: "<=8" is "up to 8", ">30" "more than 30". */
function bucketWords(b: string): string {
  return b.replace('<=', 'up to ').replace('>', 'more than ');
}

function describe(x: string): string {
  // "type:landing-page&cont:list": a list item in a landing page.
  const both = /^type:([a-z-]+)&cont:([a-z]+)$/.exec(x);
  if (both) return `${both[2] === 'list' ? 'a list item' : both[2] === 'ps' ? 'a P.S. line' : `a ${both[2]} line`} in ${draftOfType(both[1]!)}`;
  const [k, ...rest] = x.split(':');
  const val = rest.join(':');
  switch (k) {
    case 'links':
      return val === '0' ? 'no link' : `${val === '3' ? '3 or more' : val} link${val === '1' ? '' : 's'}`;
    case 'near':
      return val === 'prev-rule' ? 'the rules matched an ask in the sentence before' : 'the rules matched an ask in the sentence after';
    case 'type':
      return rest.length === 1 ? draftOfType(val) : x;
    case 'pos':
      return val === 'first' ? 'the first sentence' : val === 'last' ? 'the last sentence' : val === '<=0.2' ? 'early in the draft' : val === '>0.8' ? 'late in the draft' : 'in the middle of the draft';
    case 'aud':
      return `${article(val)} ${val} audience`;
    case 'hd':
      return `the heading above says "${val}"`;
    case 'iw':
      return `the list's intro says "${val}"`;
    case 'lw':
      return `a link saying "${val}"`;
    case 'uw':
      return `a link to an address with "${val}"`;
    case 'link':
      return val === 'anchor' ? 'a link within the page' : val === 'nav' ? 'a link that moves around the site' : val === 'mailto' ? 'an email link' : val === 'opens' ? 'opens with a link' : x;
    case 'words':
      return `${bucketWords(val)} words`;
    case 'rule':
      return val === 'none' ? 'no rule found an ask' : `the rules read it as ${val}`;
    case 'cont':
      return `a ${val === 'ps' ? 'P.S.' : val} line`;
    case 'w1':
      return `opens with "${val}"`;
    case 'w12':
      return `opens with "${val}"`;
    case 'lw1':
      return `a link opening with "${val}"`;
    case 'pos1':
      return 'opens with a verb';
    case 'dest':
      return `a link to a ${val} page`;
    case 'names':
      return 'names what it asks for';
    case 'bow':
      return `says "${val}"`;
    case 'has':
      return `says "${val}"`;
    case 'end':
      return val === 'none' ? 'ends without a mark' : `ends with "${val}"`;
    case 'li':
      if (rest[0] === 'ruled') return rest[1] === 'none' ? 'the rules matched no ask in the rest of its list' : rest[1] === 'all' ? 'the rules matched an ask in every other item of its list' : `the rules matched an ask in ${rest[1]} other items of its list`;
      if (rest[0] === 'items') return `a list of ${bucketWords(rest[1]!)} items`;
      if (rest[0] === 'linked') return rest[1] === 'none' ? 'a list without links' : rest[1] === 'all' ? 'a list of links' : 'a list with some links';
      return x;
    default:
      return x;
  }
}
