/**
 * Reading a whole body in one parse (what happens when a draft is opened) must give
 * exactly the per-block results that reading each block alone gives (what happens on
 * a keystroke), or the incremental analysis would drift from a full one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkBody, parseBlock, parseBlocksTogether } from '../../core/src/blocks';
import { defaultLexiconInstance } from '../../core/src/lexicon';

const lexicon = defaultLexiconInstance();

const bodies: Record<string, string> = {
  'paragraphs and a P.S.': 'Hi Dana,\n\nWe cut dock wait times by 40%.\n\nCould we book a 30-minute demo next week?\n\nP.S. Read the [teardown](https://x.example/t).\n',
  'loose list across blank lines': '- Download the guide\n\n- Book a demo today\n\n- Follow us on LinkedIn\n\nThanks.\n',
  'list with indented continuation': '1. First step\n\n   Register for the webinar.\n\n2. Second step\n',
  'fenced code with blank lines': 'Intro sentence.\n\n```\nBook a demo\n\nnot an ask\n```\n\nRead the report.\n',
  'html comment spanning blank lines': 'Text.\n\n<!-- trustline-disable\n\nask-exceeds-trust -->\n\nBook a call.\n',
  'pre block spanning a blank line': '<pre>\nBook a demo\n\nstill pre\n</pre>\n\nRead the guide.\n',
  'headings and buttons': '# Ship faster\n\n[Start free trial](https://x.example)\n[Get a quote](https://x.example/q)\n\n## Why\n\nTeams save hours.\n',
  'crlf and emoji': 'Hi 👋\r\n\r\nGrab the checklist 📋 here.\r\n\r\nWorth a look?\r\n',
};

for (const [name, body] of Object.entries(bodies)) {
  test(`one parse equals block-by-block: ${name}`, () => {
    const chunks = chunkBody(body, 0, body.length);
    assert.ok(chunks.length > 1, 'the body has several blocks');
    const together = parseBlocksTogether(body, chunks, lexicon);
    let compared = 0;
    chunks.forEach((chunk, i) => {
      const alone = parseBlock(chunk.text, lexicon);
      if (together[i] === undefined) return; // left for the caller to parse alone
      assert.deepEqual(together[i], alone, `block ${i}: ${JSON.stringify(chunk.text)}`);
      compared++;
    });
    assert.ok(compared > 0, 'at least one block was read from the single parse');
  });
}

test('a block whose node spans a blank line is left to be parsed alone', () => {
  const body = bodies['pre block spanning a blank line']!;
  const chunks = chunkBody(body, 0, body.length);
  const together = parseBlocksTogether(body, chunks, lexicon);
  assert.equal(together[0], undefined);
  assert.notEqual(together[together.length - 1], undefined);
});

test('a body with link reference definitions is not batched', () => {
  const body = 'See [the guide][g].\n\nBook a demo.\n\n[g]: https://x.example/g\n';
  const chunks = chunkBody(body, 0, body.length);
  assert.ok(parseBlocksTogether(body, chunks, lexicon).every((r) => r === undefined));
});

test('a body that refers to links by reference is not batched, and a block alone reads the reference as a link', () => {
  // The definition is not in the body (a cut, or a README whose definitions sit past the part read).
  const body = 'See [`support.md`][support] for ways to get help.\n\nRead [the guide][] first.\n\nHi [First Name],\n';
  const chunks = chunkBody(body, 0, body.length);
  assert.ok(parseBlocksTogether(body, chunks, lexicon).every((r) => r === undefined));
  const [see, read, hi] = chunks.map((c) => parseBlock(c.text, lexicon));
  // A link whose text is code spans the whole link, as an inline one does.
  assert.deepEqual(see!.links.map((l) => chunks[0]!.text.slice(l.start, l.end)), ['[`support.md`][support]']);
  assert.equal(see!.units[0]!.match?.via, 'read as an imperative; "see" with nothing more specific named');
  assert.deepEqual(read!.links.map((l) => chunks[1]!.text.slice(l.start, l.end)), ['the guide']);
  // A shortcut reference alone is as likely a placeholder: it stays as written.
  assert.deepEqual(hi!.links, []);
  // The definitions given to the parse produce nothing of their own.
  assert.equal(see!.units.length, 1);
});

test('a label that cannot be defined swallows no other reference, and what follows the block is not the block', () => {
  // "[gh\\]" cannot be defined; "[the guide][g]" is still a link.
  const star = parseBlock('Star [the repo][gh\\] and read [the guide][g].', lexicon);
  assert.equal(star.links.length, 1);
  // Brackets in code are no references: a code block stays code.
  assert.equal(parseBlock('```\nv = m[i][j[k]]\n```', lexicon).code, true);
  assert.equal(parseBlock('    v = m[i][j[k]]', lexicon).code, true);
});
