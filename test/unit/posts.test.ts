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
});
