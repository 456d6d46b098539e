/**
 * The trained reader (core/src/asks/learned.ts): what it adds to the rules, what it never
 * overturns, and that the bundled weights are what the training script makes of the corpora.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer, type TrainingUnit } from '../../core/src/analyze';
import { adds, askProbability, drops, FEATURE_VERSION, unitFeatures, viewKey, type UnitView } from '../../core/src/asks/learned';
import { defaultAskModel } from '../../core/src/asks/modelData';
import { vocabulary } from '../../core/src/asks/vocabulary';
import { hoverAt } from '../../core/src/hover';
import { ROOT as root } from '../support/root';

const email = (body: string, trust = 'interested') => `---\ntype: email\ntrust: ${trust}\n---\n\nHi Sam,\n\nWe shipped the new scheduling board last week.\n\n${body}\n\nBest,\nDana\n`;
const GO_TO = 'Go to dockwise.example to try the board on your own yard today!';
/** Where a hover's rule and skill links point: any address will do here. */
const links = { ruleUri: (id: string) => `rule:${id}`, skillUri: (n: string) => `skill:${n}` };
/** A pricing table whose feature bullet the rules read as a request to share. */
const PRICING_PAGE = '---\ntype: landing-page\n---\n\n# Plans\n\n## Team\n\n- Unlimited boards\n- Share tasks with friends and co-workers\n- Priority support\n\n[Start free trial](https://x.example/trial)\n';

function unitsOf(text: string): TrainingUnit[] {
  let units: TrainingUnit[] = [];
  new Analyzer().analyze(text, { force: true, askModel: null, onUnits: (u) => (units = u) });
  return units;
}

