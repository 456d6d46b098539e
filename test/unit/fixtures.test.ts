// The fixture harness: every draft under test/fixtures/ carries, in HTML comments at its end,
// the exact findings it must produce (see test/fixtures/README.md for the syntax). One test
// per fixture asserts the exact multiset of findings (check id + 1-based line, and severity
// when given), so an extra finding fails as surely as a missing one. Then the harness asserts
// its own coverage: enough fixtures, and every check firing somewhere and staying silent on a
// named near-miss.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Analyzer, type Analysis } from '../../core/src/analyze';
import { CHECK_IDS } from '../../core/src/checks/index';
import type { Profile } from '../../core/src/types';
import { ROOT, fixtureFiles } from '../support/root';

const MIN_FIXTURES = 45;
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const ASK_CLASSES = new Set(['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate']);

interface ExpectedFinding {
  rule: string;
  line: number;
  severity?: string;
}

interface Fixture {
  /** Path relative to the repository root, with forward slashes (what the analysis sees). */
  rel: string;
  name: string;
  text: string;
  /** The text with the expectation comments cut off: what a writer's draft would be. */
  draft: string;
  /** Offset where the expectation comments start. */
  expectStart: number;
  findings: ExpectedFinding[];
  asks?: { line: number; class: string }[];
  profile?: Record<string, { value: string; source?: string }>;
  skip?: string;
  todo?: string;
}

/** `<!-- expect...: ... -->` comments; only these are expectation comments. */
const EXPECT_COMMENT = /<!--[ \t]*(expect(?:-[a-z]+)?)[ \t]*:([^]*?)-->/g;

function parseFixture(file: string): Fixture {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const text = fs.readFileSync(file, 'utf8');
  const fx: Fixture = { rel, name: path.basename(file), text, draft: text, expectStart: text.length, findings: [] };
  let first = -1;
  let last = -1;
  let sawExpect = false;
  EXPECT_COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXPECT_COMMENT.exec(text))) {
    if (first === -1) first = m.index;
    // Only whitespace may sit between expectation comments.
    if (last !== -1) assert.match(text.slice(last, m.index), /^\s*$/, `${rel}: expectation comments must be together at the end of the file`);
    last = m.index + m[0].length;
    const kind = m[1]!;
    const body = m[2]!.trim();
    switch (kind) {
      case 'expect': {
        sawExpect = true;
        if (body === 'none') break;
        for (const entry of body.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
          const parts = entry.split(':').map((s) => s.trim());
          assert.ok(parts.length === 2 || parts.length === 3, `${rel}: bad expectation "${entry}" (id:line[:severity])`);
          const [rule, line, severity] = parts as [string, string, string | undefined];
          assert.ok(CHECK_IDS.includes(rule), `${rel}: unknown check id "${rule}" in an expectation`);
          assert.match(line, /^\d+$/, `${rel}: bad line in "${entry}"`);
          if (severity !== undefined) assert.ok(SEVERITIES.has(severity), `${rel}: bad severity in "${entry}"`);
          const f: ExpectedFinding = { rule, line: Number(line) };
          if (severity !== undefined) f.severity = severity;
          fx.findings.push(f);
        }
        break;
      }
      case 'expect-ask': {
        fx.asks ??= [];
        if (body === 'none') break;
        for (const entry of body.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
          const mm = /^(\d+)\s*:\s*([a-z]+)$/.exec(entry);
          assert.ok(mm && ASK_CLASSES.has(mm[2]!), `${rel}: bad ask expectation "${entry}" (line:class)`);
          fx.asks.push({ line: Number(mm[1]), class: mm[2]! });
        }
        break;
      }
      case 'expect-profile': {
        fx.profile ??= {};
        for (const entry of body.split(/\s+/).filter(Boolean)) {
          const mm = /^(type|channel|trust)=([a-z0-9+-]+)(?:\((declared|inferred|assumed|default|unknown)\))?$/.exec(entry);
          assert.ok(mm, `${rel}: bad profile expectation "${entry}" (type=email(inferred))`);
          fx.profile[mm[1]!] = mm[3] ? { value: mm[2]!, source: mm[3] } : { value: mm[2]! };
        }
        break;
      }
      case 'expect-skip':
        assert.ok(['out-of-scope', 'too-large'].includes(body), `${rel}: bad expect-skip "${body}"`);
        fx.skip = body;
        break;
      case 'expect-todo':
        assert.ok(body.length > 0, `${rel}: expect-todo needs a reason`);
        fx.todo = body;
        break;
      default:
        assert.fail(`${rel}: unknown expectation comment "${kind}"`);
    }
  }
  assert.ok(sawExpect, `${rel}: no <!-- expect: ... --> comment (use <!-- expect: none --> for a clean draft)`);
  assert.match(text.slice(last), /^\s*$/, `${rel}: expectation comments must be the last thing in the file`);
  fx.expectStart = first;
  // The draft without its expectations: cut at the start of the line holding the first comment.
  const lineStart = Math.max(text.lastIndexOf('\n', first - 1) + 1, 0);
  fx.draft = text.slice(0, text.slice(lineStart, first).trim() === '' ? lineStart : first);
  return fx;
}

