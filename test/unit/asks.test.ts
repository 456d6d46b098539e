// Ask extraction and classification: the lexicon (core/src/data/lexicon.json) run
// through the real pipeline (Analyzer -> blocks -> lexicon), on labelled phrasings.
//
// Most phrasings are paraphrased from real B2B copy (cold and nurture emails, breakup emails,
// LinkedIn posts and CTA libraries, landing pages, webinar invitations, upsell, referral and
// review requests), not written to fit the lexicon. Every case is [markdown, expected class or
// null, expected underlined text (optional)]. A case passes when the draft holds asks of exactly
// the expected class (or none for null), and the first ask underlines exactly the given text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';
import { classInContext } from '../../core/src/asks/classify';
import { vocabulary } from '../../core/src/asks/vocabulary';
import { parseBlock } from '../../core/src/blocks';
import { DEFAULT_LEXICON_DATA, Lexicon, defaultLexiconInstance, type LexiconData } from '../../core/src/lexicon';
import { LineIndex } from '../../core/src/text';
import type { Ask } from '../../core/src/types';

import { GROUPS, NOT_ASKS } from '../support/ask-cases';

function asksOf(markdown: string): Ask[] {
  // The rules' reading of each phrasing: the trained reader weighs a sentence in its whole draft
  // (test/unit/learned.test.ts), which a one-line draft does not have.
  return new Analyzer().analyze(markdown, { force: true, askModel: null }).asks;
}

/** The rules' asks of a draft as "class text", the way a writer sees them listed. */
function classedAsks(markdown: string): string[] {
  return asksOf(markdown).map((a) => `${a.class} ${a.text}`);
}

