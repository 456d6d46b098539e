// Golden output for each format on test/cli/fixtures/basic (UPDATE_GOLDEN=1 rewrites the files after
// a deliberate change), the SARIF validated against the official 2.1.0 schema, the JSON against
// schemas/trustline-report.schema.json, and the details each format must get right.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CHECKS } from '../../core/src/index';
import { ROOT, cli, fixture, golden, normalizeVersion, normalizeVia } from './helpers';

const basic = fixture('basic');

function sarifValidator() {
  // The official schema is draft-04 and uses a pattern that is not valid with the `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'cli', 'sarif-schema-2.1.0.json'), 'utf8')));
}

function reportValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'trustline-report.schema.json'), 'utf8')));
}

/** SARIF output with its `rules` array (the first, in the driver) replaced by a placeholder. */
function withoutRules(sarif: string): string {
  const start = sarif.indexOf('"rules":[');
  const end = sarif.indexOf(']}},"columnKind"', start);
  assert.ok(start >= 0 && end > start, 'the driver lists its rules');
  return `${sarif.slice(0, start)}"rules":"<the check registry>"${sarif.slice(end + 1)}`;
}

describe('golden output', () => {
  test('stylish', () => {
    const r = cli(['lint', '--no-color'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    golden('basic.stylish.txt', r.stdout);
  });
  test('json', () => {
    const r = cli(['lint', '.', '--format', 'json'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    golden('basic.json', normalizeVia(normalizeVersion(r.stdout)));
  });
  test('sarif', () => {
    const r = cli(['lint', '.', '--format', 'sarif'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    // The rules are the check registry's (the sarif tests below hold them to it), so adding a
    // check does not rewrite this file; the golden file keeps everything else.
    golden('basic.sarif', normalizeVersion(withoutRules(r.stdout)));
  });
  test('github', () => {
    const r = cli(['lint', '.', '--format', 'github'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    golden('basic.github.txt', r.stdout);
  });
  test('explain', () => {
    const r = cli(['explain', 'posts/launch.md', '--no-color'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    golden('explain.launch.txt', normalizeVia(r.stdout));
  });
  test('explain lists what the trained reader took back, and the json carries it as takenBack', () => {
    const page = '---\ntype: landing-page\n---\n\n# Plans\n\n## Team\n\n- Unlimited boards\n- Share tasks with friends and co-workers\n- Priority support\n\n[Start free trial](https://x.example/trial)\n';
    const r = cli(['explain', '-', '--no-color'], { input: page });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nAsks \(1\)\n {2}13:2 {2}"Start free trial"\n/);
    assert.match(r.stdout, /\nTaken back \(1\)\n {2}10:3 {2}"Share tasks with friends and co-workers"\n {6}class {3}as the rules read it, advocate \([^)]*\), needs trust 5\+\n {6}why {5}read as an imperative; [^\n]*; taken back by the trained reader \(\d+% an ask: [^\n]*\)\n\nFindings/);
    const json = JSON.parse(cli(['explain', '-', '--format', 'json'], { input: page }).stdout);
    assert.deepEqual(json.takenBack.map((x: { text: string; line: number; column: number }) => [x.text, x.line, x.column]), [['Share tasks with friends and co-workers', 10, 3]]);
    // A draft with nothing taken back has no takenBack field.
    assert.equal(JSON.parse(cli(['explain', 'posts/launch.md', '--format', 'json'], { cwd: basic }).stdout).takenBack, undefined);
  });
  test('errors, with their stylish summary', () => {
    const r = cli(['lint', '--no-color'], { cwd: fixture('errors') });
    assert.equal(r.code, 1);
    golden('errors.stylish.txt', r.stdout);
  });
});

describe('sarif', () => {
  const validate = sarifValidator();

  test('is valid SARIF 2.1.0 (the official schema), with rules, help links and exact regions', () => {
    const r = cli(['lint', '.', '--format', 'sarif'], { cwd: basic });
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log as object), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    // One rule per check, in the registry's order, described as the registry describes it.
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: { tags: string[] } }) => [x.id, x.shortDescription.text, x.fullDescription.text, x.defaultConfiguration.level, x.properties.tags]),
      CHECKS.map((c) => [c.id, c.description, `${c.description} Default severity: ${c.severityNote ?? c.defaultSeverity}.`, level[c.defaultSeverity], c.tags]),
    );
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
    // Each result's ruleIndex points at its rule, and its region is where the JSON says.
    const json = JSON.parse(cli(['lint', '.', '--format', 'json'], { cwd: basic }).stdout);
    const findings = json.files.flatMap((f: { path: string; findings: { rule: string; line: number; column: number; endLine: number; endColumn: number }[] }) => f.findings.map((x) => ({ ...x, path: f.path })));
    assert.equal(run.results.length, findings.length);
    run.results.forEach((res: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }, i: number) => {
      const f = findings[i];
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.equal(res.ruleId, f.rule);
      // The fixtures sit below the git root: SARIF paths are relative to it, as code scanning wants.
      assert.equal(res.locations[0]!.physicalLocation.artifactLocation.uri, `test/cli/fixtures/basic/${f.path}`);
      assert.deepEqual(res.locations[0]!.physicalLocation.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
  });

  test('unreadable inputs become tool notifications and the log stays valid', () => {
    const r = cli(['lint', 'emails', 'missing.md', '--format', 'sarif'], { cwd: basic });
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log as object), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /missing\.md: no such file/);
  });

  test('the validator does reject an invalid log', () => {
    const log = JSON.parse(cli(['lint', '.', '--format', 'sarif'], { cwd: basic }).stdout);
    log.runs[0].results[0].level = 'loud';
    assert.equal(validate(log as object), false);
  });
});

describe('json', () => {
  const validate = reportValidator();

  test('a report with asks taken back matches the schema too', () => {
    const page = '---\ntype: landing-page\n---\n\n- Unlimited boards\n- Share tasks with friends and co-workers\n- Priority support\n\n[Start free trial](https://x.example/trial)\n';
    const report = JSON.parse(cli(['lint', '-', '--format', 'json'], { input: page }).stdout);
    assert.ok(validate(report as object), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.files[0].takenBack.length, 1);
  });

  test('matches schemas/trustline-report.schema.json, with 1-based line/column and 0-based ranges', () => {
    const r = cli(['lint', '.', '--format', 'json'], { cwd: basic });
    const report = JSON.parse(r.stdout);
    assert.ok(validate(report as object), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.version, 1);
    assert.deepEqual(report.summary, { files: 3, errors: 0, warnings: 4, information: 0, hints: 1, skipped: 1, unreadable: 0, omittedFindings: 0 });
    for (const f of report.files) {
      for (const x of [...f.asks, ...f.findings]) {
        assert.equal(x.line, x.range.start.line + 1);
        assert.equal(x.column, x.range.start.character + 1);
      }
    }
  });

  test('ranges are UTF-16 code units across emoji and CRLF line ends', () => {
    const r = cli(['lint', 'posts/launch.md', '--format', 'json'], { cwd: basic });
    const file = JSON.parse(r.stdout).files[0];
    const text = readFileSync(path.join(basic, 'posts', 'launch.md'), 'utf8');
    const lines = text.split('\r\n');
    const trial = file.asks.find((a: { class: string }) => a.class === 'evaluate');
    const { start, end } = trial.range;
    assert.equal(lines[start.line]!.slice(start.character, end.character), 'Start your free trial');
    assert.equal(start.line, end.line);
  });

  test('an out-of-scope file has no entry; named explicitly, it is linted', () => {
    const dir = JSON.parse(cli(['lint', '.', '--format', 'json'], { cwd: basic }).stdout);
    assert.ok(!dir.files.some((f: { path: string }) => f.path === 'README.md'));
    const named = JSON.parse(cli(['lint', 'README.md', '--format', 'json'], { cwd: basic }).stdout);
    assert.equal(named.files[0].path, 'README.md');
    assert.ok(named.files[0].findings.length > 0, 'the README asks for a demo and pressures');
    assert.ok(validate(named as object));
  });
});

describe('github', () => {
  test('annotations use the workflow command syntax, with escaping', () => {
    const r = cli(['lint', '-', '--format', 'github', '--stdin-filename', 'emails/a,b:c.md'], {
      cwd: basic,
      input: '---\ntype: email\ntrust: 0\n---\nHi Tom,\n\nWe cut wait times by 60% at Cold Ridge.\n\nCould we book a 30-minute demo next week?\n',
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('::warning'));
    assert.ok(line, r.stdout);
    assert.match(line!, /^::warning file=emails\/a%2Cb%3Ac\.md,line=9,col=10,endLine=9,endColumn=31,title=Trustline ask-exceeds-trust::"book a 30-minute demo"/);
  });
});

describe('stylish', () => {
  test('colours only when asked (or on a terminal), never with NO_COLOR', () => {
    const plain = cli(['lint'], { cwd: basic });
    assert.ok(!plain.stdout.includes('\u001b['), 'a pipe gets no colour');
    const forced = cli(['lint', '--color'], { cwd: basic });
    assert.ok(forced.stdout.includes('\u001b[33mwarning'), forced.stdout);
    assert.ok(cli(['lint'], { cwd: basic, env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b['), 'FORCE_COLOR forces colour');
    assert.ok(cli(['lint', '--color'], { cwd: basic, env: { NO_COLOR: '1' } }).stdout.includes('\u001b['), 'the --color flag beats NO_COLOR');
    assert.ok(!cli(['lint'], { cwd: basic, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout.includes('\u001b['), 'NO_COLOR beats FORCE_COLOR');
    const noColor = cli(['lint', '--color', '--no-color'], { cwd: basic });
    assert.ok(!noColor.stdout.includes('\u001b['));
  });

  test('--quiet reports errors only', () => {
    const r = cli(['lint', '--quiet', '--no-color'], { cwd: fixture('errors') });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /front-matter-invalid/);
    assert.doesNotMatch(r.stdout, /missing-ask/);
    const clean = cli(['lint', '--quiet'], { cwd: basic });
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /no errors/);
  });
});
