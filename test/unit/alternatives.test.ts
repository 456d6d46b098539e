// Trust-matched alternative asks: the data file (core/src/data/alternatives.json) and the
// ordering a writer sees in hovers and the light bulb. The most important test reads every
// alternative back through the analyzer: a suggestion the lexicon does not recognise as the class
// it claims would leave the writer with a draft that is still wrong (or that now asks for nothing).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import data from '../../core/src/data/alternatives.json';
import { alternativesFor, appropriateAsk, looksLikeLabel, plainAlternative, stepDown } from '../../core/src/alternatives';
import { Analyzer } from '../../core/src/analyze';
import { ASK_CLASSES, ASK_LEVELS, DRAFT_TYPES } from '../../core/src/model';
import type { AskClass, DraftType } from '../../core/src/types';

type Forms = { sentence?: string[]; link?: string[] };
const table = (data as { asks: Record<string, Record<string, Forms>> }).asks;
const TYPES = DRAFT_TYPES.map((d) => d.id);

/** A draft of `type` whose only ask is `body`, after a sentence of value. */
function draft(type: DraftType, body: string, trust = 0): string {
  return `---\ntype: ${type}\ntrust: ${trust}\n---\n\nWe looked at forty teams and found the same three problems in each of them.\n\n${body}\n`;
}

