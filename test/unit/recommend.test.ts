// The Recommend-skill command without the editor: which skill a draft needs (the "I need to write
// something" tree), the one-line explanation, the decision-tree walk as a state machine the client
// only renders, and the consistency of the skills data behind it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';
import { DRAFT_TYPES } from '../../core/src/model';
import { back, choose, pathForDraft, quickReference, recommend, start, type WalkState } from '../../core/src/recommend';
import {
  HUB_SKILL,
  SKILLS,
  SKILLS_DATA,
  draftTypeDescription,
  repurposesLongerPiece,
  skillForDraft,
  validateSkillsData,
  type SkillsData,
} from '../../core/src/skills';
import type { DraftType } from '../../core/src/types';

const COLD_EMAIL = `---
type: email
trust: unknown
subject: The new Reno DC and your dock schedule
---

Hi Tom,

Cold Ridge Foods cut average truck wait time at their Fresno yard from just over two hours to 26 minutes.

Could we book a 30-minute demo next week?

P.S. Or grab 15 minutes on a call with me if that is easier.
`;

describe('skillForDraft: the "I need to write something" tree', () => {
  test('each draft type lands on its skill', () => {
    const got = Object.fromEntries(DRAFT_TYPES.map((d) => [d.id, skillForDraft({ type: d.id })?.skill]));
    assert.deepEqual(got, {
      email: 'writing-b2b-emails',
      'landing-page': 'writing-persuasive-copy',
      ad: 'writing-persuasive-copy',
      blog: 'seo-and-content-strategy',
      social: 'linkedin-organic-and-paid',
      sales: 'enabling-champions',
      'lead-magnet': 'generating-lead-magnets',
      event: 'events-and-partnerships',
    });
    assert.equal(skillForDraft({ type: null }), null);
  });

  test('a paid search ad also gets running-paid-ads; a LinkedIn ad does not', () => {
    const search = skillForDraft({ type: 'ad', channel: 'paid-search' })!;
    assert.deepEqual([search.skill, search.also, search.trail], ['writing-persuasive-copy', ['running-paid-ads'], ['Landing page/ad', 'Paid search ad']]);
    const feed = skillForDraft({ type: 'ad', channel: 'linkedin-paid' })!;
    assert.deepEqual([feed.skill, feed.also, feed.trail], ['writing-persuasive-copy', [], ['Landing page/ad', 'Social/display ad']]);
  });

  test('a social post that repurposes or links a longer piece goes to atomizing-content', () => {
    const post = (body: string) => `---\ntype: social\ntrust: aware\n---\n\n${body}\n\n#RevOps\n`;
    const analyzer = new Analyzer();
    const cases: [string, string][] = [
      ['Three numbers from our 2024 benchmark report surprised me.\n\nThe first: median speed-to-lead is still four hours.', 'atomizing-content'],
      ['Speed-to-lead is still four hours at most companies.\n\n[Read the full breakdown](https://x.example/report)', 'atomizing-content'],
      ['Speed-to-lead is still four hours at most companies. What is your take?', 'linkedin-organic-and-paid'],
    ];
    for (const [body, skill] of cases) {
      const text = post(body);
      const a = analyzer.analyze(text);
      assert.equal(skillForDraft(a.profile!, text, a.asks)?.skill, skill, body);
    }
    assert.equal(repurposesLongerPiece('Full write-up in the first comment.'), true);
    assert.equal(repurposesLongerPiece('We changed one rule in our lead routing.'), false);
  });

  test('what each draft type is, in the tree\'s words', () => {
    assert.equal(draftTypeDescription('email'), 'Outreach, follow-up, nurture or sequence step');
    assert.equal(draftTypeDescription('ad'), 'Text ad for search keywords; LinkedIn sponsored content, display or retargeting creative');
    assert.equal(draftTypeDescription('social'), 'A LinkedIn or other social post');
  });
});