function analyse(text: string, rel: string): Analysis {
  // force: false, so each fixture's scope is decided as it would be in a workspace.
  return new Analyzer().analyze(text, { path: rel, force: false });
}

function key(f: { rule: string; line: number; severity?: string }, withSeverity: boolean): string {
  return withSeverity && f.severity ? `${f.rule}:${f.line}:${f.severity}` : `${f.rule}:${f.line}`;
}

/** What the analysis found, in the expectation syntax, for readable failure messages. */
function actual(a: Analysis): ExpectedFinding[] {
  return a.findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, severity: f.severity }));
}

function compareFindings(fx: Fixture, a: Analysis): void {
  const got = actual(a);
  // Match expectations that name a severity first, then the rest by id and line only.
  const remaining = [...got];
  const missing: string[] = [];
  const ordered = [...fx.findings].sort((x, y) => Number(!!y.severity) - Number(!!x.severity));
  for (const e of ordered) {
    const i = remaining.findIndex((g) => g.rule === e.rule && g.line === e.line && (!e.severity || g.severity === e.severity));
    if (i === -1) missing.push(key(e, true));
    else remaining.splice(i, 1);
  }
  const extra = remaining.map((g) => key(g, true));
  if (missing.length || extra.length) {
    const detail = a.findings.map((f) => `  ${f.rule}:${f.range.start.line + 1}:${f.severity}  ${f.message}`).join('\n');
    assert.fail(
      `${fx.rel}: findings differ\n  missing: ${missing.join(', ') || '-'}\n  extra:   ${extra.join(', ') || '-'}\n` +
        `  actual:  <!-- expect: ${got.map((g) => key(g, true)).join(', ') || 'none'} -->\n${detail}`,
    );
  }
}

function compareAsks(fx: Fixture, a: Analysis): void {
  if (!fx.asks) return;
  const got = a.asks.map((k) => `${k.range.start.line + 1}:${k.class}`).sort();
  const want = fx.asks.map((k) => `${k.line}:${k.class}`).sort();
  const detail = a.asks.map((k) => `  ${k.range.start.line + 1}:${k.class}  "${k.text}" (${k.via})`).join('\n');
  assert.deepEqual(got, want, `${fx.rel}: asks differ\n  actual: <!-- expect-ask: ${got.join(', ') || 'none'} -->\n${detail}`);
}

function compareProfile(fx: Fixture, a: Analysis): void {
  if (!fx.profile) return;
  const profile = a.profile;
  assert.ok(profile, `${fx.rel}: no profile (skipped: ${a.skipped})`);
  for (const [field, want] of Object.entries(fx.profile)) {
    const got: Profile[keyof Profile] = profile[field as keyof Profile];
    const value: string = field === 'trust' ? String((got.value as { level: number }).level) : String(got.value);
    const wantValue = field === 'trust' && want.value === '5+' ? '6' : want.value;
    assert.equal(value, wantValue, `${fx.rel}: profile ${field} is ${value} (${got.source}: ${got.detail})`);
    if (want.source) assert.equal(got.source, want.source, `${fx.rel}: profile ${field} source is ${got.source} (${got.detail})`);
  }
}

/**
 * Ranges are exact, in UTF-16 code units, across emoji, math-bold letters, tabs and CRLF: an ask
 * finding underlines exactly the ask's text, and every ask's range covers its text.
 */
