// Front matter splitting and YAML reading: every problem becomes a finding with a range,
// never an exception, and whatever can still be read is kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitFrontMatter, showValue, type FrontMatter } from '../../core/src/frontmatter';
import { Analyzer } from '../../core/src/analyze';

/** The text a field's range covers. */
function valueText(text: string, fm: FrontMatter, key: string): string {
  const f = fm.fields.get(key);
  assert.ok(f, `no field ${key}`);
  return text.slice(f.start, f.end);
}

function findings(text: string, rule = 'front-matter-invalid') {
  return new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === rule);
}

describe('splitting front matter off the body', () => {
  test('no front matter: the body is the whole text', () => {
    const fm = splitFrontMatter('Hi Tom,\n\nRead the teardown.\n');
    assert.equal(fm.present, false);
    assert.equal(fm.bodyStart, 0);
    assert.equal(fm.fields.size, 0);
    assert.deepEqual(fm.problems, []);
  });

  test('fields with exact value ranges, and the body after the closing fence', () => {
    const text = '---\ntype: email\ntrust: 2   # downloaded the guide\n---\n\nHi Tom,\n';
    const fm = splitFrontMatter(text);
    assert.equal(fm.present, true);
    assert.equal(fm.closed, true);
    assert.equal(text.slice(fm.bodyStart), '\nHi Tom,\n');
    assert.equal(valueText(text, fm, 'type'), 'email');
    assert.equal(valueText(text, fm, 'trust'), '2');
    assert.equal(fm.fields.get('trust')!.value, 2);
    assert.equal(text.slice(fm.fields.get('trust')!.keyStart, fm.fields.get('trust')!.keyEnd), 'trust');
    assert.equal(text.slice(fm.insertAt, fm.insertAt + 3), '---');
    assert.deepEqual(fm.problems, []);
  });

  test('keys are case-insensitive; `...` closes too; other keys are kept but unused', () => {
    const text = '---\nTrust: 3\ncampaign: q3\n...\nBody';
    const fm = splitFrontMatter(text);
    assert.equal(fm.fields.get('trust')!.value, 3);
    assert.equal(fm.fields.get('campaign')!.value, 'q3');
    assert.equal(text.slice(fm.bodyStart), 'Body');
  });

  test('empty front matter and an empty value', () => {
    assert.equal(splitFrontMatter('---\n---\nBody').fields.size, 0);
    const text = '---\ntrust:\ntype: email\n---\n';
    const fm = splitFrontMatter(text);
    assert.equal(fm.fields.get('trust')!.value, null);
    // An empty value points at its key, so there is something to underline.
    assert.equal(valueText(text, fm, 'trust'), 'trust');
  });

  test('CRLF front matter: values carry no \\r, ranges and the body start are exact', () => {
    const text = '---\r\ntype: email\r\ntrust: interested\r\n---\r\n\r\nHi Tom,\r\n';
    const fm = splitFrontMatter(text);
    assert.equal(fm.fields.get('trust')!.value, 'interested');
    assert.equal(valueText(text, fm, 'trust'), 'interested');
    assert.equal(text.slice(fm.bodyStart), '\r\nHi Tom,\r\n');
    assert.equal(text.slice(fm.end - 3, fm.end), '---');
  });

  test('lone CR line ends (old Mac files) still close the front matter', () => {
    const text = '---\rtype: email\rtrust: 1\r---\rHi Tom,';
    const fm = splitFrontMatter(text);
    assert.equal(fm.closed, true);
    assert.equal(fm.fields.get('trust')!.value, 1);
    assert.equal(text.slice(fm.bodyStart), 'Hi Tom,');
  });

  test('a byte order mark before the fence: still front matter, offsets into the text as given', () => {
    const text = '\uFEFF---\ntype: social\ntrust: 1\n---\nPost';
    const fm = splitFrontMatter(text);
    assert.equal(fm.present, true);
    assert.equal(valueText(text, fm, 'type'), 'social');
    assert.equal(text.slice(fm.bodyStart), 'Post');
    // And the analysis (which drops the BOM as editors do) reads it the same way.
    const a = new Analyzer().analyze(text, { force: true });
    assert.equal(a.profile!.type.value, 'social');
    assert.equal(a.profile!.trust.source, 'declared');
  });

  test('a document that opens with a thematic break is not front matter', () => {
    for (const text of ['---\n\nHi Tom,\n\nRead the teardown.', '---\nHi Tom,\n', '---', '---\n']) {
      const fm = splitFrontMatter(text);
      assert.equal(fm.present, false, JSON.stringify(text));
      assert.deepEqual(fm.problems, []);
    }
  });
});

