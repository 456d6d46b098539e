// The project config file: every mistake is a problem with an exact range, the valid
// parts still apply, merging follows the documented precedence, and the JSON schema
// agrees with the parser's lists (check ids, severities, classes, channels).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {
  ASK_CLASSES,
  CHANNELS,
  CHECK_IDS,
  DEFAULT_SETTINGS,
  SEVERITY_SETTINGS,
  Analyzer,
  configToSettings,
  findConfigFile,
  mergeSettings,
  parseConfigText,
  type ConfigProblem,
} from '../../core/src/index';

const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'trustline-config.schema.json'), 'utf8'));

/** The text each problem points at, with its message: what a writer would see underlined. */
function underlined(text: string, problems: ConfigProblem[]): [string, string][] {
  return problems.map((p) => [text.slice(p.start, p.end), p.message]);
}

describe('parseConfigText', () => {
  test('a valid YAML config', () => {
    const text = [
      'checks:',
      '  ask-exceeds-trust: error',
      '  under-ask: off',
      'defaultTrust: aware',
      'drafts: ["**/outbound/**", "*.seq.md"]',
      'lintAll: false',
      'asks:',
      '  - phrase: grab a slot',
      '    class: meeting',
      'pressure: ["offer ends Friday"]',
      'channels:',
      '  email: [1, 4]',
      'maxFileSize: 5000',
      '',
    ].join('\n');
    const { config, problems } = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      checks: { 'ask-exceeds-trust': 'error', 'under-ask': 'off' },
      defaultTrust: 1,
      drafts: ['**/outbound/**', '*.seq.md'],
      lintAll: false,
      asks: [{ phrase: 'grab a slot', class: 'meeting' }],
      pressure: ['offer ends Friday'],
      channels: { email: [1, 4] },
      maxFileSize: 5000,
    });
  });

  test('a valid JSON config, with $schema', () => {
    const text = '{\n  "$schema": "./schemas/trustline-config.schema.json",\n  "checks": {"competing-asks": "hint"},\n  "defaultTrust": "5+",\n  "lintAll": true\n}\n';
    const { config, problems } = parseConfigText(text, '.trustline.json');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { checks: { 'competing-asks': 'hint' }, defaultTrust: 6, lintAll: true });
  });

  test('empty and comment-only files are an empty config', () => {
    for (const text of ['', '\n\n', '# nothing yet\n']) assert.deepEqual(parseConfigText(text, '.trustline.yml'), { config: {}, problems: [] });
  });

  test('every mistake is underlined exactly, and the valid parts still apply', () => {
    const text = [
      'chekcs:', // unknown key, did you mean
      '  under-ask: off',
      'checks:',
      '  ask-exceed-trust: error', // unknown check id
      '  competing-asks: loud', // bad severity
      '  under-ask: info', // near-miss severity
      '  missing-ask: off', // valid
      'defaultTrust: 9',
      'drafts: ["**/x/**", 3]',
      'asks:',
      '  - { phrase: "grab a slot", class: meting }',
      '  - { phrase: "pick a time", class: meeting }',
      '  - { phrase: "no class" }',
      'channels:',
      '  emial: [1, 2]',
      '  email: [3, 1]',
      '  seo: [0, 3]',
      'lintAll: "yes"',
      'maxFileSize: -1',
      '',
    ].join('\n');
    const { config, problems } = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(underlined(text, problems), [
      ['chekcs', 'Unknown setting "chekcs": did you mean "checks"? Known settings: checks, defaultTrust, drafts, lintAll, asks, pressure, channels, maxFileSize, timeBudgetMs, maxFindings.'],
      ['ask-exceed-trust', `Unknown check id "ask-exceed-trust": did you mean "ask-exceeds-trust"? Check ids: ${CHECK_IDS.join(', ')}.`],
      ['loud', 'Bad severity "loud" for competing-asks. Use one of off, hint, information, warning, error.'],
      ['info', 'Bad severity "info" for under-ask: did you mean "information"? Use one of off, hint, information, warning, error.'],
      ['9', 'defaultTrust must be a trust level: 0-6, "5+" or a stage name (unknown, aware, interested, engaged, trusting, customer, advocate).'],
      ['3', 'Each item of drafts must be a glob such as "**/emails/**".'],
      ['meting', `Unknown ask class "meting": did you mean "meeting"? Use one of ${ASK_CLASSES.join(', ')}.`],
      ['{ phrase: "no class" }', 'This ask needs a class.'],
      ['emial', `Unknown channel "emial": did you mean "email"? Channels: ${CHANNELS.map((c) => c.id).join(', ')}.`],
      ['[3, 1]', 'The email range starts above where it ends: write [1, 3].'],
      ['"yes"', 'lintAll must be true or false.'],
      ['-1', 'maxFileSize must be between 1,000 and 10,000,000 characters; the default (1,000,000) applies.'],
    ]);
    assert.equal(problems[0]!.severity, 'warning', 'an unknown key is harmless: a warning');
    assert.ok(problems.slice(1).every((p) => p.severity === 'error'));
    assert.deepEqual(config, {
      checks: { 'missing-ask': 'off' },
      drafts: ['**/x/**'],
      asks: [{ phrase: 'pick a time', class: 'meeting' }],
      channels: { seo: [0, 3] },
    });
  });

  test('phrases longer than 200 characters are rejected; phrases are literal text', () => {
    const long = 'a'.repeat(201);
    const text = `asks:\n  - phrase: "${long}"\n    class: meeting\n  - phrase: "book (a|the) call.*"\n    class: meeting\npressure:\n  - "${long}"\n  - "act fast"\n`;
    const { config, problems } = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(
      underlined(text, problems).map(([t, m]) => [t.length, m]),
      [
        [203, 'This phrase is 201 characters long; phrases are limited to 200.'],
        [203, 'This phrase is 201 characters long; phrases are limited to 200.'],
      ],
    );
    // A regex-looking phrase is kept as the literal text it is.
    assert.deepEqual(config.asks, [{ phrase: 'book (a|the) call.*', class: 'meeting' }]);
    assert.deepEqual(config.pressure, ['act fast']);
  });

  test('syntax errors: problems at the error, settings before it still apply', () => {
    const text = 'defaultTrust: 2\nchecks: [under-ask\nlintAll: true\n';
    const { config, problems } = parseConfigText(text, '.trustline.yaml');
    assert.ok(problems.length >= 1);
    assert.match(problems[0]!.message, /^Not valid YAML: /);
    assert.ok(problems[0]!.start >= text.indexOf('checks'), 'the error is after the valid first line');
    assert.deepEqual(config, { defaultTrust: 2 });
  });

  test('invalid JSON says JSON, and an error at the end still underlines a character', () => {
    const text = '{"drafts": ["a"';
    const { config, problems } = parseConfigText(text, '.trustline.json');
    assert.match(problems[0]!.message, /^Not valid JSON: /);
    for (const p of problems) {
      assert.ok(p.end > p.start && p.end <= text.length);
    }
    assert.deepEqual(config, {});
  });

  test('duplicate keys: the first applies and the second is underlined', () => {
    const text = 'defaultTrust: 1\ndefaultTrust: 3\n';
    const { config, problems } = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(underlined(text, problems), [['defaultTrust', '"defaultTrust" is set twice; the first one applies. Remove one of them.']]);
    assert.equal(problems[0]!.start, 16);
    assert.deepEqual(config, { defaultTrust: 1 });
  });

  test('wrong shapes: a list at the root, a string for checks', () => {
    const a = parseConfigText('- checks\n', '.trustline.yaml');
    assert.equal(a.problems.length, 1);
    assert.match(a.problems[0]!.message, /must be a mapping/);
    const text = 'checks: everything\n';
    const b = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(underlined(text, b.problems).map((x) => x[0]), ['everything']);
  });

  test('offsets count the byte order mark and CRLF line ends', () => {
    const text = '\ufeffchecks:\r\n  under-ask: nope\r\n';
    const { problems } = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(underlined(text, problems).map((x) => x[0]), ['nope']);
  });
});

