// Hover content, exact: what a writer reads when they rest the mouse on an ask, on a front matter
// value, or on a skill name. Links come from the host; here they are plain test URIs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';
import { escapeMarkdown, hoverAt, type HoverLinks } from '../../core/src/hover';
import { Doc } from '../../core/src/text';

const links: HoverLinks = {
  skillUri: (name) => `skills/${name}/SKILL.md`,
  ruleUri: (id) => `docs/rules/${id}.md`,
};

const COLD_EMAIL = `---
type: email
trust: unknown   # bought list
subject: The new Reno DC and your dock schedule
---

Hi Tom,

Cold Ridge Foods cut average truck wait time at their Fresno yard from just over two hours to 26 minutes.

Could we book a 30-minute demo next week?
`;

/** The hover at the first occurrence of `needle` (plus `delta` characters). */
function hover(text: string, needle: string, delta = 1, options = {}) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `no ${needle} in the text`);
  return hoverAt(new Analyzer().analyze(text), at + delta, links, options);
}

describe('hover on an ask', () => {
  test('the cold email demo ask: class, trust needed, audience and source, gap, what to ask instead, channels, links', () => {
    const h = hover(COLD_EMAIL, 'book a 30-minute demo', 5)!;
    assert.equal(
      h.markdown,
      [
        '**evaluate ask**: "book a 30-minute demo" needs trust **4 TRUSTING**  ',
        'Audience: **0 UNKNOWN**, has never heard of you (declared in front matter)  ',
        'Gap: **4 levels** too far',
        '',
        'Ask instead (consume fits 0 UNKNOWN):',
        '- Take a look at the two-page teardown when you have a minute.',
        "- If it's useful, skim the short case study: it's a 3-minute read.",
        '- See how a team in the same spot fixed it, in their own words.',
        '',
        'Moves this audience up: content/SEO, LinkedIn organic, ABM awareness',
        '',
        'Skill: [writing-b2b-emails](skills/writing-b2b-emails/SKILL.md) · Rule: [ask-exceeds-trust](docs/rules/ask-exceeds-trust.md)',
      ].join('\n'),
    );
    assert.ok(h.markdown.split('\n').length <= 12);
    assert.deepEqual(h.range, { start: { line: 10, character: 9 }, end: { line: 10, character: 30 } });
  });

  test('an assumed audience says where the level came from', () => {
    const text = `---\ntype: email\nsubject: Your month-end close\n---\n\nHi Renata,\n\nThe close rarely slips at reconciliation; it slips two days earlier, when AP is still chasing approvers.\n\nOpen to a 20-minute call next Tuesday?\n`;
    const a = new Analyzer().analyze(text);
    const lines = hover(text, 'Open to', 0)!.markdown.split('\n');
    assert.equal(lines[1], `Audience: **2 INTERESTED**, has consumed or downloaded something of yours (assumed: ${escapeMarkdown(a.profile!.trust.detail)})  `);
    assert.equal(lines[2], 'Gap: **1 level** too far');
    assert.equal(lines[4], 'Ask instead (exchange fits 2 INTERESTED):');
  });

  test('an ask in a link gets link-length suggestions', () => {
    const text = `---\ntype: landing-page\ntrust: 0\n---\n\n# Dock scheduling carriers actually use\n\nCarriers book their own slots, and your team sees every inbound truck.\n\n[Book a demo](https://dockwise.example/demo)\n`;
    const lines = hover(text, 'Book a demo')!.markdown.split('\n');
    assert.deepEqual(lines.slice(4, 8), ['Ask instead (consume fits 0 UNKNOWN):', '- See how it works', '- Read the case study', '- Watch the 2-minute video']);
    assert.equal(lines[11], 'Skill: [writing-persuasive-copy](skills/writing-persuasive-copy/SKILL.md) · Rule: [ask-exceeds-trust](docs/rules/ask-exceeds-trust.md)');
  });

  test('an ask that fits, and an under-ask that could ask for more', () => {
    const fits = `---\ntype: social\ntrust: aware\n---\n\nWe changed one rule in our lead routing and median speed-to-lead fell from four hours to six minutes.\n\nWhat's your take: where do you let territory win over speed?\n`;
    assert.equal(
      hover(fits, "What's your take")!.markdown,
      [
        '**engage ask**: "What\'s your take" needs trust **1 AWARE**  ',
        'Audience: **1 AWARE**, has seen your name or a post (declared in front matter)  ',
        'Fits: this audience can take this step',
        '',
        'Moves this audience up: content offers, LinkedIn engagement, value emails',
        '',
        'Skill: [linkedin-organic-and-paid](skills/linkedin-organic-and-paid/SKILL.md)',
      ].join('\n'),
    );
    const under = `---\ntype: email\ntrust: trusting\n---\n\nThanks for the time on Thursday; the pilot plan is attached.\n\n[Read the teardown](https://dockwise.example/teardown)\n`;
    assert.deepEqual(hover(under, 'Read the teardown')!.markdown.split('\n').slice(2, 7), [
      'Gap: **4 levels** below what this audience would give',
      '',
      'Ask for more (evaluate fits 4 TRUSTING):',
      '- Book a demo',
      '- Start your free trial',
    ]);
  });

  test('markdown in the draft is escaped in the hover', () => {
    const text = `---\ntype: email\ntrust: 0\n---\n\nCold Ridge Foods cut average truck wait time at their Fresno yard to 26 minutes.\n\nCould we book a *quick* demo next week?\n`;
    assert.ok(hover(text, 'book a')!.markdown.startsWith('**evaluate ask**: "book a \\*quick\\* demo" needs trust'));
  });
});

