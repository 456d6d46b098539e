// Code actions as edits: each test applies the edit to the draft, re-analyses it, and checks
// what a writer would notice: the exact new text, that the diagnostic went away, and that every
// byte outside the edited range is untouched (links, markdown, line breaks, comments, other keys).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import {
  applyEdits,
  codeActionsFor,
  disableFileEdit,
  disableLineEdit,
  fixAllAction,
  fixAllEdits,
  replaceAskEdit,
  setTrustEdit,
  type TextEdit,
} from '../../core/src/actions';
import { Analyzer, type Analysis } from '../../core/src/analyze';
import { LineIndex } from '../../core/src/text';
import type { Finding } from '../../core/src/types';

const COLD_EMAIL = `---
type: email
trust: unknown   # bought list: they have never heard of Dockwise
subject: The new Reno DC and your dock schedule
---

Hi Tom,

Congratulations on opening the Reno distribution center. A second site usually means the dock schedule that lived in one supervisor's spreadsheet now has to cover two yards, three shifts and a lot more carriers.

Cold Ridge Foods cut average truck wait time at their Fresno yard from just over two hours to 26 minutes in their first quarter with us.

Could we book a 30-minute demo next week? I'd set it up with a mock-up of the Reno yard so your team sees their own doors.

Best,
Maya Okafor
`;

const VALUE = 'We looked at forty 3PL yards last year and found the same three problems in each of them.';

/** A draft with front matter and a sentence of value before `body`. */
function draft(fm: string, body: string): string {
  return `---\n${fm}\n---\n\n${VALUE}\n\n${body}\n`;
}

function analyze(text: string): Analysis {
  return new Analyzer().analyze(text);
}

function only(a: Analysis, rule: string): Finding {
  const f = a.findings.filter((x) => x.rule === rule);
  assert.equal(f.length, 1, `expected one ${rule}, got ${a.findings.map((x) => x.rule).join(', ')}`);
  return f[0]!;
}

/**
 * Apply one edit independently of applyEdits, and check that the text outside the edit's range
 * is byte-identical before and after.
 */
function applyOne(text: string, edit: TextEdit): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const lines = new LineIndex(body);
  const s = lines.offsetAt(edit.range.start);
  const e = lines.offsetAt(edit.range.end);
  const after = bom + body.slice(0, s) + edit.newText + body.slice(e);
  assert.equal(after.slice(0, bom.length + s), text.slice(0, bom.length + s), 'text before the edit changed');
  assert.equal(after.slice(after.length - (body.length - e)), body.slice(e), 'text after the edit changed');
  return after;
}

