// The analysis runs on every keystroke inside the language server: it must never throw, never
// hang, and never report a range outside the text, whatever it is given. A small, seeded fuzz
// test (so a failure reproduces) over random bytes, random Unicode and random markdown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type Analysis } from '../../core/src/analyze';
import { LineIndex } from '../../core/src/text';
import { rng } from '../support/rng';

const int = (rand: () => number, n: number) => Math.floor(rand() * n);
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[int(rand, xs.length)]!;

/** Analyse and check the result is well formed: ranges inside the text, findings sorted. */
function check(text: string, analyzer = new Analyzer(), path?: string): Analysis {
  let a: Analysis;
  const options = path === undefined ? { force: true } : { force: false, path };
  try {
    a = analyzer.analyze(text, options);
  } catch (err) {
    assert.fail(`analyze threw on ${JSON.stringify(text.slice(0, 200))}: ${(err as Error).stack}`);
  }
  assert.deepEqual(a.internalErrors ?? [], [], `internal errors on ${JSON.stringify(text.slice(0, 200))}`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const inside = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStarts[p.line]!;
  for (const f of a.findings) {
    assert.ok(inside(f.range.start) && inside(f.range.end), `${f.rule} range outside the text: ${JSON.stringify(f.range)} in ${JSON.stringify(text.slice(0, 200))}`);
    assert.ok(f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character), `${f.rule}: inverted range`);
    assert.ok(f.message.length > 0);
  }
  for (const k of a.asks) assert.ok(k.start >= 0 && k.start <= k.end && k.end <= body.length, `ask outside the text: ${k.start}-${k.end}`);
  return a;
}

const FRAGMENTS = [
  '---\n', 'type: email\n', 'trust: 0\n', 'trust: banana\n', 'trust: 5+\n', 'channel: champions\n', '---\n', '...\n',
  '\n', '\n\n', '\r\n', '\r', '\t', '  ', '    ',
  '# ', '## ', 'Setext\n===\n', '> ', '- ', '* ', '1. ', '10) ', '- [ ] ', '| a | b |\n|---|---|\n| c | d |\n',
  '```\n', '~~~js\n', '`', '**', '_', '~~', '[', ']', '(', ')', '](https://x.example/)', '[Book a demo](https://x.example/demo)',
  '[ref]: https://calendly.com/x\n', '[Book a call][ref]', '<https://calendly.com/maya/20min>', 'https://cal.com/x', '![img](a.png)',
  '<!-- ', ' -->', '<!-- trustline-disable -->', '<!-- trustline-enable -->', '<!-- trustline-disable-next-line ask-exceeds-trust -->',
  '<!-- trustline-disable-file -->', '<!-- trustline-', '<!-- expect: none -->', '<div>', '</div>', '<br>', '&nbsp;', '&#x1F600;',
  'Book a demo.', 'Read the guide.', 'Start your free trial', 'Get a quote.', 'Open to a 20-minute call?', 'What\'s your take?',
  'Leave a review.', 'Add 8 seats.', 'Refer a colleague.', 'No demo needed, just read the guide.', 'P.S. Follow us.',
  'LAST CHANCE!!!', 'Only 3 seats left!', 'guaranteed', 'ACT NOW', 'Subject: Hello\n', 'Hi Tom,\n', '#Hashtag ', 'Headline 1: x\n',
  '𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼', '👉 ', '🚚', '\u200b', '\u00a0', '\u2028', '\ufeff', 'é', 'e\u0301', '\ud83d', '\udc00', '…', '—', '“quoted”', '\\', '$$x$$', '[^1]', '[^1]: note\n',
];

describe('a byte order mark inside the text (shrunk from the property tests)', () => {
  test('after the front matter, it does not shift the block: the ask ends after its last letter, not inside a surrogate pair', () => {
    const text = '---\ntype: social\ntrust: 1\n---\n\ufeff𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼\n';
    const a = check(text);
    assert.deepEqual(a.asks.map((k) => k.text), ['𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼']);
  });
});