describe('ask classification: labelled phrasings', () => {
  test('the table is large enough and balanced', () => {
    const all = GROUPS.flatMap(([, cases]) => cases);
    assert.ok(all.length >= 200, `only ${all.length} labelled cases`);
    assert.ok(NOT_ASKS.length >= 50, `only ${NOT_ASKS.length} negatives`);
    for (const [name, cases] of GROUPS) assert.ok(cases.length >= 10, `${name} has only ${cases.length} cases`);
    // Each phrasing appears once.
    const seen = new Set<string>();
    for (const [md] of all) {
      assert.ok(!seen.has(md), `duplicate case: ${md}`);
      seen.add(md);
    }
  });

  for (const [name, cases] of GROUPS) {
    describe(name, () => {
      for (const [md, expected, underlined] of cases) {
        test(JSON.stringify(md), () => {
          const asks = asksOf(md);
          const got = [...new Set(asks.map((a) => a.class))];
          if (expected === null) {
            assert.deepEqual(
              asks.map((a) => `${a.class}: ${a.text}`),
              [],
              'expected no ask',
            );
            return;
          }
          assert.deepEqual(got, [expected], `asks found: ${asks.map((a) => `${a.class} "${a.text}" via ${a.via}`).join('; ') || 'none'}`);
          if (underlined !== undefined) assert.equal(asks[0]!.text, underlined);
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Exact ranges: UTF-16 code units on the original text, whatever the text looks like.
// ---------------------------------------------------------------------------------------------

/** The single ask of a draft (fails if there is not exactly one). */
function onlyAsk(markdown: string): Ask {
  const asks = asksOf(markdown);
  assert.equal(asks.length, 1, `expected one ask, got ${asks.map((a) => `${a.class} "${a.text}"`).join('; ') || 'none'}`);
  return asks[0]!;
}

describe('ask ranges', () => {
  test('after emoji (surrogate pairs) on the same line', () => {
    const md = '🚀🚀 Big news! 👉 Book a demo today.';
    const a = onlyAsk(md);
    // 🚀🚀 is 4 code units, "👉" 2: the phrase starts at 18.
    assert.equal(a.start, 18);
    assert.equal(a.end, 29);
    assert.deepEqual(a.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 29 } });
    assert.equal(md.slice(a.start, a.end), 'Book a demo');
  });

  test('CRLF line endings: no \r in a range, columns as in LF', () => {
    const crlf = 'Hi Renata,\r\n\r\nThanks for reading.\r\n\r\nOpen to a 20-minute call next Tuesday?\r\n';
    const lf = crlf.replace(/\r\n/g, '\n');
    const a = onlyAsk(crlf);
    const b = onlyAsk(lf);
    assert.equal(a.class, 'meeting');
    assert.deepEqual(a.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 24 } });
    assert.deepEqual(a.range, b.range);
    assert.deepEqual(a.sentenceRange, b.sentenceRange);
    assert.equal(a.text, 'Open to a 20-minute call');
    assert.ok(!crlf.slice(a.sentenceStart, a.sentenceEnd).includes('\r'));
  });

  test('a byte order mark is not counted (editors hide it)', () => {
    const a = onlyAsk('\uFEFFBook a demo.');
    assert.deepEqual(a.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    assert.equal(a.text, 'Book a demo');
  });

  test('tabs inside and before the phrase', () => {
    const md = '\tText\twith tabs.\n\nPlease\tbook a\tcall.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'meeting');
    assert.equal(a.text, 'book a\tcall');
    assert.deepEqual(a.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } });
  });

  test('NFKC: LinkedIn math-bold letters are read as plain text and the range covers whole surrogate pairs', () => {
    const md = 'If you run a plant:\n\n👉 𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼 𝗼𝗳 𝗧𝗼𝗿𝗾𝘂𝗲𝗹𝗶𝗻𝗲: https://torqueline.example/demo';
    const a = onlyAsk(md);
    assert.equal(a.class, 'evaluate');
    assert.equal(a.text, '𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼');
    // "👉 " is 3 code units; "𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" is 8 letters (16 units) and 2 spaces.
    assert.deepEqual(a.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 23 } });
    // Never half a surrogate pair at either end.
    for (const at of [a.start, a.end]) {
      const c = md.charCodeAt(at);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${at} splits a surrogate pair`);
    }
  });

  test('closing markup is not part of the phrase: **Book a demo** and [link](url)', () => {
    const bold = onlyAsk('**Book a demo** to see it on your own data.');
    assert.equal(bold.text, 'Book a demo');
    const link = onlyAsk('Ready? [Book a demo](https://acme.example/demo) today.');
    assert.equal(link.text, 'Book a demo');
    assert.equal(link.inLink, true);
  });

  test('ranges agree with a LineIndex over the same text', () => {
    const md = 'Line one.\n\nSecond para\nwith a wrap, then [get the checklist](https://x.example/c).';
    const a = onlyAsk(md);
    const li = new LineIndex(md);
    assert.deepEqual(a.range, li.range(a.start, a.end));
    assert.equal(md.slice(a.start, a.end), 'get the checklist');
  });
});

// ---------------------------------------------------------------------------------------------
// Links, buttons, calendar URLs, P.S. lines, one ask per sentence.
// ---------------------------------------------------------------------------------------------

describe('where asks are found', () => {
  test('a link whose text is the ask: inLink, and the sentence range is the link text', () => {
    const md = 'When you are ready, [start your free trial](https://acme.example/trial).';
    const a = onlyAsk(md);
    assert.equal(a.class, 'evaluate');
    assert.equal(a.inLink, true);
    assert.equal(a.kind, 'link');
    assert.equal(md.slice(a.sentenceStart, a.sentenceEnd), 'start your free trial');
    assert.equal(a.text, 'start your free trial');
  });

  test('a phrase that only starts a sentence with a link is not inLink', () => {
    const md = 'Read the [full teardown](https://x.example/t) before Thursday.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'consume');
    assert.equal(a.inLink, false);
    assert.equal(md.slice(a.sentenceStart, a.sentenceEnd), md.replace(/\n$/, ''));
  });

  test('a paragraph that is one link is a button', () => {
    const a = onlyAsk('[Get the benchmark report](https://routeline.example/benchmark-2025)');
    assert.equal(a.kind, 'button');
    assert.equal(a.inLink, true);
  });

  test('repeated buttons are separate occurrences of one ask (same key)', () => {
    const md = '[Start your free trial](https://a.example/t)\n\nSome words about the product.\n\n[Start your free trial](https://a.example/t)';
    const asks = asksOf(md);
    assert.equal(asks.length, 2);
    assert.equal(asks[0]!.key, asks[1]!.key);
    assert.notEqual(asks[0]!.start, asks[1]!.start);
  });

  test('a row of buttons on consecutive lines is one ask per button', () => {
    const md = '[Start your free trial](https://a.example/t)\n[Get a quote](https://a.example/q)\n[Download the security whitepaper](https://a.example/w)';
    assert.deepEqual(
      asksOf(md).map((a) => [a.class, a.text]),
      [
        ['evaluate', 'Start your free trial'],
        ['commit', 'Get a quote'],
        ['exchange', 'Download the security whitepaper'],
      ],
    );
  });

  test('links separated only by a symbol are separate buttons; joined by words they are one sentence', () => {
    assert.deepEqual(
      asksOf('[Start your free trial](https://a.example/t) · [Get a quote](https://a.example/q)').map((a) => a.class),
      ['evaluate', 'commit'],
    );
    assert.deepEqual(
      asksOf('[Read the guide](https://a.example/g) or [book a demo](https://a.example/d).').map((a) => a.class),
      ['evaluate'],
    );
  });

  test('a bare calendar URL is a meeting ask, with or without a scheme', () => {
    for (const md of ['Whenever suits: calendly.com/maya-okafor/30min', 'Here you go: https://calendly.com/maya/30min.', 'cal.com/jo/intro']) {
      const a = onlyAsk(md);
      assert.equal(a.class, 'meeting', md);
      assert.equal(a.kind, 'url', md);
      assert.match(a.text, /^(https:\/\/)?(calendly|cal)\.com\/[^.]+$/, md);
    }
  });

  test('a link to a booking page is a meeting ask even when its text says "here"', () => {
    const md = 'If it is easier, [here](https://calendly.com/maya/30min) is my calendar.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'meeting');
    assert.equal(a.inLink, true);
    assert.equal(a.text, 'here');
  });

  test('a URL that is not a booking page is not a meeting ask', () => {
    // Where the docs are is a place to read them (consume), whatever words the address holds.
    assert.deepEqual(asksOf('Docs are at https://acme.example/docs/calendar-sync for reference.').map((a) => a.class), ['consume']);
    assert.deepEqual(asksOf('We moved to https://acme.example/calendar-sync last year.'), []);
  });

  test('P.S. lines: the ask is found and marked as a P.S.', () => {
    const md = 'Best,\nMaya\n\nP.S. Grab a seat at Thursday\'s webinar: [register here](https://x.example/w).';
    const a = onlyAsk(md);
    assert.equal(a.class, 'exchange');
    assert.equal(a.kind, 'ps');
  });

  test('a P.S. after a line break in the sign-off, and every sentence after it, is a P.S.', () => {
    const md = 'Best,\nMaya\nP.S. We wrote up the playbook. Read it here.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'consume');
    assert.equal(a.kind, 'ps');
    assert.equal(a.text, 'Read it here');
  });

  test('"P.S." is not a sentence of its own (the period does not end the sentence)', () => {
    const a = onlyAsk('PS: if a call is easier, grab 15 minutes here: https://example.com/x');
    assert.equal(a.kind, 'ps');
    assert.equal(a.class, 'meeting');
    const b = onlyAsk('P.P.S. Book a demo.');
    assert.equal(b.kind, 'ps');
  });

  test('one ask per sentence: the highest level wins', () => {
    const a = onlyAsk('Read the guide, or book a demo if you are ready.');
    assert.equal(a.class, 'evaluate');
    assert.equal(a.text, 'book a demo');
    const b = onlyAsk('Download the checklist and, if it helps, add 5 seats for the ops team.');
    assert.equal(b.class, 'expand');
  });

  test('an upgrade is commit, under its own rule id (an analyzer that knows the audience is a customer may read it as expand)', () => {
    const a = onlyAsk('Upgrade to the Enterprise plan from the billing page.');
    assert.equal(a.class, 'commit');
    assert.match(a.via, /^commit\.upgrade:/);
    // Naming the existing relationship makes it expand whatever the audience.
    assert.equal(onlyAsk('Upgrade your current plan to unlock SSO.').class, 'expand');
  });

  test('two sentences, two asks', () => {
    assert.deepEqual(
      asksOf('Read the guide. Then book a call when you are ready.').map((a) => a.class),
      ['consume', 'meeting'],
    );
  });

  test('abbreviations do not end a sentence, so "(e.g. Tuesday) or read the guide" stays in the sentence of its ask', () => {
    assert.deepEqual(asksOf('Book a demo (e.g. Tuesday at 10) or read the guide.').map((a) => a.class), ['evaluate']);
  });

  test('an ask after "e.g." or "for example" is an example being mentioned, not an ask', () => {
    assert.deepEqual(asksOf('A clear call to action tells the reader what to do next (e.g., schedule a call, visit your website).').map((a) => a.class), []);
    assert.deepEqual(asksOf('For example: visit website, download lead magnet, talk with sales rep, become customer.').map((a) => a.class), []);
    assert.deepEqual(asksOf('Pick one next step, such as booking a demo.').map((a) => a.class), []);
    // The marker must come before the phrase: the ask itself is still found.
    assert.deepEqual(asksOf('Book a demo, for example next Tuesday.').map((a) => a.class), ['evaluate']);
  });

  test('a line break before a capitalised line splits sentences in posts; a hard-wrapped email line does not', () => {
    // LinkedIn style: one sentence per line, no period.
    assert.deepEqual(asksOf('Here is the playbook we used\nGrab the template below').map((a) => a.class), ['exchange']);
    // Hard-wrapped prose continues in lower case: "customers\ndownload" is narrative, not an ask.
    assert.deepEqual(asksOf('Every Monday our customers\ndownload the report and share it.'), []);
  });

  test('headings and table cells can hold asks; blockquotes, code and comments cannot', () => {
    assert.equal(onlyAsk('## [Start your free trial today](https://x.example/trial)').class, 'evaluate');
    // A heading over nothing but the place to act asks by itself; over prose it is a headline.
    assert.equal(onlyAsk('### Join the channel on Slack\n\n[#dockwise-users](https://x.example/slack)').text, 'Join the channel on Slack');
    assert.deepEqual(asksOf('## Start your free trial today\n\nEvery plan includes onboarding.'), []);
    // The place to act may be a block with no sentence of its own: a badge, a link whose text is
    // code, a code block. A heading that ends the draft is its last line, and asks.
    assert.equal(onlyAsk('## Join us on Discord\n\n[![Discord](https://img.shields.io/discord/1.svg)](https://discord.gg/x)\n\n## Pricing\n\nPlans start at $10.').class, 'engage');
    assert.equal(onlyAsk('### Join the channel on Slack\n\n[`#dockwise-users`](https://dockwise.example/slack)').class, 'engage');
    assert.equal(onlyAsk('## Try it now\n\n```\nnpx dockwise init\n```').class, 'evaluate');
    assert.equal(onlyAsk('Dock scheduling for yards.\n\n## Book a demo').class, 'evaluate');
    // What the sentence under it says besides its link is read from the source, by offset.
    assert.equal(asksOf('## Book a demo\n\n👉 [Let’s go](https://dockwise.example/demo) 👈')[0]?.text, 'Book a demo');
    // An address in the heading: a bare domain or a phone number too.
    assert.equal(onlyAsk('## Call us: +1 555 010 0199\n\nWe answer within the hour.').class, 'meeting');
    assert.equal(onlyAsk('## Start free at dockwise.io\n\nEvery plan includes onboarding.').class, 'evaluate');
    assert.deepEqual(asksOf('## Join us 2024 - 2025\n\nThe programme runs all year.'), []);
    assert.equal(onlyAsk('| Plan | |\n|---|---|\n| Pro | [Get a quote](https://x.example/q) |').class, 'commit');
    assert.deepEqual(asksOf('> Book a demo, it changed how we work.\n>\n> Dana, GRC lead'), []);
    assert.deepEqual(asksOf('    Book a demo (indented code)'), []);
    assert.deepEqual(asksOf('Text.\n\n<!--\nBook a demo\n-->'), []);
  });

  test('single-quoted phrases are quotations too: a table of example subject lines holds no ask', () => {
    const md = "| Trigger | Email |\n|---|---|\n| Clicks a Pro feature | 'Unlock exports — upgrade in 30 seconds' |\n| Third invite | 'Your team is growing. Time for Team?' |";
    assert.deepEqual(asksOf(md).map((a) => a.class), []);
    // An apostrophe inside a word never opens a quotation.
    assert.deepEqual(asksOf("Don't wait: you're one click away. Upgrade to Pro.").map((a) => a.class), ['commit']);
  });

  test('a support line turns the reply and contact lines after it in the paragraph into a help offer', () => {
    assert.deepEqual(asksOf('Still stuck? Our support team is online 24/7. Get in touch').map((a) => a.class), []);
    // ... but not a sales ask, and not the next paragraph.
    assert.deepEqual(asksOf('Questions about pricing? Talk to sales.').map((a) => a.class), ['meeting']);
    // (The question leads into "Let me know": one request, held by the sentence after it.)
    assert.deepEqual(asksOf('Questions? Our support team answers within a day.\n\nWhat would you add to the list? Let me know.').map((a) => a.text), ['Let me know']);
  });

  test('the highest class in a sentence wins; a closing "let me know" does not replace the meeting ask', () => {
    const asks = asksOf("It would be a big help if we could schedule a quick 15-minute intro call. Let me know if you'd be open to that.");
    assert.deepEqual(asks.map((a) => a.class), ['meeting', 'engage']);
    assert.equal(asks[0]!.text, 'schedule a quick 15-minute intro call');
  });

  test('inside a referral programme the class stays advocate: the referral agreement is not a purchase, the friend\'s demo is not the reader\'s', () => {
    assert.deepEqual(asksOf('Opt in and sign the referral agreement.').map((a) => a.class), ['advocate']);
    assert.deepEqual(asksOf('Ask them to mention your name when they sign up for a demo or free trial.').map((a) => a.class), ['advocate']);
    // The standalone button is still a trial.
    assert.deepEqual(asksOf('[Free trial](https://acme.example/trial)').map((a) => a.class), ['evaluate']);
  });

  test('a quoted phrase is an ask when "click the" introduces it', () => {
    assert.deepEqual(asksOf('Click the "Write a review" link below.').map((a) => a.class), ['advocate']);
  });

  test('a quoted testimonial paragraph is not an ask; a quoted button label after "click" is', () => {
    assert.deepEqual(asksOf('"Just book the demo. You will not regret it." — Dana Whitcombe, Lakeshore'), []);
    assert.equal(onlyAsk('Click "Start free trial" at the top of the page.').class, 'evaluate');
  });
});

// ---------------------------------------------------------------------------------------------
// The pattern language (a tiny lexicon, so each feature is tested on its own).
// ---------------------------------------------------------------------------------------------

function tinyLexicon(asks: LexiconData['asks'], extra: Partial<LexiconData> = {}): Lexicon {
  return new Lexicon({
    groups: { det: ['a', 'the', 'your'], thing: ['guide', 'cheat sheet'] },
    leadIns: ['just', 'feel free to', "don't forget to"],
    negations: ['no', 'not', "don't"],
    negationExceptions: ["don't forget to"],
    negationWindow: 4,
    blockers: ['we'],
    narrativeSubjects: ['we'],
    quoteIntroducers: ['click'],
    asks,
    pressure: [],
    calendarHosts: ['calendly.com'],
    shouting: { minRunWords: 2, minRunLetters: 8, words: [], acronyms: [] },
    ...extra,
  });
}

/** The lexicon's own matches: what the ask reader adds where the lexicon is silent (asks/reader.ts) is tested apart. */
function classify(lx: Lexicon, markdown: string): string[] {
  return parseBlock(markdown, lx).units.flatMap((u) => (u.match && !u.match.shape ? [`${u.match.class}:${markdown.slice(u.match.start, u.match.end)}`] : []));
}

describe('pattern language', () => {
  test('@group, optional slot, gap, multi-word alternatives', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['(get|grab a copy of) @det? ~2 @thing'] }]);
    assert.deepEqual(classify(lx, 'Get the free printable guide.'), ['exchange:Get the free printable guide']);
    assert.deepEqual(classify(lx, 'Grab a copy of the cheat sheet.'), ['exchange:Grab a copy of the cheat sheet']);
    // The gap is at most two words.
    assert.deepEqual(classify(lx, 'Get the very long free printable guide.'), []);
  });

  test('<n> numbers in digits and words, also inside a word', () => {
    const lx = tinyLexicon([{ id: 'm', class: 'meeting', patterns: ['book a <n>-minute call', '<n> minutes next week'], question: false, at: 'anywhere' }]);
    assert.deepEqual(classify(lx, 'Book a 15-minute call.'), ['meeting:Book a 15-minute call']);
    assert.deepEqual(classify(lx, 'Fifteen minutes next week?'), ['meeting:Fifteen minutes next week']);
  });

  test('!slot: a negative lookahead', () => {
    const lx = tinyLexicon([{ id: 'e', class: 'evaluate', patterns: ['watch @det? demo !(video|recording)'] }]);
    assert.deepEqual(classify(lx, 'Watch the demo.'), ['evaluate:Watch the demo']);
    assert.deepEqual(classify(lx, 'Watch the demo video.'), []);
  });

  test('^ and $: a whole-sentence button', () => {
    const lx = tinyLexicon([{ id: 'c', class: 'commit', patterns: ['^ buy $'] }]);
    assert.deepEqual(classify(lx, 'Buy'), ['commit:Buy']);
    assert.deepEqual(classify(lx, '👉 Buy!'), ['commit:Buy']);
    assert.deepEqual(classify(lx, 'Build or buy?'), []);
  });

  test('clause start: lead-ins are allowed, narrative subjects are not', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['get the guide'] }]);
    assert.deepEqual(classify(lx, 'Feel free to just get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, 'It is free, so get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, 'Most people get the guide.'), []);
    assert.deepEqual(classify(lx, 'We write it, get the guide approved and ship it.'), []);
  });

  test('question rules need a question mark; anywhere rules respect blockers', () => {
    const lx = tinyLexicon([{ id: 'q', class: 'engage', at: 'anywhere', question: true, patterns: ['worth a look'] }]);
    assert.deepEqual(classify(lx, 'Worth a look?'), ['engage:Worth a look']);
    assert.deepEqual(classify(lx, 'It is worth a look.'), []);
    assert.deepEqual(classify(lx, 'Do we think it is worth a look?'), ['engage:worth a look']);
    const lx2 = tinyLexicon([{ id: 'q', class: 'engage', at: 'anywhere', patterns: ['love to hear'] }]);
    assert.deepEqual(classify(lx2, 'We love to hear it.'), []);
  });

  test('negation: shortly before, within the clause, minus the exceptions', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['get the guide'] }]);
    assert.deepEqual(classify(lx, 'No need to get the guide.'), []);
    assert.deepEqual(classify(lx, 'No demo needed, just get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, "Don't forget to get the guide."), ['exchange:get the guide']);
  });

  test('config phrasings are literal and match anywhere', () => {
    const lx = new Lexicon(DEFAULT_LEXICON_DATA, { asks: [{ phrase: 'Claim your Fernhill credits', class: 'commit' }] });
    assert.deepEqual(classify(lx, 'Before Friday, claim your Fernhill credits.'), ['commit:claim your Fernhill credits']);
  });

  // Issue 11: a workspace's phrasing is matched as literal words, never compiled to a regular
  // expression: what looks like one in it is text, and cloning a repository cannot make the editor hang.
  test('config phrasings are never regular expressions: their words in order, whole, any spaces between', () => {
    const lx = new Lexicon(DEFAULT_LEXICON_DATA, { asks: [{ phrase: 'ping (a|b)+ me.*', class: 'engage' }, { phrase: 'grab  a   slot', class: 'meeting' }] });
    assert.deepEqual(classify(lx, 'Just ping (a|b)+ me.* today.'), ['engage:ping (a|b)+ me.*']);
    assert.deepEqual(classify(lx, 'Just ping aaaa me please.'), []);
    assert.deepEqual(classify(lx, 'Grab a\tslot on Friday.'), ['meeting:Grab a\tslot']);
    assert.deepEqual(classify(lx, 'Regrab a slot on Friday.'), []);
    assert.deepEqual(classify(lx, 'Grab a slots on Friday.'), []);
    const rules = (lx as unknown as { rules: { id: string; re: RegExp }[] }).rules.filter((r) => r.id.startsWith('config.'));
    assert.equal(rules.length, 2);
    for (const r of rules) assert.equal(r.re.source, '(?!)', r.id);
  });

  test('&slot: a positive lookahead that is not underlined; "(x|$)" allows the end of the sentence', () => {
    const lx = tinyLexicon([{ id: 'c', class: 'consume', patterns: ['read it &(before|first|$)'] }]);
    assert.deepEqual(classify(lx, 'Read it before you start.'), ['consume:Read it']);
    assert.deepEqual(classify(lx, 'Read it.'), ['consume:Read it']);
    assert.deepEqual(classify(lx, 'Read it carefully.'), []);
  });

  test('~" is a double-quoted title; a ~N gap may cross quoted words, "&" and a spaced dash', () => {
    const lx = tinyLexicon([
      { id: 'x', class: 'exchange', patterns: ['get @det? ~" @thing'] },
      { id: 'y', class: 'expand', patterns: ['visit @det? ~3 center'] },
    ]);
    assert.deepEqual(classify(lx, 'Get your "Ten Rules for Pricing Pages" cheat sheet.'), ['exchange:Get your "Ten Rules for Pricing Pages" cheat sheet']);
    assert.deepEqual(classify(lx, 'Visit the Renewal & Upgrade Center.'), ['expand:Visit the Renewal & Upgrade Center']);
    assert.deepEqual(classify(lx, 'Get your cheat sheet.'), []);
  });

  test('at "link" needs a link\'s text to start there; at "button" needs the sentence to be one link, outside lists', () => {
    const lx = tinyLexicon([
      { id: 'l', class: 'consume', at: 'link', patterns: ['here are ~3'] },
      { id: 'b', class: 'evaluate', at: 'button', patterns: ['find ~3 $'] },
    ]);
    assert.deepEqual(classify(lx, '[Here are the tools](https://x.example) we use.'), ['consume:Here are the tools']);
    assert.deepEqual(classify(lx, 'Here are the tools we use.'), []);
    assert.deepEqual(classify(lx, '[Find verified emails →](https://x.example)'), ['evaluate:Find verified emails']);
    assert.deepEqual(classify(lx, 'Find verified emails.'), []);
    assert.deepEqual(classify(lx, '- [Find verified emails](https://x.example)'), []);
  });

  test('a fallback rule is tried only when nothing else matched the sentence', () => {
    const lx = tinyLexicon([
      { id: 'f', class: 'evaluate', at: 'button', fallback: true, patterns: ['send ~3 $'] },
      { id: 'r', class: 'engage', patterns: ['send us a message'] },
    ]);
    assert.deepEqual(classify(lx, '[Send us a message](https://x.example)'), ['engage:Send us a message']);
    assert.deepEqual(classify(lx, '[Send invoices in bulk](https://x.example)'), ['evaluate:Send invoices in bulk']);
  });

  test('example markers make a phrase a mention; support lines make supportable phrases a help offer', () => {
    const lx = tinyLexicon([{ id: 'r', class: 'engage', supportable: true, patterns: ['reply'] }, { id: 'x', class: 'exchange', patterns: ['get the guide'] }], {
      examples: ['e.g.', 'for example'],
      support: ['^ questions', 'if you have ~1 questions'],
    });
    assert.deepEqual(classify(lx, 'Pick an action (e.g. get the guide).'), []);
    assert.deepEqual(classify(lx, 'Get the guide, for example.'), ['exchange:Get the guide']);
    assert.deepEqual(classify(lx, 'Questions? Reply to this email.'), []);
    assert.deepEqual(classify(lx, 'If you have any questions, reply to this email.'), []);
    assert.deepEqual(classify(lx, 'Reply with your answer.'), ['engage:Reply']);
  });

  test('a pattern that cannot be read is reported with its rule id', () => {
    assert.throws(() => tinyLexicon([{ id: 'bad.rule', class: 'engage', patterns: ['@nope'] }]), /bad\.rule.*unknown lexicon group @nope/);
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped data itself.
// ---------------------------------------------------------------------------------------------

describe('lexicon data', () => {
  const data = DEFAULT_LEXICON_DATA;

  test('every rule has a unique id, a known class and at least one pattern', () => {
    const ids = new Set<string>();
    for (const r of data.asks) {
      assert.ok(!ids.has(r.id), `duplicate rule id ${r.id}`);
      ids.add(r.id);
      assert.ok(['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate'].includes(r.class), r.id);
      assert.ok(r.patterns.length > 0, r.id);
      assert.ok(r.id.startsWith(`${r.class}.`), `rule ${r.id} should be named after its class`);
    }
  });

  test('every class has rules, and every group is used', () => {
    const classes = new Set(data.asks.map((r) => r.class));
    assert.equal(classes.size, 8);
    const text = JSON.stringify([data.asks, data.pressure, data.groups, data.leadIns, data.negations, data.negationExceptions, data.quoteIntroducers]);
    for (const g of Object.keys(data.groups)) assert.ok(new RegExp(`@${g}(?![\\w-])`).test(text), `group ${g} is never used`);
  });

  test('the default lexicon compiles quickly and nearly every pattern has anchor words', () => {
    const t = performance.now();
    const lx = new Lexicon(data);
    const ms = performance.now() - t;
    assert.ok(ms < 1500, `compiling the lexicon took ${ms.toFixed(0)} ms`);
    assert.ok(lx.patternCount > 300, `only ${lx.patternCount} patterns`);
    const unanchored = (lx as unknown as { always: unknown[] }).always.length;
    assert.ok(unanchored / lx.patternCount < 0.05, `${unanchored} of ${lx.patternCount} patterns have no anchor word and run on every sentence`);
  });

  test('the default instance is shared', () => {
    assert.equal(defaultLexiconInstance(), defaultLexiconInstance());
  });
});

describe('asks that change class for customers (lexicon toCustomers)', () => {
  const draft = (trust: string) =>
    `---\ntype: email\ntrust: ${trust}\n---\n\nSSO and audit logs are part of the Enterprise plan.\n\nUpgrade to the Enterprise plan from the billing page.\n`;
  test('an upgrade is a purchase (commit) for a reader who is not a customer yet', () => {
    const asks = new Analyzer().analyze(draft('trusting'), { force: true }).asks;
    assert.deepEqual(asks.map((a) => [a.class, a.level]), [['commit', 4]]);
  });
  test('the same upgrade is expansion (expand) for a customer, and says why', () => {
    const asks = new Analyzer().analyze(draft('customer'), { force: true }).asks;
    assert.deepEqual(asks.map((a) => [a.class, a.level]), [['expand', 5]]);
    assert.match(asks[0]!.via, /read as expand: the audience is already a customer/);
  });
});

describe('asks read from structure: links in the clause, recommendations, welcomes, lead-ins', () => {

  test('a link in an imperative clause is where to act, for a verb that sends the reader somewhere', () => {
    assert.deepEqual(classedAsks('See [requirements](https://x.example/req) for minimum specs.'), ['consume See [requirements](https://x.example/req) for minimum specs']);
    assert.deepEqual(classedAsks('Check [node-socks-proxy-agent](https://x.example/a).'), ['consume Check [node-socks-proxy-agent']);
    assert.deepEqual(classedAsks('For details, visit https://cla.example.com.'), ['consume visit https://cla.example.com']);
    // "review" the guidelines is attention; "review us" is vouching.
    assert.deepEqual(classedAsks('Please review [Contributing guidelines](./CONTRIBUTING.md).'), ['consume Please review [Contributing guidelines']);
    // Near misses: verbs that describe using the product, and a local address in a setup step.
    assert.deepEqual(classedAsks('Run [VS Code](https://x.example/vscode) on any machine anywhere.'), []);
    assert.deepEqual(classedAsks('Organise feature toggles by [tags](https://x.example/tags).'), []);
    assert.deepEqual(classedAsks('Then visit http://localhost:3000 to view the app.'), []);
  });

  test('"consider" and a gerund recommend the verb', () => {
    assert.deepEqual(classedAsks('---\ntrust: customer\n---\n\nConsider upgrading your plan if you expect to exceed your limit.'), ['expand Consider upgrading your plan if you expect to exceed your limit']);
    assert.deepEqual(classedAsks('Please consider supporting me on Patreon.'), ['commit Please consider supporting me on Patreon']);
    // Near miss: the sender's own past deliberation.
    assert.deepEqual(classedAsks('We considered building it ourselves, then chose Acme.'), []);
  });

  test('a stated welcome is a wish that waits for the reader, classed by what is welcome', () => {
    assert.deepEqual(classedAsks('Pull requests and stars are always welcome.'), ['engage Pull requests and stars are always welcome']);
    assert.deepEqual(classedAsks('This project welcomes contributions and suggestions. Most contributions require a CLA.'), ['engage This project welcomes contributions and suggestions']);
    assert.deepEqual(classedAsks('You are also welcome to submit posters, which will be printed in large formats.'), ['exchange You are also welcome to submit posters']);
    // Near misses: a greeting, and what someone is encouraged to do (an instruction, not a welcome).
    assert.deepEqual(classedAsks('Welcome to the team!'), []);
    assert.deepEqual(classedAsks('Sponsors are encouraged to represent themselves by taking part in the sessions.'), []);
  });

  test('a link that the sentence says is now there to go to', () => {
    assert.deepEqual(classedAsks('[Videos of the talks](https://x.example/v) are now available on YouTube.'), ['consume Videos of the talks']);
    assert.deepEqual(classedAsks('We have photos from the event available in our [photo album](https://x.example/p), thanks to our photographer.'), ['consume photo album']);
    // Near miss: availability of something that is not a link.
    assert.deepEqual(classedAsks('Our new dashboard is now available to every customer.'), []);
  });

  test('a question that leads into the ask after it is its lead-in; support questions are help offered', () => {
    assert.deepEqual(classedAsks('Interested in contributing to the guide? Email us at [team@x.example](mailto:team@x.example).'), ['engage Email us at [team@x.example']);
    // Near miss: the same question closing its paragraph is the ask.
    assert.deepEqual(classedAsks('We are looking for writers.\n\nInterested in contributing to the guide?'), ['engage Interested']);
    assert.deepEqual(classedAsks('The event is next week.\n\nHave additional questions?\n\nAny doubts or comments?'), []);
    assert.deepEqual(classedAsks('Let us know if we can help out in any way by emailing [support@x.example](mailto:support@x.example).'), []);
  });
});

describe('opt-outs and help offered are not asks', () => {
  test("the sender's own looking, and a name that is a sentence's subject, ask for nothing", () => {
    assert.deepEqual(classedAsks('Everything is logged to the console, so we can easily see what is going on.'), []);
    assert.deepEqual(classedAsks('I can see why that matters to your team.'), []);
    assert.deepEqual(classedAsks('As part of increasing sustainability, Read the Docs is testing out promoting sponsors on documentation pages.'), []);
    assert.deepEqual(classedAsks('Book a demo is the fastest way we have found to lose a reader.'), []);
    // Near misses: the reader's looking, a question word after the verb, and a verb that takes a clause stay asks.
    assert.deepEqual(classedAsks('You can see what is new in the changelog.').map((a) => a.split(' ')[0]), ['consume']);
    assert.deepEqual(classedAsks('See what is new in version 2.'), ['consume See what']);
    assert.deepEqual(classedAsks('Let us know who is coming.').map((a) => a.split(' ')[0]), ['engage']);
  });
  test("an FAQ question in the reader's voice asks for nothing; a first-person question that asks for time or reaches the reader does", () => {
    assert.deepEqual(classedAsks('How can I donate?'), []);
    assert.deepEqual(classedAsks('Can I still buy it?'), []);
    assert.deepEqual(classedAsks('Q: Can we really do 500 in one day?'), []);
    // Near misses: time with the sender, an offer to the reader, and asking the reader's view.
    assert.deepEqual(classedAsks('Can I get 20 minutes in the next two weeks to talk it through?').map((a) => a.split(' ')[0]), ['meeting']);
    assert.deepEqual(classedAsks('Can I send you the deck?').length, 1);
    assert.deepEqual(classedAsks('Should we add RSS feed generation?').map((a) => a.split(' ')[0]), ['engage']);
  });
  test('"as you can see" and "as you can imagine" are turns of phrase, not pointers', () => {
    assert.deepEqual(classedAsks('As you can imagine, maintaining a project that is [used by most developers](https://x.example/u) is hard.'), []);
    assert.deepEqual(classedAsks('So as you can see, nothing earth-shattering in our rewards - the main perk is [swag](https://x.example/s).'), []);
    // Near miss: "you can see" that points at a place is an ask.
    assert.deepEqual(classedAsks('You can see the full agenda [here](https://x.example/a).').map((a) => a.split(' ')[0]), ['consume']);
  });
  test('the second half of a compound is not a verb: "auto-reply" asks for no reply', () => {
    assert.deepEqual(classedAsks('A simple WhatsApp auto-reply tool for busy business owners like you.'), []);
    assert.deepEqual(classedAsks("You signed up a week ago but haven't set up your first auto-reply yet."), []);
    // Near miss: the verb on its own still asks.
    assert.deepEqual(classedAsks('Just hit reply and tell me which one you want.').map((a) => a.split(' ')[0]), ['engage']);
  });
  test('a question mark inside a parenthesis is an aside, not a sentence of its own', () => {
    assert.deepEqual(classedAsks('New agents (Snowflake? Databricks?) are coming next quarter.'), []);
    // Near miss: a question before the parenthesis still ends its sentence.
    assert.deepEqual(classedAsks('Want a walkthrough? (It takes 15 minutes.) [Book one here](https://x.example/b).').length, 2);
  });
  test('what news is about is its topic, not the thing asked for', () => {
    assert.deepEqual(classedAsks('Keep an eye on our social media channels for announcements of our sponsors.').map((a) => a.split(' ')[0]).includes('commit'), false);
    // Near miss: a sponsorship asked for is still commit.
    assert.deepEqual(classedAsks('Become one of our sponsors this year.').map((a) => a.split(' ')[0]), ['commit']);
  });
  test("a button's fallback link is the button's ask; other copying and pasting is not a fallback", () => {
    const email = '---\ntype: email\ntrust: customer\n---\n\nYour invoice is ready.\n\n[View Invoice]({{invoiceUrl}})\n\nOr copy and paste this link into your browser:\n{{invoiceUrl}}\n';
    assert.deepEqual(classedAsks(email), ['consume View Invoice']);
    // Near miss: pasting a snippet to start a trial is its own ask beside the button.
    assert.deepEqual(classedAsks('---\ntype: email\ntrust: interested\n---\n\nStart your free trial today and copy and paste the snippet into your site.\n\n[Read the setup guide](https://x.example/g)\n').map((a) => a.split(' ')[0]), ['evaluate', 'consume']);
  });
  test('thanks given in the words of an offer ask for nothing', () => {
    assert.deepEqual(classedAsks("We'd like to extend big thanks to our sponsors and partners who make Ghost possible."), []);
    assert.deepEqual(classedAsks("And finally, I'd like to give a special thank you to all the project sponsors."), []);
    // Near miss: an offer of something the reader can have stays an ask.
    assert.deepEqual(classedAsks("We'd like to extend your trial by a month.").map((a) => a.split(' ')[0]), ['evaluate']);
  });
  test('an opt-out, a reply for support, and "something look off?" ask for nothing', () => {
    assert.deepEqual(classedAsks('If you do not wish to be contacted again, please reply to this email.'), []);
    assert.deepEqual(classedAsks('Please reply to this email for further support.'), []);
    assert.deepEqual(classedAsks('Something look off? Reply to this email and we’ll help sort it out.'), []);
    // Near miss: a reply asked for its own sake is an ask.
    assert.deepEqual(classedAsks('Reply to this email with the one metric you watch every Monday.'), ['engage Reply']);
  });
  test('a request to get in touch for questions or help is a courtesy, wherever the help is named', () => {
    // The help named after the request, before it, or as the reason: a support line, not a meeting.
    assert.deepEqual(classedAsks('Email the crew at [hi@x.example](mailto:hi@x.example) with any questions.'), []);
    assert.deepEqual(classedAsks('For any other questions, please contact us at [hi@x.example](mailto:hi@x.example).'), []);
    assert.deepEqual(classedAsks('For support, reach out on [our forum](https://x.example/forum).'), []);
    assert.deepEqual(classedAsks('In case of any issues, get in touch with the organisers.'), []);
    assert.deepEqual(classedAsks('Please do not hesitate to contact us should you have any concerns.'), []);
    assert.deepEqual(classedAsks('If you need further assistance, feel free to contact our team.'), []);
    assert.deepEqual(classedAsks('If you have any question please contact us.'), []);
    // Near misses: another request in a support line stays an ask, and so does contact for a purpose.
    assert.deepEqual(classedAsks('Feel free to tag us in your posts, and to reach out with questions!'), ['advocate tag us']);
    assert.deepEqual(classedAsks('Contact us to sponsor the next meetup.'), ['commit Contact us']);
  });
  test('"help us ..." takes its class from what the sender wants help with, or from the means it names', () => {
    assert.deepEqual(classedAsks('Please help us spread the word about the meetup.').map((a) => a.split(' ')[0]), ['advocate']);
    assert.deepEqual(classedAsks('Help us make the summit a success by spreading the word!').map((a) => a.split(' ')[0]), ['advocate']);
    assert.deepEqual(classedAsks('Help us get the word out.').map((a) => a.split(' ')[0]), ['advocate']);
    // Near miss: the means is a survey, so the class is the survey's.
    assert.deepEqual(classedAsks('Help us help you by sharing your thoughts in our user survey.').map((a) => a.split(' ')[0]), ['exchange']);
  });
  test('template logic kept in the copy asks nothing; the copy a template tag wraps still does', () => {
    assert.deepEqual(classedAsks('<% if @registration.comments.present? %>'), []);
    assert.deepEqual(classedAsks('{% if trial_days_left < 3 %}'), []);
    assert.deepEqual(classedAsks('{% if plan == "free" %}[Upgrade now](https://x.example/u){% endif %}'), ['commit Upgrade now']);
  });
  test('a link that only sends the reader somewhere takes its class from what the sentence says going there is for', () => {
    assert.deepEqual(classedAsks('Visit [the event page](https://x.example/e) to register for the workshop.'), ['exchange Visit [the event page']);
    assert.deepEqual(classedAsks('Head over to the billing portal to renew your plan.').map((a) => a.split(' ')[0]), ['expand']);
    // Near misses: reading how to do something is still reading, and a purpose that names nothing keeps the link's class.
    assert.deepEqual(classedAsks('Visit [the docs](https://x.example/d) to learn how to set up alerts.').map((a) => a.split(' ')[0]), ['consume']);
    assert.deepEqual(classedAsks('Visit [our blog](https://x.example/b) to see what we shipped.').map((a) => a.split(' ')[0]), ['consume']);
  });
  test('a link that opens its sentence with an imperative, and "so be sure to" clauses', () => {
    assert.deepEqual(classedAsks('[Sign-up today](https://x.example/w) to join us on July 27.'), ['exchange Sign-up today']);
    assert.deepEqual(classedAsks('Seats are limited to 40, so be sure to grab your ticket before Friday!'), ['commit grab your ticket']);
    // Near miss: a clause after a comma that is not a directive stays narrative.
    assert.deepEqual(classedAsks('Seats are limited to 40, so teams grab a ticket early.'), []);
  });
});

describe('a sentence that offers the list of reads under it', () => {
  test('the sentence holds the one ask; a list of actions keeps an ask per item', () => {
    assert.deepEqual(
      classedAsks('Here are some blog posts and videos about the project:\n\n- [Onboard a cluster in Lens](https://x.example/1)\n- [Walkthrough of the IDE](https://x.example/2)\n'),
      ['consume Here are some blog posts and videos about the project'],
    );
    assert.deepEqual(
      classedAsks('Here are a few actions to help you get started:\n\n- [Fill out the welcome form](https://x.example/f)\n- [Join the community Slack](https://x.example/s)\n').map((t) => t.split(' ')[0]),
      ['exchange', 'engage'],
    );
  });
});

describe('labels, call-to-action fields and questions that lead into asks', () => {
  test('an imperative label is read with its link; a field label is not; a CTA field holds button text', () => {
    assert.deepEqual(classedAsks('---\ntrust: customer\n---\n\nUpdate your payment method: [Update Payment](https://x.example/billing)'), ['expand Update your payment method: [Update Payment']);
    assert.deepEqual(classedAsks('Schedule announced: 15 September 2015'), []);
    assert.deepEqual(classedAsks('**CTA:** "Start Free Trial"'), ['evaluate Start Free Trial']);
    assert.deepEqual(classedAsks('**Call-to-Action:** Watch Free Training'), ['consume Watch Free Training']);
    // Near miss: a quotation after any other label is someone's words.
    assert.deepEqual(classedAsks('**Headline:** "Start your free trial today"'), []);
  });
  test('a template call to action in brackets is its button; saving a spot is registering', () => {
    assert.deepEqual(classedAsks('Hi Sam,\n\nOur webinar is next week.\n\n[CTA: "Save my spot →"]'), ['exchange Save my spot']);
    assert.deepEqual(classedAsks('[CTA Button: "Try [Feature Name] →"]'), ['evaluate Try [Feature Name]']);
    // Near misses: other bracketed notes, and a link whose text starts like a label.
    assert.deepEqual(classedAsks('[Headline: "Start your free trial today"]'), []);
    assert.deepEqual(classedAsks('[Note: we save a spot for every member]'), []);
  });
  test('asking to be pointed to a colleague is advocate; the same words in a hook question are not', () => {
    assert.equal(onlyAsk("If it's the wrong person, who should I be talking to?").class, 'advocate');
    assert.equal(onlyAsk('Should I reach out to someone else?').class, 'advocate');
    assert.notEqual(asksOf('Is the wrong person running your payroll?')[0]?.class, 'advocate');
    assert.notEqual(asksOf('Should we hire someone else to run it?')[0]?.class, 'advocate');
  });
  test('a question that names a bigger request than the sentence after it stays', () => {
    assert.deepEqual(classedAsks('Would a 15-minute call this week make sense? I can share the playbook that worked for them.').map((t) => t.split(' ')[0]), ['meeting', 'consume']);
    // Near miss: an interest check leads into the link after it.
    assert.deepEqual(classedAsks('Interested in contributing? [Check out our contribution page](https://x.example/c)'), ['consume Check out our contribution page']);
  });
  test('an email address is a place to act; a stated welcome of people is not a request', () => {
    assert.deepEqual(classedAsks('If you wish to join as an Associate Member, please email info@todo.example for more information.').map((t) => t.split(' ')[0]), ['engage']);
    assert.deepEqual(classedAsks('We welcome all speakers, regardless of nationality.'), []);
    assert.deepEqual(classedAsks("I'm happy to report that we received a number of responses."), []);
  });
});

// Plain-text and template emails give the address on a line of its own, after the sentence that
// leads to it: the sentence is the ask, of the class of what it names.
describe('a sentence that leads to the address on the line after it', () => {
  const email = (body: string) => `---\ntype: email\ntrust: customer\n---\n\nHi {{name}},\n\nYour membership expires on {{date}}.\n\n${body}\n\nThanks,\nThe board\n`;
  test('"please go to" or a colon, then a URL or a template slot for one, in the next block', () => {
    const renew = asksOf(email('If you wish to renew your membership, please go to\n\n{{sitebase}}/membership/\n\nand follow the instructions there.'));
    assert.deepEqual(renew.map((a) => [a.text, a.class]), [['If you wish to renew your membership, please go to', 'expand']]);
    assert.match(renew[0]!.via, /^read as a sentence that leads to the address on the line after it/);
    const form = asksOf(email('To join the waitlist, fill out the form at:\n\nhttps://forms.example/waitlist\n'));
    assert.deepEqual(form.map((a) => a.class), ['exchange']);
    assert.deepEqual(asksOf(email('To read the recap, head to\n\n<%= @event.recap_url %>\n')).map((a) => a.text), ['To read the recap, head to']);
  });
  test('near misses: an address after a sentence that does not lead to it, or in the same paragraph as a finished one', () => {
    assert.deepEqual(asksOf(email('Thanks for being a member this year.\n\nhttps://example.org/membership/\n')), []);
    assert.deepEqual(asksOf(email('# Membership:\n\nhttps://example.org/membership/\n')), []);
  });
});

describe('the bundled lexicon: interest checks and channels', () => {
  const lx = defaultLexiconInstance();
  const found = (markdown: string): string[] =>
    parseBlock(markdown, lx).units.flatMap((u) => (u.match ? [`${u.match.class}:${markdown.slice(u.match.start, u.match.end)}`] : []));
  test('an interest check is classed by the call or the trial it names, not by a team or a price', () => {
    assert.deepEqual(found('Would you be interested in exploring this over a brief call?'), ['meeting:interested']);
    assert.deepEqual(found('Would 15 minutes make sense next week?'), ['meeting:make sense']);
    assert.deepEqual(found('Worth exploring with your team?'), ['engage:Worth exploring']);
    assert.deepEqual(found('Interested in usability testing, but not sure how to get started?'), ['engage:Interested']);
    assert.deepEqual(found('Interested?'), ['engage:Interested']);
  });
  test('a call for proposals is not a call with the sender', () => {
    assert.ok(!found('You can find this Call for Proposals in its latest form at: https://debconf17.example/cfp').some((x) => x.startsWith('meeting:')));
    assert.deepEqual(found('Book a call for next week.'), ['meeting:Book a call']);
  });
  test('talking to the team on a community channel is not a meeting; talking to them is', () => {
    // The contact phrasing no longer reads it (the ask reader and the trained reader class it by its channel).
    const chat = parseBlock('Chat with us on [CNCF Slack](https://slack.cncf.io).', lx).units[0]!.match;
    assert.ok(chat && !chat.via.startsWith('meeting.contact'), chat?.via);
    assert.deepEqual(found('Talk to us about contributing to our Financial Aid fund.'), ['meeting:Talk to us']);
  });
});

describe('after held-out set 19: pointers, logos and lists of actions', () => {
  test('a pointer takes its class from what going there is for', () => {
    assert.deepEqual(classedAsks('Please use the direct link below to upload your final presentation slides.\n'), ['exchange the direct link below']);
    assert.deepEqual(classedAsks('Please use the link below to complete any fields that are blank.\n'), ['exchange the link below']);
    // Near miss: a pointer to a read stays attention.
    assert.deepEqual(classedAsks('Please use the link below to read the full agenda.\n'), ['consume the link below']);
    // Only the words just before the pointer are read for its clause: a sentence of 200,000
    // commas before it is read, not a crash (reading the whole sentence overflowed the stack).
    const long = `${'a, '.repeat(200_000)}please use the link below to upload your slides`;
    assert.equal(classInContext(vocabulary(), { class: 'consume', via: 'consume.pointer: "the link below"' }, 'the link below', long).cls, 'exchange');
  });
  test("an image's alt text as a link's words is a brand shown, not a place to go", () => {
    assert.deepEqual(classedAsks('[Next.js Logo](https://nextjs.org) [stripe.com Logo](https://stripe.com)\n'), []);
    // Near miss: the reader's own logo is still asked for.
    assert.equal(asksOf('[Add your logo](https://example.org/logos) to the users page.\n').length, 1);
  });
  test('a list of actions under "Learn more:" keeps an ask per action; a list of titles is the one ask', () => {
    const actions = 'Learn more:\n\n- [Check out other webinars, guides, e-books, and more](https://example.org/resources)\n- [Join the community on Slack](https://example.org/slack)\n';
    assert.equal(asksOf(actions).length, 3);
    const titles = 'Check out our previous launch weeks:\n\n- [Launch Week I](https://example.org/lw1)\n- [Launch Week III: The Trilogy](https://example.org/lw3)\n';
    assert.equal(asksOf(titles).length, 1);
  });
});

describe('after held-out set 20: accepting a colleague\'s invitation', () => {
  test('accepting an invitation to a team or joining its organisation is using the product', () => {
    assert.deepEqual(classedAsks('Please click on the following link to accept the invitation:\n'), ['evaluate Please click on the following link to accept the invitation']);
    assert.deepEqual(classedAsks('[Accept Invitation](https://example.org/accept)\n'), ['evaluate Accept Invitation']);
    assert.deepEqual(classedAsks('[Link to join the organization](https://example.org/join)\n'), ['evaluate Link to join the organization']);
    // Near misses: an invitation to speak or to an event keeps its class.
    assert.deepEqual(classedAsks('Please click on the following link to accept the invitation to speak at our meetup.\n'), ['exchange Please click on the following link to accept the invitation to speak at our meetup']);
    assert.deepEqual(classedAsks('[Request an invite](https://example.org/invite)\n'), ['exchange Request an invite']);
    assert.deepEqual(classedAsks('[Accept your invitation to the team](https://example.org/accept)\n'), ['evaluate Accept your invitation to the team']);
    // An invitation named by its event, or to join one, is still the event's.
    assert.deepEqual(classedAsks('[Accept the webinar invitation](https://example.org/w)\n'), ['exchange Accept the webinar invitation']);
    assert.deepEqual(classedAsks('Accept the invitation to join our webinar on Tuesday.\n'), ['exchange Accept the invitation to join our webinar on Tuesday']);
    // How to join is a read; an organisation on GitHub is a community; a membership link is a membership.
    assert.deepEqual(classedAsks('[How to join your organization](https://docs.example.org/join)\n'), ['consume How to join your organization']);
    assert.deepEqual(classedAsks('[Join the organization on GitHub](https://github.com/example)\n'), ['engage Join the organization on GitHub']);
    assert.deepEqual(classedAsks('[Join our organization today](https://example.org/membership)\n'), ['commit Join our organization today']);
  });
});