describe('alternatives.json', () => {
  test('has an entry for every ask class, each with generic sentence and link forms', () => {
    assert.deepEqual(Object.keys(table).sort(), [...ASK_CLASSES].sort());
    for (const cls of ASK_CLASSES) {
      assert.ok((table[cls]!.any?.sentence?.length ?? 0) >= 3 || cls === 'advocate', `${cls}: fewer than 3 generic sentences`);
      assert.ok((table[cls]!.any?.link?.length ?? 0) >= 2, `${cls}: fewer than 2 generic link forms`);
    }
  });

  test('the stages 0 to 4 have several sentences and a link form for every draft type', () => {
    for (const cls of ['consume', 'engage', 'exchange', 'meeting', 'evaluate'] as AskClass[]) {
      for (const type of TYPES) {
        const forms = table[cls]![type];
        assert.ok(forms, `${cls} has nothing for ${type}`);
        assert.ok((forms.sentence?.length ?? 0) >= 2, `${cls}/${type}: fewer than 2 sentences`);
        assert.ok((forms.link?.length ?? 0) >= 1, `${cls}/${type}: no link form`);
      }
    }
  });

  test('keys are ask classes and draft types; forms are well shaped and never repeat', () => {
    for (const [cls, byType] of Object.entries(table)) {
      for (const [type, forms] of Object.entries(byType)) {
        assert.ok(type === 'any' || TYPES.includes(type as DraftType), `${cls}: unknown draft type ${type}`);
        assert.deepEqual(Object.keys(forms).filter((k) => k !== 'sentence' && k !== 'link'), [], `${cls}/${type}: unknown key`);
        for (const s of forms.sentence ?? []) assert.match(s, /^[A-Z].*[.?]$/, `${cls}/${type}: a sentence must start with a capital and end with . or ?: ${s}`);
        for (const l of forms.link ?? []) {
          assert.match(l, /^[A-Z][^.!?]*$/, `${cls}/${type}: a link form has no end punctuation: ${l}`);
          assert.ok(l.split(' ').length <= 7, `${cls}/${type}: link text too long: ${l}`);
        }
        const all = [...(forms.sentence ?? []), ...(forms.link ?? [])];
        assert.equal(new Set(all).size, all.length, `${cls}/${type}: repeated entry`);
        for (const s of all) {
          // Slots in braces mark a resource or a time the writer must make their own; nothing else.
          assert.doesNotMatch(s.replace(/\{[^{}]+\}/g, 'SLOT'), /[{}[\]|`]|!/, `${cls}/${type}: unbalanced slots, markdown or exclamation marks in ${s}`);
          for (const m of s.matchAll(/\{([^{}]+)\}/g)) {
            assert.match(m[1]!, /\b(?:teardown|case study|report|guide|checklist|video|recording|template|playbook|breakdown|write-up|one-pager|deck|episode|benchmark|scorecard|calculator|worksheet|summary|slides|minutes?|call|demo|monday|tuesday|wednesday|thursday|friday)\b/i, `${cls}/${type}: a slot that is neither a resource nor a time: ${s}`);
          }
        }
      }
    }
  });

  // Every suggestion must read back as the class it claims, alone, with no pressure, in its own
  // draft type: otherwise applying it leaves the diagnostic (or creates a missing-ask).
  const analyzer = new Analyzer();
  for (const [cls, byType] of Object.entries(table)) {
    for (const [type, forms] of Object.entries(byType)) {
      const draftType: DraftType = type === 'any' ? 'email' : (type as DraftType);
      test(`${cls}/${type}: every alternative is recognised as ${cls}`, () => {
        const wrong: string[] = [];
        for (const form of ['sentence', 'link'] as const) {
          for (const s of forms[form] ?? []) {
            const words = plainAlternative(s);
            const body = form === 'link' ? `[${words}](https://example.com/next)` : words;
            const r = analyzer.analyze(draft(draftType, body));
            const got = r.asks.map((a) => a.class);
            const pressure = r.findings.filter((f) => f.rule === 'pressure-before-trust');
            if (got.length !== 1 || got[0] !== cls || pressure.length > 0) wrong.push(`${JSON.stringify(s)} -> ${got.join(', ') || 'no ask'}${pressure.length ? ' (+pressure)' : ''}`);
          }
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});

describe('alternativesFor', () => {
  test('an email to an AWARE reader: engage first, then consume, sentence forms', () => {
    const alts = alternativesFor({ askClass: 'evaluate', audienceLevel: 1, draftType: 'email' });
    assert.deepEqual(
      alts.slice(0, 5).map((a) => plainAlternative(a.text)),
      [
        'Would the 2-page teardown be useful? A one-word reply is plenty.',
        "Worth a look? Here's the 3-minute read.",
        'Is this on your radar this quarter, or is it a next-year problem?',
        'How are you handling this today? A one-line reply is plenty.',
        'Is this on your radar this quarter?',
      ],
    );
    assert.deepEqual([...new Set(alts.map((a) => a.class))], ['engage', 'consume']);
    assert.ok(alts.every((a) => a.form === 'sentence'));
  });

  test('a landing page button to UNKNOWN visitors: short link forms, the page type first', () => {
    const alts = alternativesFor({ askClass: 'evaluate', audienceLevel: 0, draftType: 'landing-page', inLink: true });
    assert.deepEqual(
      alts.map((a) => [plainAlternative(a.text), a.draftType]),
      [
        ['See how it works', 'landing-page'],
        ['Read the case study', 'landing-page'],
        ['Watch the 2-minute video', 'landing-page'],
        ['Read the teardown', null],
      ],
    );
  });

  test('the class that fits the stage (stages.json appropriateAsk) always comes first', () => {
    const expected: AskClass[] = ['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'expand', 'advocate'];
    for (let level = 0; level <= 6; level++) {
      assert.equal(appropriateAsk(level), expected[level]);
      for (const type of [...TYPES, null]) {
        const first = alternativesFor({ audienceLevel: level, draftType: type })[0];
        assert.equal(first?.class, expected[level], `level ${level}, ${type}`);
      }
    }
  });

  test('a too-big ask is only replaced by asks the audience can give', () => {
    // A pricing request (commit, 4) to an engaged reader (3): the meeting fits.
    const alts = alternativesFor({ askClass: 'commit', audienceLevel: 3, draftType: 'email' });
    assert.equal(alts[0]!.class, 'meeting');
    assert.ok(alts.every((a) => a.level < 4 && a.level <= 3));
    // An exchange ask (2) to an aware reader (1): only engage and consume.
    const lower = alternativesFor({ askClass: 'exchange', audienceLevel: 1, draftType: 'blog' });
    assert.deepEqual([...new Set(lower.map((a) => a.class))], ['engage', 'consume']);
  });

  test('an under-ask gets the class that fits the audience first (ask for more)', () => {
    const alts = alternativesFor({ askClass: 'consume', audienceLevel: 4, draftType: 'email', inLink: true });
    assert.deepEqual(
      alts.slice(0, 3).map((a) => plainAlternative(a.text)),
      ['Book a demo', 'Start your free trial', 'See a 20-minute demo'],
    );
    // At level 4, evaluate then commit (both level 4), then meeting; never another consume ask.
    assert.deepEqual([...new Set(alts.map((a) => a.class))], ['evaluate', 'commit', 'meeting', 'exchange', 'engage']);
  });

  test('a draft type without its own entry falls back to the generic one', () => {
    const alts = alternativesFor({ askClass: 'advocate', audienceLevel: 5, draftType: 'social', inLink: true });
    assert.deepEqual(alts.slice(0, 3).map((a) => plainAlternative(a.text)), ['Add seats', 'Invite your teammates', 'Roll out to your team']);
    assert.ok(alts.slice(0, 3).every((a) => a.draftType === null));
  });

  test('levels out of range are clamped, never a crash', () => {
    assert.equal(alternativesFor({ audienceLevel: -3 })[0]!.class, 'consume');
    assert.equal(alternativesFor({ audienceLevel: 42 })[0]!.class, 'advocate');
  });
});

describe('stepDown', () => {
  test('each class steps to the nearest lower level (evaluate and commit both to meeting)', () => {
    const steps = Object.fromEntries(ASK_CLASSES.map((c) => [c, stepDown(c)?.class ?? null]));
    assert.deepEqual(steps, {
      consume: null,
      engage: 'consume',
      exchange: 'engage',
      meeting: 'exchange',
      evaluate: 'meeting',
      commit: 'meeting',
      expand: 'evaluate',
      advocate: 'expand',
    });
    for (const c of ASK_CLASSES) {
      const s = stepDown(c);
      if (s) assert.ok(s.level < ASK_LEVELS[c] && s.level === ASK_LEVELS[s.class]);
    }
  });

  test('comes with suggestions in the right form for the draft', () => {
    const s = stepDown('evaluate', { draftType: 'email', inLink: true })!;
    assert.deepEqual(
      s.suggestions.map((a) => plainAlternative(a.text)),
      ['Grab 20 minutes on my calendar', 'Book a 20-minute call', 'Pick a time that suits you', 'Talk to our team'],
    );
    const sentence = stepDown('meeting', { draftType: 'social' })!;
    assert.equal(plainAlternative(sentence.suggestions[0]!.text), 'Grab the one-page checklist in the comments.');
  });
});

describe('looksLikeLabel', () => {
  test('headings, button labels and table rows are labels; sentences are not', () => {
    assert.equal(looksLikeLabel('Book your demo'), true);
    assert.equal(looksLikeLabel('Book a demo →'), true);
    assert.equal(looksLikeLabel('| Enterprise | Book a demo with our team |'), true);
    assert.equal(looksLikeLabel('Book a demo with our team.'), false);
    assert.equal(looksLikeLabel('Could we book a demo?'), false);
    assert.equal(looksLikeLabel('If you have a spare half hour next week we could book a demo together'), false);
  });
});