describe('the trained reader', () => {
  test('finds an ask the rules pass over, classes it, says how it read it, and the check warns', () => {
    const text = email(GO_TO);
    assert.deepEqual(new Analyzer().analyze(text, { force: true, askModel: null }).asks, []);
    const a = new Analyzer().analyze(text, { force: true });
    assert.deepEqual(a.asks.map((x) => [x.text, x.class, x.kind]), [[GO_TO, 'evaluate', 'sentence']]);
    assert.match(a.asks[0]!.via, /^read by the trained reader \(\d+% an ask: [^)]+\); class evaluate \(\d+%\)$/);
    // An evaluate ask (trust 4) to an INTERESTED audience (2): the writer is warned on that line.
    const warning = a.findings.find((f) => f.rule === 'ask-exceeds-trust');
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning?.range.start.line, 9);
  });

  test('underlines a sentence of math-bold letters whole, from its first letter to its last mark, never inside a surrogate pair', () => {
    const bold = (s: string) => [...s].map((ch) => (/[A-Z]/.test(ch) ? String.fromCodePoint(0x1d5d4 + ch.charCodeAt(0) - 65) : /[a-z]/.test(ch) ? String.fromCodePoint(0x1d5ee + ch.charCodeAt(0) - 97) : ch)).join('');
    const sentence = bold(GO_TO);
    const a = new Analyzer().analyze(email(`🚀 ${sentence}`), { force: true });
    assert.deepEqual(a.asks.map((x) => x.text), [sentence]);
    assert.deepEqual(new Analyzer().analyze(email(`🚀 ${sentence}`), { force: true, askModel: null }).asks, []);
  });

  test('its hover says the trained reader found it, how sure it is and why; a rule-found ask\'s hover does not', () => {
    const text = email(`${GO_TO}\n\n[Book a demo](https://dockwise.example/demo)`);
    const a = new Analyzer().analyze(text, { force: true });
    const found = hoverAt(a, text.indexOf('Go to') + 3, links)!.markdown;
    assert.match(found, /\nFound by the trained reader: \d+% an ask: [^\n]*opens with a verb[^\n]*; class evaluate \(\d+%\) {2}\n/);
    const rule = hoverAt(a, text.indexOf('Book a demo') + 3, links)!.markdown;
    assert.match(rule, /^\*\*evaluate ask\*\*: "Book a demo"/);
    assert.doesNotMatch(rule, /trained reader/);
  });

  test('the same sentence to a customer fits, and the draft is not told it asks for nothing', () => {
    const a = new Analyzer().analyze(email(GO_TO, 'customer'), { force: true });
    assert.equal(a.asks.length, 1);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'ask-exceeds-trust' || f.rule === 'missing-ask'), []);
  });

  test('never adds an ask to navigation, a placeholder, a lead-in question, a header or a list its intro holds', () => {
    const model = defaultAskModel();
    const sentence = unitsOf(email(GO_TO)).find((u) => u.text.startsWith('go to'))!;
    assert.ok(askProbability(model, sentence.features) >= model.add);
    assert.equal(adds(model, sentence.features), true);
    for (const blocker of ['nav', 'placeholder', 'lead-in', 'header', 'dropped:list-intro', 'dropped:introduced', 'rejected:negated', 'rejected:quoted', 'rejected:example', 'rejected:third-party', 'rejected:template', 'support:contact', 'before-code']) {
      assert.equal(adds(model, [...sentence.features, blocker]), false, blocker);
    }
  });

  test('never adds an ask the lexicon turned down by section 2a: a negated ask, an example, a quote', () => {
    const cases: [string, string][] = [
      ["You don't need to book a demo or talk to sales to try it.", 'rejected:negated'],
      ['Teams try different things, e.g. book a demo with three vendors in one week.', 'rejected:example'],
      // Section 2a's courtesy closer: help offered through a contact request.
      ['Reach out to us on [the forum](https://dockwise.example/forum) if you have any questions or issues.', 'support:contact'],
      // Template logic kept in the copy asks nothing.
      ['<% if @registration.comments.present? %>', 'rejected:template'],
    ];
    for (const [sentence, reason] of cases) {
      const unit = unitsOf(email(sentence, 'unknown')).find((u) => u.text.startsWith(sentence.slice(0, 8).toLowerCase()))!;
      assert.ok(unit.features.includes(reason), `${reason} in ${unit.features.join(' ')}`);
      assert.equal(unit.ruleAsk, undefined);
      assert.deepEqual(new Analyzer().analyze(email(sentence, 'unknown'), { force: true }).asks.map((x) => x.text), [], sentence);
    }
  });

  test('features: the rules\' reading, the place in the draft, links and where they go, the first word', () => {
    const text = email('[Manage preferences](https://dockwise.example/preferences) · [Book a demo](https://dockwise.example/demo)');
    const units = unitsOf(text);
    const nav = units.find((u) => u.text.startsWith('manage'))!;
    assert.ok(nav.features.includes('link:nav'), nav.features.join(' '));
    const demo = units.find((u) => u.text.includes('book a demo'))!;
    for (const f of ['dest:evaluate', 'links:1', 'cont:paragraph', 'type:email', 'w1:book']) assert.ok(demo.features.includes(f), `${f} in ${demo.features.join(' ')}`);
    assert.ok(demo.ruleAsk, 'the rules found "Book a demo"');
    const hi = units[0]!;
    assert.ok(hi.features.includes('greeting') && hi.features.includes('pos:first') && hi.features.includes('rule:none'), hi.features.join(' '));
    // A written-out address on a line of its own, with the draft's type: a post's call to action, an email's footer.
    const view = (text: string, type: 'social' | 'email'): UnitView => ({ text, container: 'paragraph', button: false, hero: false, header: false, greeting: false, index: 3, total: 5, closing: false, links: [], type });
    for (const line of ['🔗 https://gitbar.app', 'docs: wmcp-annotate.dev', 'github.com/laynepenney/codi']) {
      assert.ok(unitFeatures(view(line, 'social'), vocabulary()).includes('type:social&url:line'), line);
      assert.ok(unitFeatures(view(line, 'email'), vocabulary()).includes('type:email&url:line'), line);
    }
    assert.ok(!unitFeatures(view('read the notes at https://gitbar.app/notes before you upgrade.', 'social'), vocabulary()).includes('url:line'));
    // Pure: the same view gives the same features.
    assert.deepEqual(unitFeatures({ text: 'book a demo', container: 'list', button: false, hero: true, header: false, greeting: false, index: 0, total: 1, closing: true, links: [], type: null }, vocabulary()), unitFeatures({ text: 'book a demo', container: 'list', button: false, hero: true, header: false, greeting: false, index: 0, total: 1, closing: true, links: [], type: null }, vocabulary()));
  });

  test('features: what the rules matched in the sentences around it, in its block and its list', () => {
    const text = email('- Unlimited boards\n- Priority support\n- Star the repo on GitHub\n\nThanks!');
    const units = unitsOf(text);
    const item = (start: string) => units.find((u) => u.text.startsWith(start))!;
    // The rules match the last item only; the others see it beside them and in their list.
    assert.deepEqual(units.filter((u) => u.ruleAsk).map((u) => u.text), ['star the repo on github']);
    const support = item('priority support').features;
    assert.ok(support.includes('near:next-rule') && !support.includes('near:prev-rule'), support.join(' '));
    assert.ok(support.includes('li:ruled:most'), support.join(' '));
    const boards = item('unlimited boards').features;
    assert.ok(!boards.some((f) => f.startsWith('near:')), boards.join(' '));
    assert.ok(item('star the repo').features.includes('li:ruled:none'), item('star the repo').features.join(' '));
    // "Thanks!" is in a paragraph of its own: the list's asks are not beside it.
    assert.ok(!item('thanks').features.some((f) => f.startsWith('near:')), item('thanks').features.join(' '));
  });

  test('takes back an imperative the rules found only under the drop threshold, and never a link, a question, an opening or the lexicon\'s phrasing', () => {
    const model = { ...defaultAskModel(), drop: 0.3 };
    const base = ['cont:list', 'type:landing-page', 'rule:imperative', 'rulecls:evaluate'];
    assert.equal(drops(model, base, 0.29), true);
    assert.equal(drops(model, base, 0.31), false);
    assert.equal(drops({ ...model, drop: 0 }, base, 0.01), false);
    assert.equal(drops(model, base), askProbability(model, base) < 0.3);
    for (const shape of ['rule:link', 'rule:question', 'rule:offer', 'rule:lexicon', 'rule:opening']) assert.equal(drops(model, [...base.filter((f) => f !== 'rule:imperative'), shape], 0.01), false, shape);
  });

  test('takes back a feature bullet the rules read as an imperative, says so to explain, and warns on nothing there', () => {
    const page = PRICING_PAGE;
    // The rules alone read the bullet as a request to share (advocate).
    const rules = new Analyzer().analyze(page, { force: true, askModel: null });
    assert.deepEqual(rules.asks.map((x) => [x.text, x.class]), [['Share tasks with friends and co-workers', 'advocate'], ['Start free trial', 'evaluate']]);
    // The bundled model scores it under its threshold (the CLI test in test/cli/formats.test.ts
    // runs the same page through the bundled model too).
    const a = new Analyzer().analyze(page, { force: true });
    assert.deepEqual(a.asks.map((x) => [x.text, x.class]), [['Start free trial', 'evaluate']]);
    assert.deepEqual(a.takenBack?.map((x) => x.text), ['Share tasks with friends and co-workers']);
    assert.match(a.takenBack![0]!.via, /^read as an imperative; .*; taken back by the trained reader \(\d+% an ask: [^)]*the rules matched no ask in the rest of its list[^)]*\)$/);
    const line = page.split('\n').findIndex((l) => l.includes('Share tasks'));
    assert.deepEqual(a.findings.filter((f) => f.range.start.line === line), []);
    // Its hover says it is not counted, how the rules read it and why the trained reader took it back.
    const hover = hoverAt(a, page.indexOf('Share tasks') + 3, links)!;
    assert.deepEqual(hover.range, a.takenBack![0]!.range);
    assert.match(
      hover.markdown,
      /^\*\*Not counted as an ask\*\*: "Share tasks with friends and co-workers" {2}\nThe rules read it as an imperative; asks for "with friends" \(advocate, needs trust 5\+ ADVOCATE\)\. {2}\nThe trained reader took it back: \d+% an ask: [^\n]*the rules matched no ask in the rest of its list[^\n]*\. {2}\nNo check weighs it against the audience; `trustline explain` lists it under \*Taken back\*\.$/,
    );
    // Off its words, no hover.
    assert.equal(hoverAt(a, page.indexOf('Unlimited boards') + 3, links), null);
  });

  test('never takes back the only asks a draft has: the draft is not told it asks for nothing', () => {
    const page = PRICING_PAGE.replace('\n[Start free trial](https://x.example/trial)\n', '');
    const sure = { ...defaultAskModel(), drop: 0.99 };
    const a = new Analyzer().analyze(page, { force: true, askModel: sure });
    assert.deepEqual(a.asks.map((x) => x.text), ['Share tasks with friends and co-workers']);
    assert.equal(a.takenBack, undefined);
    assert.doesNotMatch(a.asks[0]!.via, /taken back/);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'missing-ask'), []);
    // With another ask beside it, the same model takes it back.
    assert.deepEqual(new Analyzer().analyze(PRICING_PAGE, { force: true, askModel: sure }).takenBack?.map((x) => x.text), ['Share tasks with friends and co-workers']);
  });

  test('asks stay in the order of the text, and each sentence points at its own', () => {
    const text = email(`[Read the teardown](https://dockwise.example/teardown)\n\n${GO_TO}\n\nReply with your yard count.`);
    const a = new Analyzer().analyze(text, { force: true });
    const starts = a.asks.map((x) => x.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
    assert.ok(a.asks.some((x) => x.text === GO_TO));
  });
});