describe('replace the ask with a trust-matched alternative', () => {
  test('the cold email: the preferred rewrite replaces only the demo sentence, and the warning goes', () => {
    const a = analyze(COLD_EMAIL);
    const f = only(a, 'ask-exceeds-trust');
    const actions = codeActionsFor(a, f);
    const preferred = actions.filter((x) => x.isPreferred);
    assert.equal(preferred.length, 1);
    assert.deepEqual(preferred[0]!.edits, [
      {
        range: { start: { line: 12, character: 0 }, end: { line: 12, character: 41 } },
        newText: 'Take a look at the two-page teardown when you have a minute.',
        // The email names no teardown: an editor with snippet edits gets the slot to type over.
        snippet: 'Take a look at ${1:the two-page teardown} when you have a minute.',
      },
    ]);
    const after = applyOne(COLD_EMAIL, preferred[0]!.edits![0]!);
    assert.equal(
      after.split('\n')[12],
      "Take a look at the two-page teardown when you have a minute. I'd set it up with a mock-up of the Reno yard so your team sees their own doors.",
    );
    const b = analyze(after);
    assert.deepEqual(b.findings.map((x) => x.rule), []);
    assert.equal(b.asks[0]!.class, 'consume');
  });

  test('a rewrite never invents an asset: it uses the one the draft names, or leaves a placeholder', () => {
    const names = COLD_EMAIL.replace("I'd set it up with a mock-up", "We wrote a case study on the Reno yard. I'd set it up with a mock-up");
    const a = analyze(names);
    const edit = codeActionsFor(a, only(a, 'ask-exceeds-trust')).find((x) => x.isPreferred)!.edits![0]!;
    assert.equal(edit.newText, 'Take a look at the case study when you have a minute.');
    assert.equal(edit.snippet, undefined);
  });

  test('only the ask\'s own clause is rewritten: the writer\'s first clause stays', () => {
    const draft = '---\ntype: email\ntrust: unknown\n---\n\nHi Sam,\n\nYour dock schedule slips every Monday. We\'re confident it\'s fixable, so could we book a demo next week?\n\nBest,\nJonas\n';
    const a = analyze(draft);
    const f = only(a, 'ask-exceeds-trust');
    const preferred = codeActionsFor(a, f).find((x) => x.isPreferred)!;
    const after = applyOne(draft, preferred.edits![0]!);
    assert.equal(after.split('\n')[7], "Your dock schedule slips every Monday. We're confident it's fixable, so take a look at the two-page teardown when you have a minute.");
    // The edit covers the clause alone, so its snippet starts there too.
    assert.equal(preferred.edits![0]!.snippet, 'take a look at ${1:the two-page teardown} when you have a minute.');
    assert.deepEqual(analyze(after).findings.filter((x) => x.rule === 'ask-exceeds-trust'), []);
  });

  test('every action on the cold email, in order, with the preferred one first', () => {
    const a = analyze(COLD_EMAIL);
    const actions = codeActionsFor(a, only(a, 'ask-exceeds-trust'));
    assert.deepEqual(
      actions.map((x) => `${x.isPreferred ? '* ' : ''}${x.title}`),
      [
        '* Ask instead: "Take a look at the two-page teardown when you have a minute." (consume, fits 0 UNKNOWN)',
        `Ask instead: "If it's useful, skim the short case study: it's a 3-minute …" (consume, fits 0 UNKNOWN)`,
        'Ask instead: "See how a team in the same spot fixed it, in their own word…" (consume, fits 0 UNKNOWN)',
        'Step down one rung to meeting: "Open to a 20-minute call next week to compare notes?" (needs trust 3)',
        'The audience is already at 4 TRUSTING: declare it in trust:',
        'Set the audience trust...',
        'Open the writing-b2b-emails skill',
        'Turn off ask-exceeds-trust for this line',
        'Turn off ask-exceeds-trust for this file',
      ],
    );
    assert.deepEqual(actions[6]!.command, { title: 'Open skill', command: 'trustline.openSkill', arguments: ['writing-b2b-emails'] });
  });

  test('a link keeps its URL and brackets; only the link text changes', () => {
    const text = draft('type: email\ntrust: aware', '[Book a 30-minute demo](https://dockwise.example/demo?utm=cold)');
    const a = analyze(text);
    const [first] = codeActionsFor(a, only(a, 'ask-exceeds-trust'));
    const after = applyOne(text, first!.edits![0]!);
    assert.ok(after.endsWith('\n[Subscribe to the newsletter](https://dockwise.example/demo?utm=cold)\n'), after);
    assert.equal(analyze(after).findings.filter((x) => x.rule === 'ask-exceeds-trust').length, 0);
  });

  test('link text inside a sentence stays lower case and the sentence around it survives', () => {
    const text = draft('type: email\ntrust: aware', 'If it helps, [book a demo](https://dockwise.example/demo) whenever suits.');
    const a = analyze(text);
    const edit = codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!;
    const after = applyOne(text, edit);
    assert.ok(after.endsWith('\nIf it helps, [subscribe to the newsletter](https://dockwise.example/demo) whenever suits.\n'), after);
  });

  test('a button with an arrow keeps the arrow', () => {
    const text = draft('type: landing-page\ntrust: 0', '[Book a demo →](https://dockwise.example/demo)');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n[See how it works →](https://dockwise.example/demo)\n'), after);
    assert.equal(analyze(after).findings.filter((x) => x.rule === 'ask-exceeds-trust').length, 0);
  });

  test('bold that closes inside the sentence is closed again, before the end punctuation', () => {
    const text = draft('type: email\ntrust: 0', '**Book a demo** today.');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n**Take a look at the two-page teardown when you have a minute**.\n'), after);
  });

  test('a whole bold sentence keeps its markers', () => {
    const text = draft('type: email\ntrust: 0', '**Could we book a demo next week?**');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n**Take a look at the two-page teardown when you have a minute.**\n'), after);
  });

  test('a list item keeps its marker and the other items', () => {
    const text = draft('type: landing-page\ntrust: 0', '- Read the teardown of the Fresno yard.\n- Book a demo with our team.\n- Setup takes an afternoon.');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n- Read the teardown of the Fresno yard.\n- See how teams like yours use it.\n- Setup takes an afternoon.\n'), after);
  });

  test('a heading gets a short label without end punctuation', () => {
    // (A heading asks by itself when nothing but the place to act stands under it.)
    const text = draft('type: landing-page\ntrust: 0', '## Book your demo\n\nhttps://cal.example/dockwise');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n## See how it works\n\nhttps://cal.example/dockwise\n'), after);
  });

  test('a P.S. keeps its marker; wrapping parentheses are kept', () => {
    const ps = draft('type: email\ntrust: 0', 'Best,\nMaya\n\nP.S. Book a demo whenever suits.');
    let a = analyze(ps);
    assert.ok(applyOne(ps, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!).endsWith('\nP.S. Take a look at the two-page teardown when you have a minute.\n'));
    const paren = draft('type: email\ntrust: 0', 'It took them a quarter. (Or book a demo if you would rather see it live.)');
    a = analyze(paren);
    assert.ok(applyOne(paren, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!).endsWith('\nIt took them a quarter. (Take a look at the two-page teardown when you have a minute.)\n'));
  });

  test('an emoji before the ask stays, and columns count UTF-16 code units', () => {
    const text = draft('type: email\ntrust: 0', '🚀 Book a demo today.');
    const a = analyze(text);
    const edit = codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!;
    assert.deepEqual(edit.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 21 } });
    assert.equal(edit.newText, '🚀 Take a look at the two-page teardown when you have a minute.');
    applyOne(text, edit);
  });

  test('in a table, only the cell holding the ask changes', () => {
    const text = draft('type: landing-page\ntrust: 0', '| Plan | Next step |\n| --- | --- |\n| Team | Read the teardown |\n| Enterprise | Book a demo with our team |');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.ok(after.endsWith('\n| Team | Read the teardown |\n| Enterprise | See how it works |\n'), after);
  });

  test('CRLF drafts keep their line breaks', () => {
    const text = COLD_EMAIL.replace(/\n/g, '\r\n');
    const a = analyze(text);
    const after = applyOne(text, codeActionsFor(a, only(a, 'ask-exceeds-trust'))[0]!.edits![0]!);
    assert.equal(after.split('\r\n').length, text.split('\r\n').length);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/);
    assert.equal(analyze(after).findings.length, 0);
  });

  test('a booking link is never reworded (its target is the ask), but the other actions stay', () => {
    const text = draft('type: email\ntrust: 0', 'Grab 15 minutes here: [my calendar](https://calendly.com/maya/15min)');
    const a = analyze(text);
    const titles = codeActionsFor(a, only(a, 'ask-exceeds-trust')).map((x) => x.title);
    assert.ok(titles.every((t) => !t.startsWith('Ask instead') && !t.startsWith('Step down')), titles.join('\n'));
    assert.ok(titles.includes('Turn off ask-exceeds-trust for this line'));
  });

  test('a stale finding (the text changed since) gets no edit', () => {
    const a = analyze(COLD_EMAIL);
    const f = only(a, 'ask-exceeds-trust');
    const changed = COLD_EMAIL.replace('Could we book', 'Could we please book');
    assert.equal(replaceAskEdit(changed, f, 'Read the teardown.'), null);
    assert.notEqual(replaceAskEdit(COLD_EMAIL, f, 'Read the teardown.'), null);
  });

  test('step down one rung: from a demo to a call, which halves nothing but the gap', () => {
    const a = analyze(COLD_EMAIL);
    const step = codeActionsFor(a, only(a, 'ask-exceeds-trust')).find((x) => x.title.startsWith('Step down'))!;
    const after = applyOne(COLD_EMAIL, step.edits![0]!);
    assert.equal(after.split('\n')[12]!.slice(0, 52), 'Open to a 20-minute call next week to compare notes?');
    const f = only(analyze(after), 'ask-exceeds-trust');
    assert.equal(f.data.ask!.class, 'meeting');
    assert.equal(f.data.gap, 3);
  });

  test('no step down when the gap is one: the alternatives already are the next rung', () => {
    const text = draft('type: email\ntrust: interested', 'Open to a 20-minute call next Tuesday?');
    const a = analyze(text);
    const titles = codeActionsFor(a, only(a, 'ask-exceeds-trust')).map((x) => x.title);
    assert.equal(titles.filter((t) => t.startsWith('Step down')).length, 0);
    assert.equal(titles[0], 'Ask instead: "Grab the one-page checklist here; it takes five minutes to …" (exchange, fits 2 INTERESTED)');
  });

  test('an under-ask can ask for more, in the link, and the hint goes', () => {
    const text = draft('type: email\ntrust: trusting', '[Read the teardown](https://dockwise.example/teardown)');
    const a = analyze(text);
    const f = only(a, 'under-ask');
    const more = codeActionsFor(a, f).filter((x) => x.title.startsWith('Ask for more'));
    assert.deepEqual(more.map((x) => x.title), ['Ask for more: "Book a demo" (evaluate, fits 4 TRUSTING)', 'Ask for more: "Start your free trial" (evaluate, fits 4 TRUSTING)']);
    const after = applyOne(text, more[0]!.edits![0]!);
    assert.ok(after.endsWith('\n[Book a demo](https://dockwise.example/teardown)\n'));
    assert.equal(analyze(after).findings.filter((x) => x.rule === 'under-ask').length, 0);
  });
});