describe('recommend: where to start, and why', () => {
  test('the cold email: an email, two asks over the trust → writing-b2b-emails, and check trust-building-principles', () => {
    const a = new Analyzer().analyze(COLD_EMAIL);
    const r = recommend({ analysis: a });
    assert.equal(r.explanation, "This is an email (declared); 2 asks exceed the audience's trust, it holds competing asks → writing-b2b-emails, and check trust-building-principles");
    assert.equal(r.skill, 'writing-b2b-emails');
    assert.deepEqual(r.check, ['trust-building-principles']);
    assert.equal(r.why, 'Emails convert best when each one asks for exactly one step up from where the reader already is.');
    assert.deepEqual(r.path, [0, 0]);
    assert.deepEqual(
      r.walk.options.map((o) => `${o.recommended ? '* ' : ''}${o.label}`),
      ['* I need to write something', 'I need to generate pipeline', 'Conversion is low', 'I want to...'],
    );
  });

  test('a paid search ad with nothing wrong', () => {
    const text = `---\ntype: ad\nchannel: paid-search\ntrust: 0\n---\n\nHeadline 1: Dock scheduling for 3PLs\n\n[See how it works](https://dockwise.example/how)\n`;
    const r = recommend({ analysis: new Analyzer().analyze(text) });
    assert.equal(r.explanation, 'This is an ad (declared); no trust problems found → writing-persuasive-copy with running-paid-ads');
    assert.deepEqual([r.skill, r.also, r.check, r.path], ['writing-persuasive-copy', ['running-paid-ads'], [], [0, 1, 1]]);
  });

  test('an inferred type says how it was recognised; an unknown type falls back on the findings', () => {
    const inferred = `Subject: Your dock schedule\n\nHi Tom,\n\nCould we book a demo next week?\n`;
    const r = recommend({ analysis: new Analyzer().analyze(inferred, { force: true }) });
    assert.match(r.explanation, /^This is an email \(inferred from .+\); .+ → writing-b2b-emails, and check trust-building-principles$/);
    const unknown = `---\ntrust: 0\n---\n\nCould we book a demo next week?\n`;
    const u = recommend({ analysis: new Analyzer().analyze(unknown) });
    assert.equal(u.explanation, "The draft type is not declared and not recognisable; 1 ask exceeds the audience's trust, it asks before it gives → trust-building-principles");
    assert.equal(u.skill, 'trust-building-principles');
    assert.equal(u.path, null);
  });

  test('no draft open: no skill, the walk starts unmarked', () => {
    const r = recommend();
    assert.equal(r.skill, null);
    assert.equal(r.explanation, 'No draft is open: start from what you need to do.');
    assert.ok(r.walk.options.every((o) => !o.recommended));
    const outOfScope = new Analyzer().analyze('# README\n\nNothing to see.\n');
    assert.equal(recommend({ analysis: outOfScope }).skill, null);
  });
});