describe('broken front matter becomes problems, never exceptions', () => {
  test('unterminated fence: reported on the fence, the fields are still read, the body follows them', () => {
    const text = '---\ntype: email\ntrust: interested\nsubject: Your results\n\nHi Priya,\n\nRead the breakdown.\n';
    const fm = splitFrontMatter(text);
    assert.equal(fm.present, true);
    assert.equal(fm.closed, false);
    assert.equal(fm.problems.length, 1);
    assert.deepEqual([fm.problems[0]!.start, fm.problems[0]!.end], [0, 3]);
    assert.match(fm.problems[0]!.message, /not closed/);
    assert.equal(fm.fields.get('trust')!.value, 'interested');
    assert.equal(text.slice(fm.bodyStart), '\nHi Priya,\n\nRead the breakdown.\n');
    const a = new Analyzer().analyze(text, { force: true });
    assert.equal(a.profile!.trust.value.level, 2);
    assert.equal(a.findings.filter((f) => f.rule === 'front-matter-invalid').length, 1);
  });

  test('malformed YAML: one problem with a range, the readable fields kept, the broken one marked', () => {
    const text = '---\ntype: email\ntrust: [2\nsubject: Three ways\n---\nBody';
    const fm = splitFrontMatter(text);
    assert.ok(fm.problems.length >= 1);
    for (const p of fm.problems) {
      assert.ok(p.start >= fm.yamlStart && p.end <= fm.yamlEnd && p.end > p.start, 'problem range inside the YAML');
      assert.equal(p.structural, true);
      assert.match(p.message, /not valid YAML/);
    }
    assert.equal(fm.fields.get('type')!.value, 'email');
    assert.equal(fm.fields.get('trust')!.broken, true);
  });

  // Found by the property tests (issue 11): the parser's error position fell between the two
  // halves of an emoji, and the problem's range split the pair.
  test('a YAML error at an emoji underlines the whole emoji, never half of it', () => {
    const text = '---\ntype: 😀: : [\n---\n\nBook a demo.\n';
    const ranges = new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === 'front-matter-invalid').map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]);
    assert.deepEqual(ranges[0], [1, 6, 8]);
    assert.equal(text.split('\n')[1]!.slice(6, 8), '😀');
  });

  test('a colon inside an unquoted value gets advice to quote it', () => {
    const [f] = findings('---\ntype: email\ntrust: 3\nsubject: Re: accruals\n---\nHi Priya,\n');
    assert.ok(f);
    assert.match(f.message, /must be in quotes/);
    assert.equal(f.range.start.line, 3);
  });

  test('non-mapping front matter: a list or a bare sentence', () => {
    for (const yaml of ['- type: email\n- trust: 2', 'Just a note to self']) {
      const text = `---\n${yaml}\n---\nHi Priya,\n`;
      const fm = splitFrontMatter(text);
      assert.equal(fm.problems.length, 1, yaml);
      assert.match(fm.problems[0]!.message, /key: value/);
      assert.equal(fm.fields.size, 0);
      // The underline covers the text, not the line break after it.
      assert.equal(text.slice(fm.problems[0]!.start, fm.problems[0]!.end), yaml);
    }
  });

  test('duplicate keys: the first value counts, the second key is reported', () => {
    const text = '---\ntrust: 2\ntype: email\ntrust: 4\n---\nBody';
    const fm = splitFrontMatter(text);
    assert.equal(fm.fields.get('trust')!.value, 2);
    assert.equal(fm.problems.length, 1);
    const p = fm.problems[0]!;
    assert.equal(text.slice(p.start, p.end), 'trust');
    assert.equal(p.start, text.lastIndexOf('trust'));
    assert.match(p.message, /appears twice.*first one \(line 2\)/);
  });

  test('a 10,000-character value: read without trouble, quoted short in messages', () => {
    const long = 'x'.repeat(10_000);
    const fm = splitFrontMatter(`---\ntype: email\nsubject: ${long}\ntrust: ${long}\n---\nBody`);
    assert.equal((fm.fields.get('subject')!.value as string).length, 10_000);
    const [f] = findings(`---\ntype: email\ntrust: ${long}\n---\nHi Tom,\n`);
    assert.ok(f);
    assert.ok(f.message.length < 400, `message is ${f.message.length} characters`);
    assert.match(showValue(long), /…"$/);
  });

  test('odd but valid YAML: anchors and aliases, quoted keys, flow mappings, comments only', () => {
    assert.equal(splitFrontMatter('---\nlevel: &l 2\ntrust: *l\n---\n').fields.get('trust')!.value, 2);
    assert.equal(splitFrontMatter('---\n"trust": 1\n---\n').fields.get('trust')!.value, 1);
    assert.equal(splitFrontMatter('---\n{type: email, trust: 1}\n---\n').fields.get('type')!.value, 'email');
    assert.deepEqual(splitFrontMatter('---\n# nothing yet\n---\n').problems, []);
  });

  test('hostile YAML never throws', () => {
    const nasty = ['a: &a [*a]', '? ? ? :', 'trust: !!binary ====', '{{{{', ': : :', '\t- x', 'a: "\\u', 'trust: 2\n\t type: email', "'''", '- - - - -', 'x: |\n  multi\n  line', '%YAML 1.2\n---\na: 1'];
    for (const yaml of nasty) {
      assert.doesNotThrow(() => splitFrontMatter(`---\n${yaml}\n---\nBody`), yaml);
      assert.doesNotThrow(() => new Analyzer().analyze(`---\n${yaml}\n---\nBody`, { force: true }), yaml);
    }
  });
});