describe('declare or change the audience trust', () => {
  test('no front matter: add it at the top, after a byte order mark, with CRLF line breaks', () => {
    const text = `\uFEFFSubject: Your dock schedule\r\n\r\nHi Tom,\r\n\r\n${VALUE}\r\n\r\nCould we book a demo next week?\r\n`;
    const a = new Analyzer().analyze(text, { force: true });
    const f = only(a, 'trust-undeclared');
    const preferred = codeActionsFor(a, f).find((x) => x.isPreferred)!;
    assert.equal(preferred.title, 'Declare the audience: trust: 2 (2 INTERESTED, the level assumed now)');
    const after = applyEdits(text, preferred.edits!);
    assert.equal(after, `\uFEFF---\r\ntrust: 2\r\n---\r\nSubject: Your dock schedule\r\n\r\nHi Tom,\r\n\r\n${VALUE}\r\n\r\nCould we book a demo next week?\r\n`);
    applyOne(text, preferred.edits![0]!);
    assert.equal(new Analyzer().analyze(after).findings.filter((x) => x.rule === 'trust-undeclared').length, 0);
  });

  test('front matter without trust: a new line after type:, comments and other keys untouched', () => {
    const text = '---\n# campaign: reno-launch\ntype: email   # cold outreach\nsubject: "Re: your dock schedule"\n---\n\nHi Tom,\n';
    const edit = setTrustEdit(text, 0)!;
    assert.equal(applyOne(text, edit), '---\n# campaign: reno-launch\ntype: email   # cold outreach\ntrust: 0\nsubject: "Re: your dock schedule"\n---\n\nHi Tom,\n');
  });

  test('front matter without type or trust: before the closing fence', () => {
    const text = '---\nsubject: Hello\nowner: maya\n---\nHi Tom,\n';
    assert.equal(applyOne(text, setTrustEdit(text, 3)!), '---\nsubject: Hello\nowner: maya\ntrust: 3\n---\nHi Tom,\n');
  });

  test('an existing value changes in place, keeping its style and its comment', () => {
    const numeric = '---\ntype: email\ntrust: 2  # downloaded the checklist\n---\n';
    assert.equal(applyOne(numeric, setTrustEdit(numeric, 3)!), '---\ntype: email\ntrust: 3  # downloaded the checklist\n---\n');
    const a = analyze(COLD_EMAIL);
    const already = codeActionsFor(a, only(a, 'ask-exceeds-trust')).find((x) => x.title.startsWith('The audience is already'))!;
    const after = applyOne(COLD_EMAIL, already.edits![0]!);
    assert.equal(after.split('\n')[2], 'trust: trusting   # bought list: they have never heard of Dockwise');
    assert.equal(analyze(after).findings.length, 0);
  });

  test('an empty trust: gets its value before the comment', () => {
    const text = '---\ntype: email\ntrust:   # fill in before sending\n---\n';
    const after = applyOne(text, setTrustEdit(text, 2)!);
    assert.equal(after, '---\ntype: email\ntrust: 2 # fill in before sending\n---\n');
    assert.equal(analyze(after).profile!.trust.value.level, 2);
  });

  test('broken or unclosed front matter, or a level out of range: no edit', () => {
    assert.equal(setTrustEdit('---\ntype: [email\ntrust: 2\n---\n', 3), null);
    assert.equal(setTrustEdit('---\ntype: email\ntrust: 1\ntrust: 2\n---\n', 3), null);
    assert.equal(setTrustEdit('---\ntype: email\nsubject: Hello\n\nHi Tom,\n', 3), null);
    assert.equal(setTrustEdit('---\ntype: email\n---\n', 7), null);
    assert.equal(setTrustEdit('---\ntype: email\n---\n', 1.5), null);
  });
});

