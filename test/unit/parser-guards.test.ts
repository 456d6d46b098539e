// Blocks the markdown parser would hang on (issue 11): a line that nests hundreds of quotes or list
// items, a run of alternating emphasis markers. They are found before parsing, the block is not
// read, and one finding says so and why. (Their growth in time is in reader-growth.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, UNREAD_BLOCK } from '../../server/src/core/index';
import { listParts, parseBlock, parseBlocksTogether, parserHazard } from '../../server/src/core/blocks';
import { defaultLexiconInstance } from '../../server/src/core/lexicon';

const FRONT = '---\ntype: email\ntrust: aware\n---\n\n';

function unread(text: string) {
  const a = new Analyzer().analyze(text, { force: true });
  return { a, found: a.findings.filter((f) => f.rule === UNREAD_BLOCK) };
}

describe('parser guards: a block the parser would hang on is not read, with one finding', () => {
  test('a line of nested list markers ("- - - ... text")', () => {
    const { a, found } = unread(FRONT + '- '.repeat(5000) + 'Book a demo.\n\nThanks for reading.\n');
    assert.equal(found.length, 1);
    assert.equal(
      found[0]!.message,
      'Trustline did not read this block: it holds a line that opens 5,000 quotes and list items inside each other (more than 32), and the markdown parser\'s time grows with the square of that, enough to freeze the editor. Its asks and pressure are not checked: remove the extra markers to have it checked.',
    );
    assert.equal(found[0]!.severity, 'warning');
    assert.deepEqual(found[0]!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 10000 } });
    // The rest of the draft is read as usual.
    assert.equal(a.asks.length, 0);
    assert.ok(a.profile);
  });

  test('deep blockquotes ("> > > ...") and quotes and lists mixed', () => {
    for (const prefix of ['> '.repeat(3000), '>'.repeat(3000) + ' ', '- > '.repeat(1000), '1. '.repeat(500)]) {
      const { found } = unread(FRONT + prefix + 'Book a demo.\n');
      assert.equal(found.length, 1, JSON.stringify(prefix.slice(0, 8)));
      assert.match(found[0]!.message, /^Trustline did not read this block: it holds a line that opens [\d,]+ quotes and list items inside each other \(more than 32\)/);
    }
  });

  test('a run of alternating emphasis markers ("*_*_*_...")', () => {
    const { found } = unread(FRONT + 'Intro line.\n\n' + '*_'.repeat(2000) + 'Book a demo' + '_*'.repeat(2000) + '\n');
    assert.equal(found.length, 1);
    assert.equal(
      found[0]!.message,
      'Trustline did not read this block: it holds a run of 4,000 emphasis markers that switch between * and _ 3,999 times (more than 64), and the markdown parser\'s time grows with the square of that, enough to freeze the editor. Its asks and pressure are not checked: remove the extra markers to have it checked.',
    );
    assert.deepEqual(found[0]!.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 4000 } });
  });

  test('one finding per block, whether the draft is read in one pass or block by block, and no comment silences it', () => {
    const bad = '- '.repeat(100) + 'Book a demo.';
    // Many new blocks: read in windows; the bad block is parsed alone and skipped.
    const many = FRONT + '<!-- trustline-disable-file -->\n\n' + Array.from({ length: 12 }, (_, i) => (i === 5 ? bad : `Paragraph ${i} about the product.`)).join('\n\n') + '\n';
    const analyzer = new Analyzer();
    const first = analyzer.analyze(many, { force: true });
    assert.deepEqual(first.findings.map((f) => f.rule), [UNREAD_BLOCK]);
    // One keystroke later the bad block is read alone (the keystroke path): the same finding.
    const edited = many.replace('Paragraph 7', 'Paragraph seven');
    const second = analyzer.analyze(edited, { force: true });
    assert.equal(second.parsedBlocks, 1);
    assert.deepEqual(second.findings.map((f) => [f.rule, f.range.start.line]), [[UNREAD_BLOCK, first.findings[0]!.range.start.line]]);
    assert.deepEqual(new Analyzer().analyze(edited.replace(bad, bad + '\n\n' + bad), { force: true }).findings.map((f) => f.rule), [UNREAD_BLOCK, UNREAD_BLOCK]);
  });

  test('ordinary markdown is read: a few levels of nesting, bold italics, thematic breaks of any length', () => {
    assert.equal(parserHazard('> - > - > quoted list\n> > > > > > > > deep but fine\n1. 2. 3. - - - nested'), undefined);
    assert.equal(parserHazard('**_bold italic_** and __*more*__ and ***strong***'), undefined);
    assert.equal(parserHazard('- '.repeat(500)), undefined);
    assert.equal(parserHazard('* '.repeat(500) + '\r\n' + '_'.repeat(500)), undefined);
    assert.equal(parserHazard('*'.repeat(5000) + ' text ' + '_'.repeat(5000)), undefined);
    const { a, found } = unread(FRONT + '> > > Book a demo with our team.\n\n' + '- '.repeat(200) + '\n\n**_Book a demo_**\n');
    assert.equal(found.length, 0);
    assert.equal(a.asks.length, 2);
  });

  test('just over the limits is caught, at the limits is read', () => {
    assert.equal(parserHazard('> '.repeat(32) + 'text'), undefined);
    assert.ok(parserHazard('> '.repeat(33) + 'text'));
    assert.equal(parserHazard('*_'.repeat(32) + '*'), undefined);
    assert.ok(parserHazard('*_'.repeat(33)));
  });
});