describe('the analysis never throws', () => {
  test('random bytes, decoded as UTF-8 (replacement characters, control characters, NULs)', () => {
    const rand = rng(1);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.alloc(int(rand, 400));
      for (let j = 0; j < bytes.length; j++) bytes[j] = int(rand, 256);
      check(bytes.toString('utf8'));
      check(bytes.toString('latin1'));
    }
  });

  test('random Unicode: astral planes, lone surrogates, combining marks, RTL, line separators', () => {
    const rand = rng(2);
    const ranges: [number, number][] = [[0x20, 0x7e], [0x00, 0x1f], [0x300, 0x36f], [0x590, 0x6ff], [0x2000, 0x206f], [0xd800, 0xdfff], [0xfe00, 0xfeff], [0x1d400, 0x1d7ff], [0x1f300, 0x1faff], [0x4e00, 0x4eff]];
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = int(rand, 300);
      for (let j = 0; j < n; j++) {
        const [lo, hi] = pick(rand, ranges);
        const cp = lo + int(rand, hi - lo + 1);
        s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      }
      check(s);
      check(`---\ntype: email\ntrust: 1\n---\n${s}`);
    }
  });

  test('random markdown fragments, analysed fresh and incrementally', () => {
    const rand = rng(3);
    const analyzer = new Analyzer();
    for (let i = 0; i < 600; i++) {
      let s = '';
      const n = 1 + int(rand, 60);
      for (let j = 0; j < n; j++) s += pick(rand, FRAGMENTS);
      const fresh = check(s);
      const incremental = check(s, analyzer);
      assert.deepEqual({ ...incremental, parsedBlocks: 0 }, { ...fresh, parsedBlocks: 0 }, `incremental differs on ${JSON.stringify(s)}`);
      // Scope decisions on the same text must not throw either.
      check(s, new Analyzer(), pick(rand, ['README.md', 'drafts/x.md', 'a/b/c.email.md', '', '../../etc/passwd', 'C:\\drafts\\x.md']));
    }
  });

  test('pathological shapes: deep nesting, long lines, many links, unclosed everything', () => {
    const cases = [
      '>'.repeat(2000) + ' Book a demo',
      '- '.repeat(500) + 'Book a demo',
      '['.repeat(5000) + 'Book a demo' + ']'.repeat(5000),
      '*'.repeat(10_000),
      'Book a demo '.repeat(20_000),
      ('word '.repeat(50) + '\n').repeat(400),
      '[Book a demo](https://x.example/) '.repeat(3000),
      '```\n' + 'Book a demo\n'.repeat(5000),
      '<!--\n' + 'Book a demo\n'.repeat(5000),
      '---\n' + 'trust: 1\n'.repeat(3000),
      '---\n' + 'x'.repeat(100_000) + '\n---\nBook a demo',
      '\n'.repeat(50_000),
      '\r'.repeat(10_000) + 'Book a demo',
      'A'.repeat(60_000) + '!!!',
      'ONLY 3 SEATS LEFT '.repeat(5000),
      '| a '.repeat(2000) + '|\n' + '|---'.repeat(2000) + '|\n',
      '\ufeff',
      '',
    ];
    for (const text of cases) {
      const started = Date.now();
      check(text);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms on ${JSON.stringify(text.slice(0, 40))}…`);
    }
  });
});

describe('odd settings from a host never throw either', () => {
  test('undefined, null and out-of-range values fall back to the defaults', () => {
    const text = '---\ntype: email\n---\n\nHi Tom,\n\nBook a demo.\n';
    const odd = [
      { checks: undefined },
      { draftGlobs: undefined, asks: undefined, pressure: undefined, channels: undefined },
      { defaultTrust: 9 },
      { defaultTrust: -1 },
      { defaultTrust: null },
      { maxFileSize: undefined },
      { checks: { 'ask-exceeds-trust': 'loud', 'no-such-check': 'error' } },
    ] as unknown as Partial<import('../../core/src/settings').TrustlineSettings>[];
    for (const settings of odd) {
      const a = new Analyzer().analyze(text, { path: 'drafts/x.md', settings });
      assert.equal(a.analysed, true, JSON.stringify(settings));
      assert.ok(a.findings.some((f) => f.rule === 'ask-exceeds-trust'), JSON.stringify(settings));
    }
  });
});

describe('size limits', () => {
  test('a 5 MB text is skipped as too large, quickly, with the default maxFileSize', () => {
    const para = 'Detention charges at the 40 yards we track fell 9% in May. Book a demo to see how. LAST CHANCE!!!\n\n';
    const text = '---\ntype: email\ntrust: 0\n---\n' + para.repeat(Math.ceil(5_000_000 / para.length));
    assert.ok(text.length >= 5_000_000);
    const started = Date.now();
    const a = new Analyzer().analyze(text, { force: true });
    assert.ok(Date.now() - started < 200, 'the size check comes before any parsing');
    assert.equal(a.analysed, false);
    assert.equal(a.skipped, 'too-large');
    assert.deepEqual(a.findings, []);
  });

  test('maxFileSize is honoured both ways', () => {
    const text = '---\ntype: social\ntrust: 0\n---\n\nBook a demo.\n';
    assert.equal(new Analyzer().analyze(text, { force: true, settings: { maxFileSize: text.length - 1 } }).skipped, 'too-large');
    const a = new Analyzer().analyze(text, { force: true, settings: { maxFileSize: text.length } });
    assert.equal(a.analysed, true);
    assert.ok(a.findings.length > 0);
  });

  test('a large draft under the limit is analysed in reasonable time', () => {
    // Every paragraph different, so nothing comes from the block cache.
    const para = (i: number) => `Detention charges at yard ${i} fell ${i % 40}% in May, and the yards that improved most all did one thing. [Read story ${i}](https://x.example/s/${i})\n\n`;
    let text = '---\ntype: blog\ntrust: 1\n---\n';
    for (let i = 0; text.length < 600_000; i++) text += para(i);
    const started = Date.now();
    const a = check(text);
    const ms = Date.now() - started;
    assert.equal(a.analysed, true);
    assert.ok(ms < 20_000, `600 KB took ${ms} ms`);
  });
});
