// The time budget and the maximum number of findings per document (issue 11): the core holds an
// analysis to `timeBudgetMs` on the clock its host passes in, and cuts findings over
// `maxFindings` with one note. No test here times anything: the clock is a fake one that moves
// only when it is read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer, DEFAULT_SETTINGS, MAX_FINDINGS_NOTE, parseConfigText } from '../../core/src/index';
import { lintTask, type LintOptions } from '../../cli/src/lintFile';
import { readEditorSettings } from '../../server/src/settings';

/** A cold email of `n` paragraphs, each different (nothing comes from the block cache), each with an oversized ask. */
function draft(n: number): string {
  let text = '---\ntype: email\ntrust: 0\n---\n\nHi Sam,\n\n';
  for (let i = 0; i < n; i++) text += `Yard ${i} cut its dock wait by ${i % 40}% in May. Book a demo with our team to see how, only ${i} seats left!!!\n\n`;
  return text;
}

/** A clock that moves `step` ms each time it is read, and counts the reads. */
function fakeClock(step: number) {
  const c = { now: 0, reads: 0, read: () => ((c.reads++, (c.now += step))) };
  return c;
}

describe('time budget per document (fake clock)', () => {
  test('over the budget the analysis stops between blocks and reports the draft as skipped, not half-read', () => {
    // About 45,000 characters: three parse windows when the draft is opened.
    const text = draft(400);
    // Every read of the clock is 6 s later: the 10 s default budget runs out at the second window.
    const clock = fakeClock(6_000);
    const a = new Analyzer().analyze(text, { clock: clock.read });
    assert.equal(a.analysed, false);
    assert.equal(a.skipped, 'over-budget');
    assert.deepEqual(a.findings, [], 'no verdict from half a draft');
    assert.ok(a.parsedBlocks < a.totalBlocks, `stopped before the end: ${a.parsedBlocks} of ${a.totalBlocks} blocks`);
    assert.ok(a.parsedBlocks > 0, 'the first window was read');
    assert.ok(clock.reads < 5, `the clock is read between pieces of work, not per block or character (${clock.reads} reads)`);
  });

  test('a block-by-block run (an edit, every other block cached) stops the same way', () => {
    const analyzer = new Analyzer();
    const text = draft(60);
    assert.equal(analyzer.analyze(text).analysed, true, 'no clock: no budget');
    // Change every paragraph's number: all blocks are new, but one at a time through the small-edit path is
    // what a keystroke takes; here half of them change, so a few are parsed alone.
    const edited = text.replace(/Yard (\d+) /g, (m, d: string) => (Number(d) % 2 ? `Yard ${d}b ` : m));
    const a = analyzer.analyze(edited, { clock: fakeClock(2_000).read, settings: { timeBudgetMs: 5_000 } });
    assert.equal(a.skipped, 'over-budget');
    assert.ok(a.parsedBlocks < 30, `${a.parsedBlocks} blocks parsed`);
  });

  test('within the budget nothing changes: same findings as without a clock', () => {
    const text = draft(30);
    const plain = new Analyzer().analyze(text);
    const timed = new Analyzer().analyze(text, { clock: fakeClock(1).read });
    assert.equal(timed.analysed, true);
    assert.deepEqual(timed.findings, plain.findings);
  });

  test('a finished analysis is never thrown away for the clock: the budget stops work not yet done', () => {
    // One parse window: the clock is read before it and not after, so 6 s a read is within 10 s.
    const a = new Analyzer().analyze(draft(60), { clock: fakeClock(6_000).read });
    assert.equal(a.analysed, true);
  });

  test('the blocks read before a stop are kept: the next run goes on from there', () => {
    const analyzer = new Analyzer();
    const text = draft(400);
    const first = analyzer.analyze(text, { clock: fakeClock(6_000).read });
    assert.equal(first.skipped, 'over-budget');
    const second = analyzer.analyze(text, { clock: fakeClock(1).read });
    assert.equal(second.analysed, true);
    assert.ok(second.parsedBlocks < second.totalBlocks, 'some blocks came from the cache');
    assert.deepEqual(second.findings, new Analyzer().analyze(text).findings);
  });

  test('the CLI reports a draft over the budget as skipped, with a message that says which limit', () => {
    const opts: LintOptions = { settings: { ...DEFAULT_SETTINGS, timeBudgetMs: 5_000 }, quiet: false };
    const task = { text: draft(400), display: 'emails/long.md', rootPath: 'emails/long.md', draftPath: 'emails/long.md', forced: true };
    const out = lintTask(task, opts, new Analyzer(), fakeClock(3_000).read);
    assert.deepEqual(out, { kind: 'note', note: { path: 'emails/long.md', message: 'skipped: checking it took longer than timeBudgetMs (5000 ms); no findings are reported for it', kind: 'skipped' } });
    assert.equal(lintTask(task, opts, new Analyzer(), fakeClock(0).read).kind, 'report');
  });
});