describe('hover on front matter values', () => {
  const AD = `---\ntype: ad\nchannel: paid-search\ntrust: 0\n---\n\nHeadline 1: Dock scheduling for 3PLs\n\nCarriers book their own slots.\n\n[See how it works](https://dockwise.example/how)\n`;

  test('trust: what the stage means, the ask that fits, typical asks for this draft type', () => {
    const h = hover(AD, 'trust: 0', 7)!;
    assert.equal(
      h.markdown,
      [
        '**trust: 0 UNKNOWN**: the audience has never heard of you  ',
        'Fitting ask: **consume (read, watch, listen)**  ',
        'Typical asks in an ad: "Learn more", "See how it works", "Read the teardown"  ',
        'Moves up with: content/SEO, LinkedIn organic, ABM awareness',
        '',
        'Skill: [trust-building-principles](skills/trust-building-principles/SKILL.md)',
      ].join('\n'),
    );
    assert.deepEqual(h.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 8 } });
    // Hovering the key shows the same.
    assert.equal(hover(AD, 'trust: 0', 2)!.markdown, h.markdown);
  });

  test('type: what the draft is and its skill (a paid search ad: with running-paid-ads)', () => {
    assert.equal(
      hover(AD, 'type: ad', 7)!.markdown,
      [
        '**type: ad** (ad): text ad for search keywords; LinkedIn sponsored content, display or retargeting creative  ',
        'Skill: [writing-persuasive-copy](skills/writing-persuasive-copy/SKILL.md) with [running-paid-ads](skills/running-paid-ads/SKILL.md): copy that converts  ',
        'One kind of ask per draft; Trustline flags an ad that asks for nothing',
      ].join('\n'),
    );
    assert.equal(
      hover(COLD_EMAIL, 'type: email', 7)!.markdown,
      [
        '**type: email** (email): outreach, follow-up, nurture or sequence step  ',
        'Skill: [writing-b2b-emails](skills/writing-b2b-emails/SKILL.md): outreach and nurture sequences  ',
        'Channel when none is declared: Email (nurture, convert; trust 2 to 4)  ',
        'One kind of ask per draft; Trustline flags an email that asks for nothing',
      ].join('\n'),
    );
  });

  test('channel: its role and trust range, against this audience (and the project override)', () => {
    assert.equal(
      hover(AD, 'paid-search')!.markdown,
      [
        '**channel: paid-search** (Paid search): capture existing demand  ',
        'Serves trust 0 UNKNOWN to 4 TRUSTING; this audience (0 UNKNOWN) is inside it  ',
        'Skill: [running-paid-ads](skills/running-paid-ads/SKILL.md)',
      ].join('\n'),
    );
    assert.equal(
      hover(AD, 'paid-search', 1, { channels: { 'paid-search': [1, 3] } })!.markdown.split('\n')[1],
      'Serves trust 1 AWARE to 3 ENGAGED; this audience (0 UNKNOWN) is below it  ',
    );
  });

  test('values that are not declared or not valid get no front matter hover', () => {
    const bad = `---\ntype: email\ntrust: banana\nsubject: Hi\n---\n\nHi Tom,\n`;
    assert.equal(hover(bad, 'banana'), null);
    assert.equal(hover(COLD_EMAIL, 'subject:', 3), null);
  });
});

describe('hover on a skill name', () => {
  test('its tier, purpose, trust range and channels, with a link to open it', () => {
    const text = 'Start from writing-b2b-emails, then trust-building-principles.\n';
    const h = hoverAt({ analysed: false, doc: new Doc(text), asks: [], findings: [], suppressed: 0, parsedBlocks: 0, totalBlocks: 0 }, text.indexOf('b2b'), links)!;
    assert.equal(
      h.markdown,
      [
        '**writing-b2b-emails** (tier 3, channel execution): Outreach and nurture sequences  ',
        'Serves trust 2 INTERESTED to 4 TRUSTING; channels: email  ',
        '[Open the skill](skills/writing-b2b-emails/SKILL.md)',
      ].join('\n'),
    );
    assert.deepEqual(h.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 29 } });
    assert.equal(
      hover(COLD_EMAIL.replace('Hi Tom,', 'Notes: see trust-building-principles.'), 'trust-building', 3)!.markdown.split('\n')[1],
      'Serves trust 0 UNKNOWN to 5+ ADVOCATE; every channel  ',
    );
  });

  test('words that only look like skill names, and plain text, get nothing', () => {
    const text = 'A writing-b2b-email-ish word and a well-known phrase.\n';
    const none = { analysed: false, doc: new Doc(text), asks: [], findings: [], suppressed: 0, parsedBlocks: 0, totalBlocks: 0 };
    assert.equal(hoverAt(none, text.indexOf('b2b'), links), null);
    assert.equal(hoverAt(none, text.indexOf('known'), links), null);
    assert.equal(hover(COLD_EMAIL, 'Cold Ridge'), null);
  });
});
