// What a post asks that prose elsewhere does not: requests for feedback and the questions listed
// under them (pipeline/feedback.ts, posts only), and its lines of links, one ask per line
// ("github: https://...", "npm: https://...", "Homepage: acme.dev"; blocks.ts). Whole drafts
// are in test/fixtures/social/feedback-questions-show-hn.md and its near misses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/index';

function asks(type: string, body: string): string[] {
  const a = new Analyzer().analyze(`---\ntype: ${type}\ntrust: 1\n---\n\n${body}\n`, { force: true, askModel: null });
  return a.asks.map((k) => `${k.class}: ${k.text}`);
}

describe('requests for feedback in a post', () => {
  test('a wish for feedback with no verb that asks is an ask in a post', () => {
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nInterested in feedback on the evaluation methodology.'), ['engage: Interested in feedback on the evaluation methodology']);
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nMIT licensed. PRs welcome.'), ['engage: PRs welcome']);
    assert.deepEqual(asks('blog', 'We shipped v2 today.\n\nThe regex rules would appreciate perspective on PII? No: we would appreciate perspective on whether regex is enough.').length, 1);
  });

  test('not negated, not "questions welcome" (a support line), and not outside posts', () => {
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nWe do not want feedback on pricing yet.'), []);
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nQuestions welcome.'), []);
    assert.deepEqual(asks('email', 'Shipped v2 today.\n\nInterested in feedback on the evaluation methodology.'), []);
    assert.deepEqual(asks('landing-page', '# Tool\n\nInterested in feedback on the evaluation methodology.'), []);
  });

  test("not someone else's wish, not the past, not taste, not negated, not a noun the word modifies", () => {
    for (const line of [
      'Users love the suggestions panel.',
      'I like input validation that fails loudly.',
      "We didn't want feedback on the logo.",
      "We weren't looking for input on pricing.",
      'We were looking for feedback on pricing back in March.',
      'Their team told us they would appreciate more input from ops.',
      'Nobody wanted feedback welcome banners on every page.',
    ]) assert.deepEqual(asks('social', `Shipped v2 today.\n\n${line}\n\nThe beta ran for six weeks with forty teams.\n\nVersion three follows in May.`), [], line);
    assert.deepEqual(asks('blog', '# How our team reviews\n\n## Why we love feedback\n\nReviews catch what tests miss.\n\nThe beta ran for six weeks.'), []);
    // An unrelated negative earlier in the sentence does not cancel the request.
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nNo pressure, but feedback welcome on the new importer.'), ['engage: No pressure, but feedback welcome on the new importer']);
  });

  test('under a feedback heading, only its lists, and not questions it answers or support lines', () => {
    const faq = '### What I would love feedback on\n\nThe importer, mostly. Is it fast enough? We think so.\n\n- Does it work offline? Yes, fully.\n- Questions? Just reply.\n- Is the CSV mapping clear?';
    assert.deepEqual(asks('social', `Shipped v2 today.\n\n${faq}\n\nThe beta ran for six weeks.\n\nVersion three follows in May.`), ['engage: What I would love feedback on', 'engage: Is the CSV mapping clear?']);
  });

  test('the questions under a heading that asks for feedback, up to the next heading', () => {
    const body = 'Shipped v2 today.\n\n### What I would love feedback on\n\n- Is the API surface right?\n- What is missing?\n\n### How it works\n\n- Is it fast? Yes, it reads a page in 2 ms.';
    assert.deepEqual(asks('social', body), ['engage: What I would love feedback on', 'engage: Is the API surface right?', 'engage: What is missing?']);
    // A heading that does not ask for feedback gives its questions no reader.
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\n### The design\n\n- Is the API surface right? We think so.'), []);
  });

  test('the questions in the list a sentence ending in a colon introduces', () => {
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nFeedback welcome, especially on:\n- missing patterns in the attack bank\n- scoring (what false positives do you see?)'), [
      'engage: Feedback welcome, especially on',
      'engage: scoring (what false positives do you see?',
    ]);
    // The same list under a sentence that does not end in a colon, or does not ask, is not.
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nHere is what we changed:\n- scoring (what false positives do you see?)\n\nThe beta ran for six weeks with forty teams.\n\nVersion three follows in May.'), []);
  });
});

describe("a post's lines of links", () => {
  test('a line ending with an address ends its sentence, whatever case the next line starts in', () => {
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\ngithub: https://github.com/acme/tool\nnpm: https://www.npmjs.com/package/tool'), [
      'consume: https://github.com/acme/tool',
      'consume: https://www.npmjs.com/package/tool',
    ]);
  });
  test('a label and a bare domain is the address it gives; a domain in prose is not', () => {
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nHomepage: acme-labs.ai\nDocs: acmetoolkit.com.ng\nAcme Labs → acme-labs.ai'), [
      'consume: acme-labs.ai',
      'consume: acmetoolkit.com.ng',
      'consume: Acme Labs → acme-labs.ai',
    ]);
    assert.deepEqual(asks('social', 'Shipped v2 today.\n\nWe moved from acme-labs.ai to a new name.\n\nFramework: Next.js'), []);
  });
  test('a label that names a supplier or a file is not an address to go to', () => {
    assert.deepEqual(asks('social', 'How we built it in a weekend. The stack:\n\nHosting: fly.io\nDatabase: supabase.co\n\nThe beta ran for six weeks.\n\nVersion three follows in May.'), []);
    assert.deepEqual(asks('blog', 'The release adds two scripts.\n\nEntry point: install.sh\nUpgrade script: migrate.sh\n\nThe beta ran for six weeks.\n\nVersion three follows in May.'), []);
  });
  test('a line of prose that ends with an address goes on in the next line', () => {
    assert.deepEqual(asks('email', 'Hi Sam,\n\nGrab the checklist at https://acme.dev/checklist\nand book a call with me if it raises questions.\n\nThanks,\nJo'), ['meeting: book a call']);
  });
});

describe('setup steps over code in a README or a blog post', () => {
  const readme = (line: string) => `# Tallyline\n\nInvoice reconciliation from the terminal.\n\n${line}\n\n\`\`\`sh\nnpx tallyline init\n\`\`\`\n\nThe beta ran for six weeks.`;
  test('a how-to step over code is not an ask', () => {
    assert.deepEqual(asks('landing-page', readme('Download the [compose file](https://tallyline.example/compose.yml) and start the stack:')), []);
  });
  test('a line over code that invites to try, sign up, book or buy keeps its ask', () => {
    for (const line of ['Start your free trial:', 'Sign up for the private beta:', 'Book a demo, or spin it up yourself:', 'Grab the [free trial](https://tallyline.example/trial) and run:']) {
      assert.equal(asks('landing-page', readme(line)).length, 1, line);
      assert.equal(asks('blog', readme(line)).length, 1, line);
    }
  });
});