function assertExactRanges(fx: Fixture, a: Analysis): void {
  const text = fx.text.charCodeAt(0) === 0xfeff ? fx.text.slice(1) : fx.text;
  const lines = text.split(/\r\n|\n|\r/);
  const slice = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): string => {
    if (r.start.line === r.end.line) return lines[r.start.line]!.slice(r.start.character, r.end.character);
    const parts = [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)];
    return parts.join('\n');
  };
  const flat = (s: string) => s.replace(/\r\n|\r/g, '\n');
  for (const k of a.asks) assert.equal(slice(k.range), flat(k.text), `${fx.rel}: the range of ask "${k.text}" covers "${slice(k.range)}"`);
  for (const f of a.findings) {
    if (f.data.ask) {
      assert.equal(slice(f.range), flat(f.data.ask.text), `${fx.rel}: ${f.rule} underlines "${slice(f.range)}", not the ask`);
    }
    // A finding about an ask names it by its index, and that ask is the one it underlines.
    assert.equal(f.askIndex !== undefined, f.data.ask !== undefined, `${fx.rel}: ${f.rule} has data.ask but no askIndex, or the reverse`);
    if (f.askIndex !== undefined) assert.deepEqual(a.asks[f.askIndex]?.range, f.range, `${fx.rel}: ${f.rule}'s askIndex ${f.askIndex} is not the ask it underlines`);
  }
  // The analysis carries the text it read, without the byte order mark.
  assert.equal(a.doc.text, text, `${fx.rel}: analysis.doc.text is not the text without its byte order mark`);
}

const fixtures = fixtureFiles().map(parseFixture);

describe('fixtures', () => {
  for (const fx of fixtures) {
    const options = fx.todo ? { todo: fx.todo } : {};
    test(fx.rel, options, (t) => {
      const a = analyse(fx.text, fx.rel);
      if (fx.skip) assert.equal(a.skipped, fx.skip, `${fx.rel}: expected the analysis to be skipped (${fx.skip}), got ${a.skipped ?? 'analysed'}`);
      else assert.equal(a.analysed, true, `${fx.rel}: not analysed (${a.skipped}); a fixture opts in by front matter or a drafts/ folder`);
      compareFindings(fx, a);
      compareAsks(fx, a);
      compareProfile(fx, a);
      assert.deepEqual(a.internalErrors ?? [], [], `${fx.rel}: internal errors`);
      assertExactRanges(fx, a);
      // A known gap that has been fixed: say so, so the marker gets removed and the fixture counts again.
      if (fx.todo) t.diagnostic(`${fx.rel} passes now: remove its expect-todo comment`);
    });
  }
});

describe('expectation comments do not change the analysis', () => {
  for (const fx of fixtures) {
    test(fx.rel, () => {
      const withComments = analyse(fx.text, fx.rel);
      const without = analyse(fx.draft, fx.rel);
      // Nothing may be found in, or pointed at, the expectation comments themselves.
      const draftLines = fx.draft.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(fx.draft) ? 1 : 0);
      for (const f of withComments.findings) {
        assert.ok(f.range.start.line < draftLines, `${fx.rel}: ${f.rule} points into the expectation comments (line ${f.range.start.line + 1})`);
      }
      assert.deepEqual(strip(withComments), strip(without), `${fx.rel}: the expectation comments changed the analysis`);
    });
  }
});

/** An analysis without the fields that legitimately differ (block counts) or hold the whole text. */
function strip(a: Analysis): unknown {
  return { analysed: a.analysed, skipped: a.skipped, profile: a.profile, asks: a.asks, findings: a.findings, suppressed: a.suppressed };
}

describe('fixture coverage', () => {
  test(`at least ${MIN_FIXTURES} fixtures`, () => {
    assert.ok(fixtures.length >= MIN_FIXTURES, `only ${fixtures.length} fixtures`);
  });

  const verified = fixtures.filter((f) => !f.todo);
  for (const id of CHECK_IDS) {
    test(`${id} fires on a fixture and stays silent on a named near-miss`, () => {
      const fires = verified.filter((f) => f.findings.some((e) => e.rule === id));
      assert.ok(fires.length > 0, `no fixture expects ${id}`);
      const nearMisses = verified.filter((f) => f.name.startsWith(`near-miss-${id}-`) || f.name === `near-miss-${id}.md`);
      assert.ok(nearMisses.length > 0, `no fixture named near-miss-${id}-*.md`);
      for (const f of nearMisses) assert.ok(!f.findings.some((e) => e.rule === id), `${f.rel} is a near-miss for ${id} but expects it`);
    });
  }

  test('fixture names are unique, so failures are easy to find', () => {
    const names = fixtures.map((f) => f.name).filter((n) => n !== 'README.md');
    assert.equal(new Set(names).size, names.length);
  });

  test('every fixture expectation names a line inside the draft', () => {
    for (const fx of fixtures) {
      const lines = fx.draft.split(/\r\n|\n|\r/).length;
      for (const e of fx.findings) assert.ok(e.line >= 1 && e.line <= lines, `${fx.rel}: ${e.rule}:${e.line} is past the end of the draft (${lines} lines)`);
    }
  });
});
