/**
 * Stage 5 of the analysis (analyze.ts): the trained reader's second opinion on every sentence
 * (asks/learned.ts). It may add an ask to a sentence the rules passed over, take back an
 * imperative the rules read as one (learned.ts drops), or re-class an ask the
 * shape reader found; the asks end in the order of the text. Its verdicts are remembered by
 * sentence in context (learned.ts viewKey), so a keystroke re-scores only the sentences around
 * the edit. It runs after the profile: it reads the draft's type and audience.
 */
import type { TrainingUnit } from '../analyze';
import { endMark, FEATURE_VERSION, judge, TAKEN_BACK_NOTE, unitFeatures, viewKey, type AskModel, type UnitView, type Verdict } from '../asks/learned';
import { defaultAskModel } from '../asks/modelData';
import { vocabulary } from '../asks/vocabulary';
import { ASK_LEVELS } from '../model';
import type { LineIndex } from '../text';
import type { Profile } from '../types';
import { askAt, inTextOrder, wordsSpan, type Sentences } from './sentences';

/**
 * The trained reader's verdicts on the last analysis's sentences, by sentence in context, for the
 * model they came from: only the current sentences are kept, as only the current blocks are in
 * the block cache.
 */
export interface RememberedVerdicts {
  model: AskModel | undefined;
  verdicts: Map<string, Verdict>;
}

export function noVerdicts(): RememberedVerdicts {
  return { model: undefined, verdicts: new Map<string, Verdict>() };
}

/**
 * Let the trained reader read every sentence, changing `sentences.asks` (and the sentences'
 * `ask`) in place. `askModel` is unset for the bundled model, `null` for the rules alone;
 * `onUnits` gets every sentence's features, for the training script. Returns the verdicts to
 * remember for the next analysis.
 */
export function trainedReaderPass(
  text: string,
  lines: LineIndex,
  sentences: Sentences,
  profile: Profile,
  askModel: AskModel | null | undefined,
  remembered: RememberedVerdicts,
  onUnits: ((units: TrainingUnit[]) => void) | undefined,
): RememberedVerdicts {
  const { asks, units, unitMatches, unitRejected, unitSupport, unitLinks, closing, above, dropped, intros, beforeCode } = sentences;
  const model = askModel === undefined ? defaultAskModel() : askModel;
  if (!((model && model.version === FEATURE_VERSION) || onUnits)) return remembered;
  const v = vocabulary();
  const training: TrainingUnit[] = [];
  const known = remembered.model === model ? remembered.verdicts : new Map<string, Verdict>();
  const verdicts = new Map<string, Verdict>();
  // List sizes per block (a block's list items are one list), and the heading over each sentence.
  const listItems = new Map<number, { items: number; linked: number; ruled: number }>();
  units.forEach((unit, i) => {
    if (unit.container !== 'list') return;
    const l = listItems.get(unit.block) ?? { items: 0, linked: 0, ruled: 0 };
    l.items++;
    if (unitLinks[i]!.length > 0) l.linked++;
    if (unitMatches[i]) l.ruled++;
    listItems.set(unit.block, l);
  });
  // Imperatives the trained reader takes back (learned.ts drops), with its score and reasons.
  const takenBack = new Map<(typeof asks)[number], NonNullable<Verdict['drop']>>();
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
      view.list = { ...list, ruled: list.ruled - (m ? 1 : 0), introRule: intro >= 0 && unitMatches[intro] !== undefined };
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
    if (beforeCode.has(i)) view.beforeCode = true;
    if (i > 0) view.prev = units[i - 1]!.text;
    if (i + 1 < units.length) view.next = units[i + 1]!.text;
    const prevRule = i > 0 && units[i - 1]!.block === unit.block && unitMatches[i - 1] !== undefined;
    const nextRule = i + 1 < units.length && units[i + 1]!.block === unit.block && unitMatches[i + 1] !== undefined;
    if (prevRule || nextRule) view.nearRule = { prev: prevRule, next: nextRule };
    // A question that leads into the ask after it in its paragraph, or a line that leads into
    // it with a colon ("If you run a plant and want the same view:" over "Book a demo: ..."):
    // the ask is the next sentence's.
    const mark = endMark(unit.text);
    if (i + 1 < units.length && unitMatches[i + 1] && ((mark === '?' && units[i + 1]!.block === unit.block) || mark === ':')) view.leadIn = true;
    const ask = unit.ask !== undefined ? asks[unit.ask] : undefined;
    let features: readonly string[] | undefined;
    if (onUnits) {
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
    if (ask && verdict.drop) {
      // An imperative the trained reader scores under its `drop` threshold is no ask: a feature
      // bullet or a how-to step written as a command ("Share tasks with friends and co-workers").
      takenBack.set(ask, verdict.drop);
      return;
    }
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
  onUnits?.(training);
  // Asks in the order of the text, each sentence pointing at its own.
  // Never down to no ask at all: a draft whose only asks are imperatives the trained reader doubts
  // keeps them, as a button's fallback line stays where it is the only way to act (fallback.ts),
  // rather than be told it asks for nothing.
  if (takenBack.size > 0 && takenBack.size < asks.length) {
    for (const [ask, d] of takenBack) ask.via += `${TAKEN_BACK_NOTE}${Math.round(d.p * 100)}% an ask: ${d.why})`;
    sentences.takenBack = [...takenBack.keys()];
    inTextOrder(asks, units, new Set(takenBack.keys()));
  } else inTextOrder(asks, units);
  return { model: model ?? undefined, verdicts };
}