describe('the walk: start, choose, back', () => {
  test('I need to write something > Landing page/ad > Paid search ad', () => {
    let s: WalkState = start();
    assert.equal(s.question, 'What do you need?');
    s = choose(s, 0);
    assert.equal(s.kind, 'question');
    assert.equal(s.kind === 'question' && s.question, 'What type?');
    assert.deepEqual(s.kind === 'question' && s.options.map((o) => o.label), [
      'Email',
      'Landing page/ad',
      'Blog/SEO',
      'Social',
      'Sales materials',
      'Lead magnet',
      'Event / partner invitation',
    ]);
    s = choose(s, 1);
    assert.equal(s.kind === 'question' && s.question, 'Which one?');
    s = choose(s, 1);
    assert.deepEqual(s, {
      kind: 'result',
      skills: ['writing-persuasive-copy', 'running-paid-ads'],
      also: [],
      why: 'The ad copy and the keyword it bids on have to promise the same thing at the same trust level.',
      trail: ['I need to write something', 'Landing page/ad', 'Paid search ad'],
      cursor: { tree: 0, path: [1, 1] },
      hints: {},
    });
  });

  test('pipeline and conversion trees, and the quick reference', () => {
    const abm = choose(choose(start(), 1), 0);
    assert.deepEqual(abm.kind === 'result' && [abm.skills, abm.also], [['running-abm-programs'], ['linkedin-organic-and-paid', 'writing-b2b-emails']]);
    const middle = choose(choose(start(), 2), 1);
    assert.deepEqual(middle.kind === 'result' && middle.skills, ['writing-b2b-emails', 'trust-building-principles']);
    const quick = choose(start(), 3);
    assert.equal(quick.kind === 'question' && quick.options[0]!.label, 'Calibrate my CTA');
    const row = choose(quick, 8);
    assert.deepEqual(row.kind === 'result' && [row.skills, row.why, row.trail], [['atomizing-content'], 'Content repurposing.', ['I want to...', 'Repurpose content']]);
  });

  test('a draft marks the options that fit it at every step', () => {
    const hints = { draftType: 'social' as DraftType, channel: 'linkedin-organic' as const, repurposes: true };
    const root = start(hints);
    assert.deepEqual(root.options.map((o) => !!o.recommended), [true, false, false, false]);
    const type = choose(root, 0);
    assert.deepEqual(type.kind === 'question' && type.options.filter((o) => o.recommended).map((o) => o.label), ['Social']);
    const sub = choose(type, 3);
    assert.deepEqual(sub.kind === 'question' && sub.options.filter((o) => o.recommended).map((o) => o.label), ['Repurposing a longer piece']);
    assert.deepEqual(pathForDraft({ type: 'social', channel: 'linkedin-organic', repurposes: true }), [0, 3, 1]);
    assert.deepEqual(pathForDraft({ type: 'social', channel: 'linkedin-organic' }), [0, 3, 0]);
    const quick = choose(start({ skills: ['atomizing-content'] }), 3);
    assert.deepEqual(quick.kind === 'question' && quick.options.filter((o) => o.recommended).map((o) => o.label), ['Repurpose content']);
  });

  test('back goes one question up, from a result, a question and the root', () => {
    const sub = choose(choose(start(), 0), 1);
    const result = choose(sub, 0);
    assert.deepEqual(back(result), sub);
    assert.deepEqual(back(sub), choose(start(), 0));
    assert.deepEqual(back(choose(start(), 0)), start());
    assert.deepEqual(back(start()), start());
    const quickResult = choose(choose(start(), 3), 0);
    assert.deepEqual(back(quickResult), choose(start(), 3));
  });

  test('bad choices are errors, not crashes in the client', () => {
    assert.throws(() => choose(start(), 4), RangeError);
    assert.throws(() => choose(start(), -1), RangeError);
    assert.throws(() => choose(start(), 0.5), RangeError);
    const result = choose(choose(start(), 0), 0);
    assert.throws(() => choose(result, 0), /walk has ended/);
  });

  test('states are plain JSON: a client can store one and resume', () => {
    const s = choose(start({ draftType: 'email' }), 0);
    const copy = JSON.parse(JSON.stringify(s)) as WalkState;
    assert.deepEqual(choose(copy, 0), choose(s, 0));
  });

  test('walking every option reaches every skill but the hub, and only skills that exist', () => {
    const names = new Set(SKILLS.map((s) => s.name));
    const reached = new Set<string>();
    const visit = (s: WalkState, depth: number) => {
      assert.ok(depth < 6, 'the walk does not end');
      if (s.kind === 'result') {
        assert.ok(s.skills.length > 0, s.trail.join(' > '));
        for (const n of [...s.skills, ...s.also]) {
          assert.ok(names.has(n), `${s.trail.join(' > ')}: unknown skill ${n}`);
          reached.add(n);
        }
        return;
      }
      s.options.forEach((_, i) => visit(choose(s, i), depth + 1));
    };
    visit(start(), 0);
    assert.deepEqual([...names].filter((n) => n !== HUB_SKILL && !reached.has(n)), []);
  });

  test('the quick reference lists each goal with its skill and purpose', () => {
    const rows = quickReference();
    assert.equal(rows.length, 12);
    assert.deepEqual(rows[0], { want: 'Calibrate my CTA', skill: 'trust-building-principles', purpose: 'The ask must match the trust level. Required for all other skills.' });
  });
});

describe('validateSkillsData', () => {
  test('the shipped data has no problems', () => {
    assert.deepEqual(validateSkillsData(), []);
  });

  test('names unknown skills, empty leaves and unreachable skills', () => {
    const broken: SkillsData = {
      skills: SKILLS_DATA.skills,
      trees: [
        {
          id: 'write',
          title: 'I need to write something',
          question: 'What type?',
          options: [
            { label: 'Email', skills: ['writing-b2b-email'], why: 'x.' },
            { label: 'Other', why: 'x.' },
            { label: 'Social', next: { question: 'Which?', options: [] } },
          ],
        },
      ],
      quickReference: [{ want: 'Calibrate my CTA', skill: 'trust-building-principles' }],
    };
    const problems = validateSkillsData(broken);
    assert.deepEqual(problems.slice(0, 4), [
      'I need to write something > Email: unknown skill "writing-b2b-email"',
      'I need to write something > Other: a leaf that names no skill',
      'I need to write something > Social: the question "Which?" has no options',
      'discovering-positioning-angles: no tree leaf or quick-reference row leads to it',
    ]);
    assert.equal(problems.length, 3 + SKILLS.length - 2);
  });
});