describe('remembered verdicts', () => {
  // The analysis (pipeline/trainedReader.ts) remembers the trained reader's verdict on a sentence
  // under viewKey, so a keystroke re-scores only the sentences whose context changed: the key must
  // change whenever the features do.
  const base: Required<UnitView> = {
    text: 'join the community on slack: [slack](https://x.example/slack)',
    container: 'paragraph',
    button: false,
    hero: true,
    header: false,
    greeting: false,
    headingDepth: 2,
    index: 3,
    total: 10,
    closing: false,
    links: [{ text: 'slack', url: 'https://x.example/slack' }],
    rule: { shape: 'link', cls: 'consume', kind: 'phrase' },
    dropped: 'weak',
    rejected: 'negated',
    support: 'after',
    beforeCode: false,
    intro: false,
    prev: 'we shipped it.',
    next: 'questions?',
    leadIn: false,
    heading: 'get involved',
    list: { intro: 'ways to help:', introRule: false, items: 3, linked: 1, ruled: 0 },
    nearRule: { prev: false, next: true },
    type: 'email',
    audience: 1,
  };
  const changes: { [K in keyof UnitView]-?: Partial<UnitView>[] } = {
    text: [{ text: 'read the report: [report](https://x.example/r)' }],
    container: [{ container: 'list' }, { container: 'heading' }, { container: 'ps' }],
    button: [{ button: true }],
    hero: [{ hero: false }],
    header: [{ header: true }],
    greeting: [{ greeting: true }],
    headingDepth: [{ headingDepth: 1 }, { headingDepth: undefined }],
    index: [{ index: 0 }, { index: 9 }, { index: 8 }],
    total: [{ total: 4 }, { total: 40 }],
    closing: [{ closing: true }],
    links: [[], [{ text: 'discord', url: 'https://x.example/slack' }], [{ text: 'slack', url: 'https://x.example/pricing' }], [{ text: 'slack', url: 'mailto:a@b.c' }]].map((links) => ({ links })),
    rule: [{ rule: undefined }, { rule: { shape: 'imperative', cls: 'consume', kind: 'phrase' } }, { rule: { cls: 'engage', kind: 'phrase' } }, { rule: { shape: 'link', cls: 'consume', kind: 'url' } }, { rule: { shape: 'link', cls: 'consume', kind: 'phrase', weak: true } }],
    dropped: [{ dropped: undefined }, { dropped: 'list-intro' }],
    rejected: [{ rejected: undefined }, { rejected: 'example' }],
    support: [{ support: undefined }, { support: 'line' }],
    beforeCode: [{ beforeCode: true }],
    intro: [{ intro: true }],
    prev: [{ prev: undefined }, { prev: 'here is how:' }, { prev: 'want it?' }],
    next: [{ next: undefined }, { next: 'we shipped it.' }],
    leadIn: [{ leadIn: true }],
    heading: [{ heading: undefined }, { heading: 'pricing' }],
    list: [
      { list: undefined },
      { list: { intro: 'our sponsors:', introRule: false, items: 3, linked: 1, ruled: 0 } },
      { list: { intro: 'ways to help:', introRule: true, items: 3, linked: 1, ruled: 0 } },
      { list: { intro: 'ways to help:', introRule: false, items: 9, linked: 9, ruled: 0 } },
      { list: { introRule: false, items: 3, linked: 1, ruled: 0 } },
      { list: { intro: 'ways to help:', introRule: false, items: 3, linked: 1, ruled: 2 } },
      { list: { intro: 'ways to help:', introRule: false, items: 3, linked: 1, ruled: 1 } },
    ],
    nearRule: [{ nearRule: undefined }, { nearRule: { prev: true, next: false } }, { nearRule: { prev: true, next: true } }],
    type: [{ type: 'landing-page' }, { type: null }],
    audience: [{ audience: 5 }, { audience: undefined }],
  };

  test('every field of a view changes the key when it changes the features', () => {
    const v = vocabulary();
    // Every field of a view is changed here (a field added to UnitView must be added to both lists).
    assert.deepEqual(Object.keys(changes).sort(), Object.keys(base).sort());
    const f0 = unitFeatures(base, v).join(' ');
    let changedFeatures = 0;
    for (const [field, list] of Object.entries(changes)) {
      for (const change of list) {
        const view = { ...base, ...change } as UnitView;
        if (unitFeatures(view, v).join(' ') === f0) continue;
        changedFeatures++;
        assert.notEqual(viewKey(view), viewKey(base), `${field}: ${JSON.stringify(change)} changes the features but not the key`);
      }
    }
    assert.ok(changedFeatures >= 30, `only ${changedFeatures} changes changed the features`);
  });

  test('an analyzer that remembers verdicts across edits finds what a fresh one finds', () => {
    let text = email(`${GO_TO}\n\nWe can walk you through it.\n\n- [Read the teardown](https://dockwise.example/teardown)\n- [Join us on Slack](https://dockwise.example/slack)\n\nWorth a look?`);
    const reused = new Analyzer();
    reused.analyze(text, { force: true });
    const edits: [string, string][] = [['Worth a look?', 'Free Thursday for a look?'], ['- [Join', 'Some teams start here.\n\n- [Join'], ['We can walk', 'Happy to walk'], [GO_TO, 'We shipped it.']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const mine = reused.analyze(text, { force: true });
      const fresh = new Analyzer().analyze(text, { force: true });
      assert.deepEqual(mine.asks, fresh.asks, `after "${to}"`);
      assert.deepEqual(mine.findings, fresh.findings, `after "${to}"`);
    }
  });

  test('remembers what it took back, and gives it back when an edit changes its context', () => {
    // A model sure enough to take back every imperative it doubts, so the test does not hang on one score.
    const sure = { ...defaultAskModel(), drop: 0.99 };
    let text = PRICING_PAGE;
    const reused = new Analyzer();
    const first = reused.analyze(text, { force: true, askModel: sure });
    assert.deepEqual(first.takenBack?.map((x) => x.text), ['Share tasks with friends and co-workers']);
    const edits: [string, string][] = [['- Priority support', '- Star the repo on GitHub'], ['Share tasks', 'Share notes'], ['[Start free trial](https://x.example/trial)', 'Thanks for reading.'], ['Thanks for reading.', '[Start free trial](https://x.example/trial)']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const mine = reused.analyze(text, { force: true, askModel: sure });
      const fresh = new Analyzer().analyze(text, { force: true, askModel: sure });
      assert.deepEqual(mine.asks, fresh.asks, `after "${to}"`);
      assert.deepEqual(mine.takenBack, fresh.takenBack, `after "${to}"`);
      assert.deepEqual(mine.findings, fresh.findings, `after "${to}"`);
    }
    // With the button, both bullets are taken back; with only the bullets left to ask, neither is.
    assert.deepEqual(reused.analyze(text, { force: true, askModel: sure }).takenBack?.map((x) => x.text), ['Share notes with friends and co-workers', 'Star the repo on GitHub']);
    const bulletsOnly = reused.analyze(text.replace('[Start free trial](https://x.example/trial)', ''), { force: true, askModel: sure });
    assert.equal(bulletsOnly.takenBack, undefined);
    assert.deepEqual(bulletsOnly.asks.map((x) => x.text), ['Share notes with friends and co-workers', 'Star the repo on GitHub']);
  });
});

describe('the bundled weights', () => {
  test('were trained on the features this version computes, with thresholds in range', () => {
    const model = defaultAskModel();
    assert.equal(model.version, FEATURE_VERSION);
    assert.ok(model.add > 0 && model.add < 1);
    assert.ok(model.override >= 0 && model.override <= 1);
    assert.ok(model.drop !== undefined && model.drop >= 0 && model.drop < model.add);
    assert.ok(Object.keys(model.detect.weights).length > 100);
  });

  test('are exactly what scripts/train-ask-model.ts makes of the labelled sets (retrain after changing the reader)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustline-model-'));
    try {
      const out = join(dir, 'model.json');
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'train-ask-model.ts'), '--out', out], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(join(root, 'core', 'src', 'data', 'ask-model.json'), 'utf8'), 'the bundled model is stale: run node --import tsx scripts/train-ask-model.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