function lists(markdown: string): number[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const out: number[] = [];
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'list') out.push((n.children ?? []).length);
    for (const c of (n.children ?? []) as { type: string; children?: unknown[] }[]) visit(c);
  };
  visit(tree);
  return out;
}

function paragraphs(markdown: string): number {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return tree.children.filter((c) => c.type === 'paragraph').length;
}

describe('turn a check off with a comment', () => {
  /** Apply a suppression, check the finding is gone, nothing else changed, and no comment is reported as unknown. */
  function suppress(text: string, rule: string, edits: TextEdit[]): string {
    const before = analyze(text);
    const after = applyEdits(text, edits);
    const b = analyze(after);
    assert.equal(b.findings.filter((x) => x.rule === rule).length, before.findings.filter((x) => x.rule === rule).length - 1, `${rule} still reported`);
    assert.deepEqual(
      b.findings.filter((x) => x.rule !== rule).map((x) => x.message),
      before.findings.filter((x) => x.rule !== rule).map((x) => x.message),
    );
    // The edits only insert: taking the inserted text out again gives back the original, byte for byte.
    const original = new LineIndex(text);
    const inserts = edits.map((e) => ({ at: original.offsetAt(e.range.start), len: e.newText.length })).sort((x, y) => x.at - y.at);
    let back = after;
    for (let i = inserts.length - 1; i >= 0; i--) {
      const shifted = inserts[i]!.at + inserts.slice(0, i).reduce((n, x) => n + x.len, 0);
      back = back.slice(0, shifted) + back.slice(shifted + inserts[i]!.len);
    }
    assert.equal(back, text);
    return after;
  }

  test('a paragraph: the comment goes on its own line above', () => {
    const a = analyze(COLD_EMAIL);
    const s = disableLineEdit(COLD_EMAIL, only(a, 'ask-exceeds-trust'))!;
    assert.equal(s.scope, 'line');
    assert.deepEqual(s.edits, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, newText: '<!-- trustline-disable-next-line ask-exceeds-trust -->\n' }]);
    suppress(COLD_EMAIL, 'ask-exceeds-trust', s.edits);
  });

  test('the second item of a list: indented into the list so it stays one list', () => {
    const text = draft('type: landing-page\ntrust: 0', '- Read the teardown of the Fresno yard.\n- Book a demo with our team.');
    const a = analyze(text);
    const s = disableLineEdit(text, only(a, 'ask-exceeds-trust'))!;
    assert.equal(s.edits[0]!.newText, '  <!-- trustline-disable-next-line ask-exceeds-trust -->\n');
    const after = suppress(text, 'ask-exceeds-trust', s.edits);
    assert.deepEqual(lists(after), lists(text));
  });

  test('a nested item, and the first item after a paragraph', () => {
    const nested = draft('type: landing-page\ntrust: 0', '- Plans\n  - Read the teardown.\n  - Book a demo with our team.');
    let a = analyze(nested);
    let s = disableLineEdit(nested, only(a, 'ask-exceeds-trust'))!;
    assert.equal(s.edits[0]!.newText, '    <!-- trustline-disable-next-line ask-exceeds-trust -->\n');
    assert.deepEqual(lists(suppress(nested, 'ask-exceeds-trust', s.edits)), lists(nested));
    const first = draft('type: landing-page\ntrust: 0', 'Two ways in:\n\n- Book a demo with our team.\n- Read the teardown.');
    a = analyze(first);
    s = disableLineEdit(first, only(a, 'ask-exceeds-trust'))!;
    assert.equal(s.edits[0]!.newText, '<!-- trustline-disable-next-line ask-exceeds-trust -->\n');
    assert.deepEqual(lists(suppress(first, 'ask-exceeds-trust', s.edits)), lists(first));
  });

  test('a line that continues a paragraph: disable/enable around it, so the paragraph is not split', () => {
    const text = draft('type: email\ntrust: 0', 'It took them a quarter to fix.\nCould we book a demo next week?');
    const a = analyze(text);
    const s = disableLineEdit(text, only(a, 'ask-exceeds-trust'))!;
    assert.equal(s.scope, 'block');
    assert.deepEqual(
      s.edits.map((e) => e.newText),
      ['<!-- trustline-disable ask-exceeds-trust -->\n', '\n<!-- trustline-enable ask-exceeds-trust -->'],
    );
    const after = suppress(text, 'ask-exceeds-trust', s.edits);
    assert.equal(paragraphs(after), paragraphs(text));
  });

  test('a table row: disable/enable around the table', () => {
    const text = draft('type: landing-page\ntrust: 0', '| Plan | Next step |\n| --- | --- |\n| Enterprise | Book a demo with our team |');
    const a = analyze(text);
    const s = disableLineEdit(text, only(a, 'ask-exceeds-trust'))!;
    const after = suppress(text, 'ask-exceeds-trust', s.edits);
    assert.ok(after.endsWith('<!-- trustline-disable ask-exceeds-trust -->\n| Plan | Next step |\n| --- | --- |\n| Enterprise | Book a demo with our team |\n<!-- trustline-enable ask-exceeds-trust -->\n'), after);
  });

  test('findings in the front matter: the file, never the line; front-matter problems: neither', () => {
    const text = draft('type: email\nchannel: email\ntrust: 0', 'Read the teardown of the Fresno yard.');
    const a = analyze(text);
    const ch = only(a, 'channel-trust-mismatch');
    assert.equal(disableLineEdit(text, ch), null);
    const file = disableFileEdit(text, ch.rule)!;
    assert.deepEqual(file, { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '<!-- trustline-disable-file channel-trust-mismatch -->\n' });
    suppress(text, 'channel-trust-mismatch', [file]);
    const bad = draft('type: email\ntrust: banana', 'Read the teardown of the Fresno yard.');
    const fmi = only(analyze(bad), 'front-matter-invalid');
    assert.equal(disableLineEdit(bad, fmi), null);
    assert.equal(disableFileEdit(bad, fmi.rule), null);
    assert.deepEqual(codeActionsFor(analyze(bad), fmi).map((x) => x.title), []);
  });

  test('for the file: after the front matter, at the top without one, and after a last-line fence', () => {
    const a = analyze(COLD_EMAIL);
    const edit = disableFileEdit(COLD_EMAIL, 'ask-exceeds-trust')!;
    const after = suppress(COLD_EMAIL, 'ask-exceeds-trust', [edit]);
    assert.equal(after.split('\n').slice(4, 7).join('\n'), '---\n<!-- trustline-disable-file ask-exceeds-trust -->\n');
    void a;
    assert.deepEqual(disableFileEdit('Hi Tom,\r\n', 'missing-ask'), { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- trustline-disable-file missing-ask -->\r\n' });
    const fenceLast = '---\ntype: email\n---';
    assert.equal(applyEdits(fenceLast, [disableFileEdit(fenceLast, 'missing-ask')!]), '---\ntype: email\n---\n<!-- trustline-disable-file missing-ask -->\n');
    assert.equal(disableFileEdit(COLD_EMAIL, 'no-such-check'), null);
  });
});

