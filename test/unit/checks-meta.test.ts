// The check registry: every check is one file with metadata (markdownlint-style), a stable
// unique id, a documentation page, and a severity users can change or turn off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHECKS, CHECK_IDS, checkById, ruleDocPath } from '../../core/src/checks/index';
import { Analyzer } from '../../core/src/analyze';
import type { Finding } from '../../core/src/types';
import { ROOT } from '../support/root';

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

/** A draft that trips most checks at once: cold audience, wrong channel, pressure, a big ask first, a typo'd comment. */
const NOISY = [
  '---',
  'type: email',
  'channel: champions',
  'trust: unknown',
  'subject: Last chance',
  '---',
  '',
  'Book a demo today.',
  '',
  'ONLY 3 SEATS LEFT!!!',
  '',
  'P.S. Follow us on LinkedIn.',
  '',
  '<!-- trustline-disable-next-line ask-exceed-trust -->',
  'Start your free trial.',
  '',
].join('\n');

function run(settings: Record<string, unknown> = {}): Finding[] {
  return new Analyzer().analyze(NOISY, { force: true, settings: { checks: settings as Record<string, 'off'> } }).findings;
}

describe('check metadata', () => {
  test('each check has a unique kebab-case id, and the rule pages are exactly the checks', () => {
    assert.equal(new Set(CHECK_IDS).size, CHECK_IDS.length);
    for (const id of CHECK_IDS) assert.match(id, /^[a-z]+(-[a-z]+)+$/);
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...CHECK_IDS].sort());
  });

  for (const check of CHECKS) {
    test(`${check.id}: description, severity, tags, documentation page`, () => {
      assert.ok(check.description.length > 20 && /\.$/.test(check.description), 'a one-sentence description ending with a full stop');
      assert.ok(SEVERITIES.includes(check.defaultSeverity), `default severity ${check.defaultSeverity}`);
      if (check.severityNote !== undefined) assert.ok(check.severityNote.length > 10);
      assert.ok(check.tags.length > 0 && check.tags.every((t) => /^[a-z-]+$/.test(t)));
      assert.equal(typeof check.check, 'function');
      assert.equal(checkById(check.id), check);
      assert.equal(ruleDocPath(check.id), `docs/rules/${check.id}.md`);
      const page = path.join(ROOT, ruleDocPath(check.id));
      assert.ok(fs.existsSync(page), `${ruleDocPath(check.id)} is missing`);
      assert.match(fs.readFileSync(page, 'utf8'), new RegExp(`^# ${check.id}\\b`), 'the page starts with the id as its title');
    });
  }

  test('the trust model section 5 severities are the defaults', () => {
    const want: Record<string, string> = {
      'ask-exceeds-trust': 'warning', // information at gap 1, by the check itself
      'competing-asks': 'warning',
      'missing-ask': 'information',
      'under-ask': 'hint',
      'pressure-before-trust': 'warning',
      'channel-trust-mismatch': 'information',
      'ask-before-value': 'information',
      'trust-undeclared': 'hint',
      'front-matter-invalid': 'error',
      'invalid-suppression': 'warning',
    };
    for (const [id, severity] of Object.entries(want)) assert.equal(checkById(id)?.defaultSeverity, severity, id);
  });

  test('every documentation page of the folder belongs to a check (no orphans)', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const p of pages) assert.ok(CHECK_IDS.includes(p.replace(/\.md$/, '')), `docs/rules/${p} has no check`);
  });
});

describe('severities from the user', () => {
  test('the noisy draft trips most checks with their default severities', () => {
    const rules = new Set(run().map((f) => f.rule));
    for (const id of ['ask-exceeds-trust', 'competing-asks', 'pressure-before-trust', 'channel-trust-mismatch', 'ask-before-value', 'invalid-suppression']) {
      assert.ok(rules.has(id), `${id} did not fire on the noisy draft`);
    }
    const gap4 = run().find((f) => f.rule === 'ask-exceeds-trust')!;
    assert.equal(gap4.severity, 'warning');
  });

  test('a user severity overrides the default, including a severity a check chose itself', () => {
    for (const id of CHECK_IDS) {
      for (const severity of SEVERITIES) {
        const found = run({ [id]: severity }).filter((f) => f.rule === id);
        for (const f of found) assert.equal(f.severity, severity, `${id} set to ${severity}`);
      }
    }
    const all = run({ 'ask-exceeds-trust': 'hint' }).filter((f) => f.rule === 'ask-exceeds-trust');
    assert.ok(all.length >= 2);
    assert.ok(all.every((f) => f.severity === 'hint'));
  });

  test('off removes a check and nothing else', () => {
    const before = run();
    for (const id of CHECK_IDS) {
      const after = run({ [id]: 'off' });
      assert.ok(!after.some((f) => f.rule === id), `${id} still reported when off`);
      assert.deepEqual(
        after.map((f) => `${f.rule}:${f.range.start.line}:${f.severity}`),
        before.filter((f) => f.rule !== id).map((f) => `${f.rule}:${f.range.start.line}:${f.severity}`),
        `turning ${id} off changed other checks`,
      );
    }
  });

  test('an unknown severity value keeps the default (the host should have caught it)', () => {
    const f = run({ 'competing-asks': 'loud' }).find((x) => x.rule === 'competing-asks')!;
    assert.equal(f.severity, 'warning');
  });
});