describe('maximum number of findings per document', () => {
  test('findings over maxFindings are cut, the most severe kept, with one note that says how many were left out', () => {
    const text = draft(40);
    const all = new Analyzer().analyze(text).findings;
    assert.ok(all.length > 30, `${all.length} findings`);
    const a = new Analyzer().analyze(text, { settings: { maxFindings: 10, checks: { 'pressure-before-trust': 'error' } } });
    assert.equal(a.findings.length, 11, 'ten findings and the note');
    const note = a.findings.at(-1)!;
    const total = all.length;
    assert.equal(note.rule, MAX_FINDINGS_NOTE);
    assert.equal(note.severity, 'information');
    assert.deepEqual(note.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(note.message, `This draft has ${total} findings; only the first 10 by severity are shown and ${total - 10} were left out (maxFindings is 10). Fix these, or raise maxFindings to see them all.`);
    assert.equal(a.omittedFindings, total - 10);
    const kept = a.findings.slice(0, -1);
    assert.ok(kept.every((f) => f.severity === 'error'), 'errors come first');
    const lines = kept.map((f) => f.range.start.line);
    assert.deepEqual(lines, [...lines].sort((x, y) => x - y), 'in document order');
  });

  test('at or under the maximum nothing is cut and there is no note', () => {
    const text = draft(3);
    const n = new Analyzer().analyze(text).findings.length;
    const a = new Analyzer().analyze(text, { settings: { maxFindings: n } });
    assert.equal(a.findings.length, n);
    assert.equal(a.omittedFindings, undefined);
    assert.ok(!a.findings.some((f) => f.rule === MAX_FINDINGS_NOTE));
  });

  test('the default is 1,000', () => {
    assert.equal(DEFAULT_SETTINGS.maxFindings, 1_000);
    assert.equal(DEFAULT_SETTINGS.timeBudgetMs, 10_000);
  });
});

describe('both limits as settings with safe bounds', () => {
  const read = (raw: unknown) => {
    const warnings: string[] = [];
    return { ...readEditorSettings(raw, (m) => warnings.push(m)), warnings };
  };

  test('editor settings: valid values pass through; a bad value falls back to the default with one message naming it', () => {
    assert.deepEqual(read({ timeBudgetMs: 2500.5, maxFindings: 50 }), { analysis: { timeBudgetMs: 2500, maxFindings: 50 }, warnings: [] });
    for (const timeBudgetMs of [0, 0.5, -1, 999, 300_001, 'fast', Infinity]) {
      const r = read({ timeBudgetMs });
      assert.deepEqual(r.analysis, {}, String(timeBudgetMs));
      assert.equal(r.warnings.length, 1, String(timeBudgetMs));
      assert.match(r.warnings[0]!, /^trustline\.timeBudgetMs must be (between 1,000 and 300,000 milliseconds|a whole number of milliseconds); the default \(10,000\) applies\.$/);
    }
    for (const maxFindings of [0, -5, 9, 100_001, '10', 2.5e9]) {
      const r = read({ maxFindings });
      assert.deepEqual(r.analysis, {}, String(maxFindings));
      assert.match(r.warnings.join('\n'), /^trustline\.maxFindings must be (between 10 and 100,000 findings|a whole number of findings); the default \(1,000\) applies\.$/);
    }
  });

  test('.trustline.yaml: the same bounds, each mistake underlined on its value', () => {
    const ok = parseConfigText('timeBudgetMs: 30000\nmaxFindings: 200\n', '.trustline.yaml');
    assert.deepEqual(ok, { config: { timeBudgetMs: 30_000, maxFindings: 200 }, problems: [] });
    const text = 'timeBudgetMs: 0\nmaxFindings: lots\n';
    const bad = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(bad.config, {});
    assert.deepEqual(
      bad.problems.map((p) => [text.slice(p.start, p.end), p.message]),
      [
        ['0', 'timeBudgetMs must be between 1,000 and 300,000 milliseconds; the default (10,000) applies.'],
        ['lots', 'maxFindings must be a whole number of findings; the default (1,000) applies.'],
      ],
    );
  });
});
