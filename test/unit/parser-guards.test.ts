// Blocks the markdown parser would hang on (issue 11): a line that nests hundreds of quotes or list
// items, a run of alternating emphasis markers, a paragraph of thousands of emphasis markers. They are found before parsing, the block is not
// read, and one finding says so and why. (Their growth in time is in reader-growth.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, UNREAD_BLOCK } from '../../core/src/index';
import { blockInParts, emphasisRunsHazard, listParts, parseBlock, parseBlocksTogether, parseInParts, parserHazard, PART_SIZE } from '../../core/src/blocks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { defaultLexiconInstance } from '../../core/src/lexicon';

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

  test('a paragraph of thousands of emphasis markers ("-_-_-_...", which leaves one open in every part)', () => {
    const { a, found } = unread(FRONT + 'Book a demo today.\n\n' + '-_'.repeat(50_000) + '\nsecond line\n\nThanks for reading.\n');
    assert.equal(found.length, 1);
    assert.equal(
      found[0]!.message,
      "Trustline did not read this block: it holds a paragraph of more than 5,000 runs of emphasis markers (* and _), and the markdown parser's time grows with the square of that, enough to freeze the editor. Its asks and pressure are not checked: remove the extra markers to have it checked.",
    );
    // The whole paragraph, both its lines; the paragraphs around it are read.
    assert.deepEqual(found[0]!.range, { start: { line: 7, character: 0 }, end: { line: 8, character: 11 } });
    assert.deepEqual(a.asks.map((k) => k.text), ['Book a demo']);
    // Quoted, the same paragraph is caught where the quote is read as what it quotes.
    const quoted = unread(FRONT + 'Intro.\n\n' + ('> ' + '-_'.repeat(3000) + '\n').repeat(4) + '\nBye.\n').found;
    assert.deepEqual(quoted.map((f) => f.range), [{ start: { line: 7, character: 2 }, end: { line: 10, character: 6002 } }]);
  });

  test('emphasis runs are counted per paragraph, list item and heading, and only those the parser may pair', () => {
    const runs = (k: number) => Array.from({ length: k }, (_, i) => (i % 2 ? '*b*' : '_a_')).join(' ');
    // 5,000 runs read, 5,001 caught.
    assert.equal(emphasisRunsHazard(runs(2500)), undefined);
    assert.ok(emphasisRunsHazard(runs(2500) + ' *'));
    // A blank line, a list item or a heading starts the count again.
    assert.equal(emphasisRunsHazard(runs(2000) + '\n\n' + runs(2000)), undefined);
    assert.equal(emphasisRunsHazard(runs(2000) + '\n- ' + runs(2000) + '\n> 1. ' + runs(2000) + '\n## ' + runs(2000)), undefined);
    assert.ok(emphasisRunsHazard(runs(2000) + '\n' + runs(2000)), 'a paragraph over two lines is one paragraph');
    // A line that cannot interrupt a paragraph goes on with it: "2. " (only "1." starts a list
    // there) and a marker indented four spaces.
    assert.ok(emphasisRunsHazard(runs(2000) + '\n2. ' + runs(2000) + '\n3. ' + runs(2000)));
    assert.ok(emphasisRunsHazard(runs(2000) + '\n    - ' + runs(2000) + '\n    - ' + runs(2000)));
    // Fenced code is not emphasis, and a quoted blank line ends a quoted paragraph.
    assert.equal(emphasisRunsHazard('```\n' + runs(6000) + '\n```'), undefined);
    assert.equal(emphasisRunsHazard('> ' + runs(2000) + '\n>\n> ' + runs(2000) + '\n> \n> ' + runs(2000)), undefined);
    // Underscores inside words, bullets and thematic breaks are not runs the parser pairs.
    assert.equal(emphasisRunsHazard('a snake_case_name '.repeat(6000)), undefined);
    assert.equal(emphasisRunsHazard('* item\n'.repeat(6000)), undefined);
    assert.equal(emphasisRunsHazard('***\n'.repeat(6000)), undefined);
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

/** A fixed-seed random number below k, for random blocks that are the same on every run. */
function seeded(seed: number): (k: number) => number {
  return (k) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
}

/** A tree with each position as its two offsets, for comparing trees parsed from different slices. */
const strip = (n: Record<string, unknown>): unknown => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'position') o[k] = n.position && [(v as { start: { offset: number } }).start.offset, (v as { end: { offset: number } }).end.offset];
    else if (k === 'children') o[k] = (v as Record<string, unknown>[]).map(strip);
    else o[k] = v;
  }
  return o;
};

