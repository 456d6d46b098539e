// The properties shared by test/unit/properties.test.ts (fixed seed, bounded runs, in npm test)
// and scripts/fuzz.ts (`npm run fuzz`: fresh seeds for ten minutes).
import fc from 'fast-check';
import { Analyzer, type Analysis } from '../../core/src/analyze';
import { applyEdits, codeActionsFor, fixAllEdits } from '../../core/src/actions';
import { LineIndex } from '../../core/src/text';

const FRAGMENTS = [
  '---\n', 'type: email\n', 'trust: 0\n', 'trust: aware\n', 'trust: 5+\n', 'channel: linkedin-organic\n', '---\n',
  '\n', '\n\n', '\r\n', '\r', '  ', '# ', '## ', '> ', '- ', '1. ', '| a | b |\n|---|---|\n| c | d |\n', '```\n', '`',
  '**', '_', '[', ']', '(', ')', '](https://x.example/)', '[Book a demo](https://x.example/demo)', '<https://calendly.com/maya/20min>',
  '<!-- trustline-disable-next-line ask-exceeds-trust -->\n', '<!-- trustline-disable -->\n', '<!-- trustline-enable -->\n',
  'Book a demo.', 'Book a demo now!', 'Read the guide.', 'Start your free trial', 'Get a quote.', 'Open to a 20-minute call?',
  'Leave a review.', 'Add 8 seats.', 'Refer a colleague.', 'P.S. Follow us.', 'Only 3 seats left!', 'Hi Tom,\n', 'Try [Product Name] free',
  '𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼', '👉 ', '🚚', '\u200b', '\u00a0', '\u2028', '\ufeff', '\u200f', 'e\u0301', '\ud83d', '\udc00', '\u0000', '…', '—', '“quoted”',
];

/** A draft: front matter most of the time, then fragments and arbitrary Unicode, mixed. */
export function draft(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
  const body = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
  const front = fc.constantFrom('', '---\ntype: email\ntrust: 0\n---\n\n', '\ufeff---\ntype: landing-page\ntrust: unknown\n---\n', '---\r\ntype: social\r\ntrust: 1\r\n---\r\n');
  return fc.tuple(front, body).map(([f, b]) => f + b);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether `offset` cuts a surrogate pair of `text` in two. */
const splitsPair = (text: string, offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

function analyse(text: string): Analysis {
  return new Analyzer().analyze(text, { force: true });
}

/** A short, printable rendering of a draft for failure messages. */
const show = (text: string) => JSON.stringify(text.slice(0, 300));

/** Every range of the analysis lies inside the text, on character boundaries; no ask is empty. */
function rangesHold(text: string): void {
  const a = analyse(text);
  if ((a.internalErrors ?? []).length) throw new Error(`internal errors on ${show(text)}: ${a.internalErrors!.join('; ')}`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  for (const f of a.findings) {
    for (const p of [f.range.start, f.range.end]) {
      if (p.line < 0 || p.line >= lines.lineCount) throw new Error(`${f.rule}: line ${p.line} outside ${show(text)}`);
      const lineLength = lines.lineEnd(p.line) - lines.lineStarts[p.line]!;
      if (p.character < 0 || p.character > lineLength) throw new Error(`${f.rule}: column ${p.character} past the end of line ${p.line} in ${show(text)}`);
      if (splitsPair(body, lines.offsetAt(p))) throw new Error(`${f.rule}: a range splits a surrogate pair in ${show(text)}`);
    }
  }
  for (const k of a.asks) {
    if (!(k.start >= 0 && k.start < k.end && k.end <= body.length)) throw new Error(`ask ${k.start}-${k.end} outside or empty in ${show(text)}`);
    if (k.text.trim() === '') throw new Error(`an ask with blank text in ${show(text)}`);
    if (splitsPair(body, k.start) || splitsPair(body, k.end)) throw new Error(`an ask splits a surrogate pair in ${show(text)}`);
  }
}

/** The same text gives the same findings and asks, every time. */
function deterministic(text: string): void {
  const once = analyse(text);
  const twice = analyse(text);
  const key = (a: Analysis) => JSON.stringify({ f: a.findings.map((f) => [f.rule, f.range, f.message]), k: a.asks.map((k) => [k.start, k.end, k.class]) });
  if (key(once) !== key(twice)) throw new Error(`two runs differ on ${show(text)}`);
}

/**
 * Every code action's edits, and fix-all, lie inside the document on character boundaries, do not
 * overlap, and change nothing outside their ranges: applying them equals splicing the new text in.
 */
function nothingLost(text: string): void {
  const a = analyse(text);
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const editSets = a.findings.flatMap((f) => codeActionsFor(a, f).flatMap((act) => (act.edits ? [act.edits] : [])));
  editSets.push(fixAllEdits(a));
  for (const edits of editSets) {
    if (edits.length === 0) continue;
    const spans = edits.map((e) => {
      for (const p of [e.range.start, e.range.end]) {
        if (p.line < 0 || p.line >= lines.lineCount || p.character < 0 || p.character > lines.lineEnd(p.line) - lines.lineStarts[p.line]!) {
          throw new Error(`an edit position ${JSON.stringify(p)} is outside the document ${show(text)}`);
        }
      }
      const s = lines.offsetAt(e.range.start);
      const t = lines.offsetAt(e.range.end);
      if (t < s) throw new Error(`an inverted edit in ${show(text)}`);
      if (splitsPair(body, s) || splitsPair(body, t)) throw new Error(`an edit splits a surrogate pair in ${show(text)}`);
      return { s, t, newText: e.newText };
    });
    spans.sort((x, y) => x.s - y.s || x.t - y.t);
    for (let k = 1; k < spans.length; k++) if (spans[k]!.s < spans[k - 1]!.t) throw new Error(`overlapping edits in ${show(text)}`);
    // What must come out: the text outside the edited ranges, byte for byte, with each new text in its place.
    let expected = bom;
    let at = 0;
    for (const sp of spans) {
      expected += body.slice(at, sp.s) + sp.newText;
      at = sp.t;
    }
    expected += body.slice(at);
    if (applyEdits(text, edits) !== expected) throw new Error(`applying the edits changed text outside their ranges in ${show(text)}`);
  }
}

/** The same checks on one given text: fixtures, examples and the drafts fuzzing once broke. */
export const ON_TEXT = { rangesHold, deterministic, nothingLost };

export const PROPERTIES = {
  'the analysis never throws, and every range and ask lies inside the text on character boundaries': () => fc.property(draft(), rangesHold),
  'an unchanged draft gives identical findings': () => fc.property(draft(), deterministic),
  'every edit of every code action and of fix-all stays in its range: nothing outside it changes': () => fc.property(draft(), nothingLost),
};

export type PropertyName = keyof typeof PROPERTIES;