// A long list is parsed in parts of 32 top-level items (the parser moves every event it has read
// each time a nested item closes, so one parse of 1,000 lines of "- - - - item" took 2.5 s and grew
// with the square of the lines; reader-growth.test.ts times it). The parts must read exactly as one parse.
describe('a long list parsed in parts reads as one parse', () => {
  const lexicon = defaultLexiconInstance();
  const lists: [string, string][] = [
    ['one-line nested lists', '- - - - Book a demo\n'.repeat(200).trimEnd()],
    ['a list nested by indentation', Array.from({ length: 300 }, (_, i) => '  '.repeat(i % 7) + `- Item ${i} [read it](https://x.example/${i}) *now*`).join('\n')],
    ['an ordered list with continuation lines', Array.from({ length: 100 }, (_, i) => `${i + 1}. Step ${i}: [Book a demo](https://x.example/${i}). Then reply to this email.\n   More text for step ${i}, we book a demo.`).join('\n')],
    ['thematic breaks among the items', Array.from({ length: 100 }, (_, i) => (i % 10 === 5 ? '* * *' : `* Item ${i} with **bold** text, sign up today.`)).join('\n')],
    ['a loose list', Array.from({ length: 80 }, (_, i) => `- Item ${i}\n\n  Continued paragraph ${i}: sign up today.`).join('\n')],
    ['quotes, code, setext headings and emphasis across lines in items', Array.from({ length: 80 }, (_, i) => `- > Quote ${i}: Book a demo\n  > still quoted\n- Title ${i}\n  ---\n  *Body ${i}:\n  schedule a call*\n\n      code ${i}`).join('\n')],
    ['an ordered list with parentheses', Array.from({ length: 120 }, (_, i) => `${i}) Item ${i} Try it free`).join('\n')],
  ];
  for (const [name, text] of lists) {
    test(name, () => {
      assert.ok((listParts(text)?.length ?? 0) >= 1, 'the list is cut');
      const whole = parseBlocksTogether(text, [{ start: 0, end: text.length, text }], lexicon)[0]!;
      assert.deepEqual(parseBlock(text, lexicon), whole);
    });
  }
  test('a list is not cut where a cut could change it', () => {
    const items = (line: (i: number) => string) => Array.from({ length: 100 }, (_, i) => line(i)).join('\n');
    // Another marker starts another list; a line that is not indented may be a lazy continuation;
    // fenced code, HTML and link definitions may span or serve a cut.
    assert.equal(listParts(items((i) => (i === 50 ? '* Other marker' : `- Item ${i} of the list`))), undefined);
    assert.equal(listParts(items((i) => (i === 50 ? 'a lazy line' : `- Item ${i} of the list`))), undefined);
    assert.equal(listParts(items((i) => (i === 50 ? '  ```\n- code?\n  ```' : `- Item ${i} of the list`))), undefined);
    assert.equal(listParts(items((i) => (i === 50 ? '  <div>' : `- Item ${i} of the list`))), undefined);
    assert.equal(listParts(items((i) => (i === 50 ? '[ref]: https://x.example' : `- Item ${i} of the list [ref]`))), undefined);
    // A short list is parsed whole.
    assert.equal(listParts(Array.from({ length: 30 }, (_, i) => `- Item ${i} of the list, with words enough to be long`).join('\n')), undefined);
  });
});