// Any other long block (issue 11) is parsed in parts of about PART_SIZE characters too: one long
// paragraph (the parser moves every event after each emphasis it resolves, so a sentence of
// thousands of "**bold** and _it_" cost the square of its length) and setext headings with no blank
// line between them (each resolved over all the parser has read). The parts must give the tree of
// one parse, cut only where nothing a cut separates could have joined.
describe('a long block parsed in parts reads as one parse', () => {
  const lexicon = defaultLexiconInstance();
  const blocks: [string, string][] = [
    ['emphasis pieces in one sentence', '**bold** and _it_ '.repeat(1000).trim()],
    ['links joined by "and" and adjacent links', Array.from({ length: 400 }, (_, i) => `[link ${i}](https://x.example/${i})${i % 2 ? ' and' : ''}`).join(' ')],
    ['sentences with links, code, inline HTML and autolinks', 'See [the guide](https://x.example/g) and `npm i` or <b>bold</b> at <https://x.example>, then book a demo. '.repeat(150).trim()],
    ['setext headings without blank lines', 'Book a demo\n---\nSee the [guide](https://x.example/g) *today*\n===\n'.repeat(300).trim()],
    ['stray markers that never close', 'a*b and 5 * 3 and snake_case and [not a link and `tick and <x '.repeat(200).trim()],
    ['a paragraph over many lines, emphasis across them', 'Book a *demo\nwith us* today and read **the\nguide** now.\n'.repeat(300).trim()],
    // Something opened at the paragraph's start that nothing closes: the parts are still cut,
    // remembering what is open, as long as no later part could close it.
    ['a stray "[" before emphasis pieces', '[ ' + '**bold** and _it_ '.repeat(3000).trim()],
    ['a stray "*" before emphasis pieces', '*' + '**bold** and _it_ '.repeat(3000).trim()],
    ['a stray backtick before emphasis pieces', '`' + '**bold** and _it_ and ``code`` '.repeat(2000).trim()],
    ['a stray "<a" before emphasis pieces', '<a ' + '**bold** and _it_ '.repeat(3000).trim()],
    // A paragraph of many lines that its last line's underline makes a setext heading.
    ['a long paragraph that an underline makes a heading', '**bold** and _it_\n'.repeat(1000) + '---'],
  ];
  for (const [name, text] of blocks) {
    test(name, () => {
      assert.ok(blockInParts(text), 'the block is long enough to cut');
      // Stray markers leave every part open: it is parsed again to twice the length until whole.
      const parses = parseInParts(text)!.parses;
      if (name.startsWith('stray')) assert.equal(parses, 3);
      // Three tries at the first cut, then parts of about PART_SIZE: not the rest in one parse.
      else if (name.startsWith('a stray')) assert.ok(parses >= 3 + Math.floor((text.length - 4 * PART_SIZE) / PART_SIZE), `${parses} parses for ${text.length} characters`);
      else assert.ok(parses >= 4, `${parses} parses`);
      const whole = parseBlocksTogether(text, [{ start: 0, end: text.length, text }], lexicon)[0]!;
      assert.deepEqual(parseBlock(text, lexicon), whole);
    });
  }

  test('a block is cut only when long, and never with a link reference definition in it', () => {
    assert.equal(blockInParts('**bold** and _it_ '.repeat(100)), false);
    assert.equal(blockInParts('Book a demo\n---\n'.repeat(16)), false);
    assert.equal(blockInParts('Book a demo\n---\n'.repeat(17)), true);
    assert.equal(blockInParts('See [the guide][g] today. '.repeat(1000) + '\n[g]: https://x.example/g'), false);
    assert.equal(blockInParts('> [g]: https://x.example/g\n> ' + 'See [the guide][g] today. '.repeat(1000)), false);
  });

  // The tree itself, offsets and text, against one parse, for fixed-seed random blocks of pieces
  // that open and close inline and block constructs, cut into parts of 20 to 120 characters.
  test('the same tree as one parse, for random blocks cut small', () => {
    const pieces = ['**bold** ', 'and ', '_it_ ', '[link](https://x.example/a_b) ', 'word ', 'snake_case ', '5 * 3 ', 'a*b ', '`code` ', '<b>x</b> ', '<http://x.example> ', '\n', '\n---\n', '\nBook a demo\n===\n', '\n- item ', '\n# Head ', '*', '_', '[', ']', '`', '<', '  ', '\t', '\\*', '&amp; ', '&#32;', '\n> q ', '\n```\n', 'x ', '!', '\n1. ', '\n    indented ', '- ', '***', '\uFEFF', '😀 ', '\r\n', '<!-- c ', '--> ', '*a ', ' b*', '__', 'x_ ', '\n=== ', '(', '"q" ', '| ', '![i](u) ', '\\\n'];
    const processor = unified().use(remarkParse);
    const rnd = seeded(11);
    let cut = 0;
    for (let t = 0; t < 1500; t++) {
      let s = '';
      const len = 50 + rnd(1500);
      const kinds = [pieces.length, 6, 12, 16, 30][rnd(5)]!;
      while (s.length < len) s += pieces[rnd(kinds)];
      if (rnd(2)) s = s.trim();
      const parts = parseInParts(s, 20 + rnd(100));
      if (!parts) continue;
      if (parts.parses > 1) cut++;
      // (The parse of a whole block reads a byte order mark at its start as a space: parseMarkdown.)
      const one = processor.parse(s.charCodeAt(0) === 0xfeff ? ` ${s.slice(1)}` : s);
      assert.deepEqual((strip(parts.tree as never) as { children: unknown }).children, (strip(one as never) as { children: unknown }).children, JSON.stringify(s));
    }
    assert.ok(cut > 1000, `${cut} blocks were cut`);
  });

  // A long block quote is parsed as what it quotes, its offsets moved back onto the quoted lines
  // (a quote of a thousand items that quote again, "> - > - ...", cost the square of its length).
  test('a long quote reads as one parse, for random quotes of lists, quotes, code, HTML and tables', () => {
    const lines = ['- item', '> q', '- > - x', '1. one', '2. two', '```', 'code', '', '***bold*** and _it_', '[link](u)', '    indented', '---', '===', 'Book a demo', '<div>', '</div>', '[a]: http://x', '- - - x', ' x', '  - sub', 'See [a] now', '*open', 'close*', '# Head', '> > deep', '\tx', 'a\tb', '<!-- c', '-->', '| a | b |', '|---|---|'];
    const rnd = seeded(3);
    let n = 0;
    for (let t = 0; t < 120; t++) {
      const out: string[] = [];
      for (let i = 0, count = 100 + rnd(400); i < count; i++) {
        const l = lines[rnd(lines.length)]!;
        out.push(l === '' ? '>' : ['> ', '>', '> ', '> > '][rnd(4)]! + l);
      }
      const text = out.join('\n') + (rnd(2) ? '\n' : '');
      if (text.length < 2000) continue;
      n++;
      assert.deepEqual(parseBlock(text, lexicon), parseBlocksTogether(text, [{ start: 0, end: text.length, text }], lexicon)[0], JSON.stringify(text.slice(0, 200)));
    }
    assert.ok(n > 60, `${n} quotes`);
  });

  // The same, for paragraphs that open something at their start ("[", "*", a backtick run, an
  // HTML tag) and may or may not close it much later, and for ones a final underline makes a
  // heading: cut only where no later part could close what is open (or the block is parsed whole).
  test('the same tree as one parse, for random blocks that open something first', () => {
    const strays = ['*', '_', '[', '`', '<', '``', '<a title="'];
    const common = ['word ', 'and ', 'x ', '**bold** ', '_it_ ', '\n'];
    const rare = ['a*b ', 'x_ ', '_y ', ']', '](u) ', '`', '``', ' `` ', '>', '">', '*', 'b** ', ' **c', '[link](https://x.example/a_b) ', '`code` ', '<b>x</b> ', '\n---\n', '\\*', '&amp; '];
    const processor = unified().use(remarkParse);
    const rnd = seeded(5);
    let cut = 0;
    for (let t = 0; t < 1500; t++) {
      let s = strays[rnd(strays.length)]!;
      const len = 50 + rnd(1500);
      while (s.length < len) s += rnd(4) === 0 ? rare[rnd(rare.length)] : common[rnd(common.length)];
      if (rnd(3) === 0) s += '\n---';
      const parts = parseInParts(s, 20 + rnd(100));
      if (!parts) continue;
      if (parts.parses > 4) cut++;
      const one = processor.parse(s);
      assert.deepEqual((strip(parts.tree as never) as { children: unknown }).children, (strip(one as never) as { children: unknown }).children, JSON.stringify(s));
    }
    assert.ok(cut > 250, `${cut} blocks were cut past their first tries`);
  });
});