describe('fix all', () => {
  test('two different oversized asks get two different rewrites; both warnings go', () => {
    const text = draft('type: email\ntrust: 0', 'Could we book a demo next week?\n\nBest,\nMaya\n\nP.S. Grab 15 minutes on my calendar if that is easier.');
    const a = analyze(text);
    assert.equal(a.findings.filter((x) => x.rule === 'ask-exceeds-trust').length, 2);
    const edits = fixAllEdits(a);
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['Take a look at the two-page teardown when you have a minute.', "P.S. If it's useful, skim the short case study: it's a 3-minute read."],
    );
    const after = applyEdits(text, edits);
    assert.equal(analyze(after).findings.filter((x) => x.rule === 'ask-exceeds-trust').length, 0);
    assert.equal(fixAllAction(a)!.title, "Rewrite 2 asks to fit the audience's trust");
    assert.equal(fixAllAction(a)!.kind, 'source.fixAll.trustline');
  });

  test('a repeated button gets the same words each time', () => {
    const text = draft('type: landing-page\ntrust: 0', '# Dock scheduling carriers use\n\n[Start your free trial](https://d.example/trial)\n\nSetup takes an afternoon.\n\n[Start your free trial](https://d.example/trial)');
    const a = analyze(text);
    const edits = fixAllEdits(a);
    assert.deepEqual(edits.map((e) => e.newText), ['See how it works', 'See how it works']);
    const after = applyEdits(text, edits);
    assert.equal((after.match(/\[See how it works\]\(https:\/\/d\.example\/trial\)/g) ?? []).length, 2);
    assert.equal(analyze(after).findings.filter((x) => x.rule === 'ask-exceeds-trust').length, 0);
  });

  test('only ask-exceeds-trust is fixed; booking links are left alone; nothing to fix gives null', () => {
    const text = draft('type: email\ntrust: 0', 'Grab 15 minutes here: [my calendar](https://calendly.com/maya/15min)\n\nLAST CHANCE to see it!!!');
    const a = analyze(text);
    assert.ok(a.findings.some((x) => x.rule === 'pressure-before-trust'));
    assert.deepEqual(fixAllEdits(a), []);
    assert.equal(fixAllAction(a), null);
  });
});

describe('applyEdits', () => {
  test('applies against the original text, keeps a byte order mark, and refuses overlaps', () => {
    const text = '\uFEFFab\ncd\n';
    const at = (line: number, character: number) => ({ line, character });
    assert.equal(
      applyEdits(text, [
        { range: { start: at(1, 0), end: at(1, 2) }, newText: 'XY' },
        { range: { start: at(0, 0), end: at(0, 0) }, newText: '1' },
        { range: { start: at(0, 0), end: at(0, 0) }, newText: '2' },
      ]),
      '\uFEFF12ab\nXY\n',
    );
    assert.throws(() =>
      applyEdits(text, [
        { range: { start: at(0, 0), end: at(0, 2) }, newText: '' },
        { range: { start: at(0, 1), end: at(1, 1) }, newText: '' },
      ]),
    );
  });
});