describe('settings layers', () => {
  test('configToSettings maps the file keys to settings keys, only those set', () => {
    assert.deepEqual(configToSettings({}), {});
    assert.deepEqual(configToSettings({ drafts: ['a/**'], lintAll: true, defaultTrust: 2 }), { draftGlobs: ['a/**'], lintAllMarkdown: true, defaultTrust: 2 });
  });

  test('mergeSettings: defaults < editor < project file < CLI', () => {
    const editor = { checks: { 'under-ask': 'warning' as const, 'missing-ask': 'off' as const }, defaultTrust: 1, asks: [{ phrase: 'ping me', class: 'engage' as const }] };
    const project = configToSettings(parseConfigText('checks:\n  under-ask: error\ndefaultTrust: 2\nasks:\n  - {phrase: grab a slot, class: meeting}\ndrafts: [out/**]\n', 'x.yaml').config);
    const cli = { defaultTrust: 4 };
    const s = mergeSettings(DEFAULT_SETTINGS, editor, project, cli);
    assert.deepEqual(s.checks, { 'under-ask': 'error', 'missing-ask': 'off' }, 'checks merge per id; the later layer wins');
    assert.equal(s.defaultTrust, 4);
    assert.deepEqual(s.draftGlobs, ['out/**'], 'draft globs are replaced, not appended');
    assert.deepEqual(s.asks.map((a) => a.phrase), ['ping me', 'grab a slot'], 'extra phrasings add up');
    assert.equal(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    // The base is never mutated.
    assert.deepEqual(DEFAULT_SETTINGS.checks, {});
    assert.deepEqual(DEFAULT_SETTINGS.asks, []);
  });

  test('undefined values in a layer do not erase lower layers', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { defaultTrust: 3 }, { defaultTrust: undefined as unknown as number });
    assert.equal(s.defaultTrust, 3);
  });

  test('a config phrase reaches the analysis', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, configToSettings(parseConfigText('asks:\n  - {phrase: grab a slot with Dana, class: meeting}\n', 'x.yml').config));
    const text = '---\ntype: email\ntrust: 1\n---\nHi Sam,\n\nHere is the guide you asked for.\n\nGrab a slot with Dana.\n';
    const a = new Analyzer().analyze(text, { settings });
    assert.ok(a.asks.some((x) => x.class === 'meeting'), JSON.stringify(a.asks.map((x) => [x.text, x.class])));
  });
});