describe('what every finding carries', () => {
  test('its check id in data, a range inside the text, a message that says what to do', () => {
    const lines = NOISY.split('\n');
    for (const f of run()) {
      assert.equal(f.data.check, f.rule);
      assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length);
      assert.ok(f.message.length > 40, `${f.rule}: message too short: ${f.message}`);
    }
  });

  test('ask findings carry the ask, its class and level, the audience and its source, the gap, type and channel', () => {
    for (const f of run().filter((x) => ['ask-exceeds-trust', 'competing-asks', 'ask-before-value'].includes(x.rule))) {
      assert.ok(f.data.ask, f.rule);
      assert.ok(f.data.ask.text && f.data.ask.class && typeof f.data.ask.level === 'number' && f.data.ask.sentenceRange);
      assert.deepEqual(f.data.audience, { level: 0, stage: 'UNKNOWN', source: 'declared' });
      assert.equal(f.data.gap, f.data.ask.level);
      assert.equal(f.data.draftType, 'email');
      assert.equal(f.data.channel, 'champions');
    }
  });

  test('the range of an ask finding underlines exactly the ask', () => {
    const f = run().find((x) => x.rule === 'ask-exceeds-trust')!;
    const line = NOISY.split('\n')[f.range.start.line]!;
    assert.equal(line.slice(f.range.start.character, f.range.end.character), f.data.ask!.text);
  });
});

describe('suppression comments', () => {
  test('invalid-suppression and front-matter-invalid cannot be silenced by a comment', () => {
    const text = NOISY.replace('type: email', 'type: emial') + '\n<!-- trustline-disable-file -->\n';
    const rules = new Analyzer().analyze(text, { force: true }).findings.map((f) => f.rule).sort();
    assert.deepEqual([...new Set(rules)], ['front-matter-invalid', 'invalid-suppression']);
  });

  test('an unknown id is underlined on the id, with a suggestion; a misspelt directive on its name', () => {
    const text = '---\ntype: email\ntrust: 0\n---\n\n<!-- trustline-disable-next-line ask-exceed-trust -->\nHello there.\n\n<!-- trustline-disabel -->\n';
    const found = new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === 'invalid-suppression');
    assert.equal(found.length, 2);
    const lines = text.split('\n');
    const slice = (f: Finding) => lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
    assert.equal(slice(found[0]!), 'ask-exceed-trust');
    assert.equal(found[0]!.data.suggestion, 'ask-exceeds-trust');
    assert.equal(slice(found[1]!), 'trustline-disabel');
    assert.equal(found[1]!.data.suggestion, 'trustline-disable');
  });

  test('a check id in capitals or cut short gets the same "did you mean" as in a config file', () => {
    const text = '---\ntype: email\ntrust: 0\n---\n\n<!-- trustline-disable-next-line Ask-Exceeds-Trust -->\nHello there.\n\n<!-- trustline-disable pressure-before -->\n';
    const found = new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === 'invalid-suppression');
    assert.deepEqual(found.map((f) => f.data.suggestion), ['ask-exceeds-trust', 'pressure-before-trust']);
    assert.match(found[1]!.message, /Did you mean "pressure-before-trust"\?/);
  });

  test('all four forms work', () => {
    const base = '---\ntype: social\ntrust: 0\n---\n\nBook a demo now.\n';
    const count = (t: string) => new Analyzer().analyze(t, { force: true }).findings.filter((f) => f.rule === 'ask-exceeds-trust').length;
    assert.equal(count(base), 1);
    assert.equal(count(base.replace('\nBook', '\n<!-- trustline-disable-next-line ask-exceeds-trust -->\nBook')), 0);
    assert.equal(count(base.replace('\nBook', '\n<!-- trustline-disable-next-line -->\nBook')), 0);
    assert.equal(count(base.replace('\nBook', '\n<!-- trustline-disable-next-line competing-asks -->\nBook')), 1);
    assert.equal(count(base.replace('\nBook', '\n<!-- trustline-disable ask-exceeds-trust -->\nBook') + '<!-- trustline-enable -->\nBook a demo again.\n'), 1);
    assert.equal(count(base + '\n<!-- trustline-disable-file ask-exceeds-trust -->\n'), 0);
  });

  test('a comment at the end of a line of text silences that line', () => {
    const text = '---\ntype: social\ntrust: 0\n---\n\nBook a demo now. <!-- trustline-disable-next-line ask-exceeds-trust -->\n';
    assert.equal(new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === 'ask-exceeds-trust').length, 0);
  });
});