describe('findConfigFile', () => {
  test('searches upward and stops at the root marker', () => {
    const files = new Set(['/repo/.trustline.yml', '/repo/a/.trustline.json', '/.trustline.yaml']);
    const exists = (p: string) => files.has(p);
    assert.equal(findConfigFile('/repo/a/b', exists, (d) => d === '/repo'), '/repo/a/.trustline.json');
    assert.equal(findConfigFile('/repo/c/', exists, (d) => d === '/repo'), '/repo/.trustline.yml');
    assert.equal(findConfigFile('/other/x', exists, (d) => d === '/other'), undefined);
    assert.equal(findConfigFile('/other/x', exists), '/.trustline.yaml');
  });
  test('yaml before yml before json in one folder; Windows paths', () => {
    const files = new Set(['C:\\r\\.trustline.yml', 'C:\\r\\.trustline.json', 'C:\\.trustline.json']);
    assert.equal(findConfigFile('C:\\r\\d', (p) => files.has(p)), 'C:\\r\\.trustline.yml');
    assert.equal(findConfigFile('C:\\x', (p) => files.has(p)), 'C:\\.trustline.json');
  });
});

describe('schemas/trustline-config.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);

  test('is draft-07 and lists exactly the ids, severities, classes and channels the parser knows', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties.checks.properties), [...CHECK_IDS]);
    assert.deepEqual(schema.definitions.severity.enum, [...SEVERITY_SETTINGS]);
    assert.deepEqual(schema.definitions.askClass.enum, [...ASK_CLASSES]);
    assert.deepEqual(Object.keys(schema.properties.channels.properties), CHANNELS.map((c) => c.id));
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema');
    assert.deepEqual(keys, ['checks', 'defaultTrust', 'drafts', 'lintAll', 'asks', 'pressure', 'channels', 'maxFileSize', 'timeBudgetMs', 'maxFindings']);
    for (const [k, v] of Object.entries(schema.properties)) assert.ok((v as { description?: string }).description, `${k} has a description`);
  });

  test('accepts what the parser accepts and rejects what it rejects', () => {
    const good = { checks: { 'under-ask': 'off' }, defaultTrust: 'aware', drafts: ['x/**'], lintAll: true, asks: [{ phrase: 'grab a slot', class: 'meeting' }], pressure: ['act fast'], channels: { email: [1, 4] }, maxFileSize: 5000, timeBudgetMs: 20000, maxFindings: 50 };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfigText(JSON.stringify(good), '.trustline.json').problems, []);
    const bad = [{ chekcs: {} }, { checks: { 'under-ask': 'info' } }, { defaultTrust: 9 }, { asks: [{ phrase: 'x', class: 'meting' }] }, { asks: [{ phrase: 'x'.repeat(201), class: 'meeting' }] }, { channels: { emial: [1, 2] } }, { maxFileSize: 0 }, { maxFileSize: 0.5 }, { maxFileSize: 50_000_000 }, { timeBudgetMs: 0 }, { timeBudgetMs: 999 }, { maxFindings: 0 }, { maxFindings: 1e6 }];
    for (const b of bad) {
      assert.equal(validate(b), false, JSON.stringify(b));
      assert.ok(parseConfigText(JSON.stringify(b), '.trustline.json').problems.length > 0, JSON.stringify(b));
    }
  });
});
