// The client's words for a draft profile, without VS Code: the status bar text and tooltip,
// and the Show draft profile page. Profiles come from the server's own builder over a real analysis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { profileMarkdown, shortVia, statusBarText, statusBarTooltip } from '../../client/src/logic/format';
import { Analyzer, DEFAULT_SETTINGS } from '../../core/src/index';
import { buildProfile } from '../../server/src/draftProfile';
import type { DraftProfile } from '../../core/src/index';

const COLD_EMAIL = `---
type: email
trust: unknown   # bought list
subject: The new Reno DC and your dock schedule
---

Hi Tom,

Cold Ridge Foods cut average truck wait time at their Fresno yard from just over two hours to 26 minutes.

Could we book a 30-minute demo next week?
`;

function profileOf(text: string, path = 'emails/x.md', version = 3): DraftProfile {
  const analysis = new Analyzer().analyze(text, { path });
  return buildProfile({ uri: `file:///w/${path}`, version, text, settings: { analysis: DEFAULT_SETTINGS, debounceMs: 200 }, analysis });
}

describe('status bar', () => {
  test('type, declared stage and the mismatch count', () => {
    assert.equal(statusBarText(profileOf(COLD_EMAIL)), '$(shield) Email · 0 UNKNOWN · 1 mismatch');
  });

  test('an assumed stage says so; counts are pluralised; zero is shown', () => {
    const assumed = profileOf(`---\ntype: landing-page\n---\n\n# Dock scheduling\n\nCarriers book their own slots.\n\n[Book a demo](https://x.example/demo)\n\n[Buy now](https://x.example/buy)\n`);
    assert.match(statusBarText(assumed)!, /^\$\(shield\) Landing page · \d [A-Z]+ \(assumed\) · \d+ mismatch(es)?$/);
    const two = profileOf(`---\ntype: landing-page\ntrust: 0\n---\n\n# Dock scheduling\n\nCarriers book their own slots.\n\n[Book a demo](https://x.example/demo)\n\nCold Ridge cut wait time to 26 minutes.\n\n[Start your free trial](https://x.example/trial)\n`);
    assert.equal(statusBarText(two), '$(shield) Landing page · 0 UNKNOWN · 2 mismatches');
    const fits = profileOf(`---\ntype: social\ntrust: aware\n---\n\nWe changed one rule in our lead routing.\n\nWhat's your take: where do you let territory win over speed?\n`);
    assert.equal(statusBarText(fits), '$(shield) Social post · 1 AWARE · 0 mismatches');
  });

  test('hidden for documents that are not drafts', () => {
    assert.equal(statusBarText(profileOf('# Dockwise\n\nBook a demo today.\n', 'README.md')), undefined);
    assert.equal(statusBarText(null), undefined);
    assert.equal(statusBarText(undefined), undefined);
  });

  test('the tooltip: where each value came from, the asks, and what a click does', () => {
    assert.equal(
      statusBarTooltip(profileOf(COLD_EMAIL)),
      [
        '**Trustline** · email draft',
        '',
        '- Type: Email (declared in front matter)',
        '- Channel: Email (follows from the draft type, email)',
        '- Audience: 0 UNKNOWN, has never heard of you (declared in front matter)',
        "- Asks: 1, 1 above the audience's trust",
        '',
        'Click for **Recommend Skill** (writing-b2b-emails fits this draft)',
      ].join('\n'),
    );
  });
});

describe('Show draft profile page', () => {
  test('the cold email, exactly', () => {
    assert.equal(
      profileMarkdown(profileOf(COLD_EMAIL), 'cold.md'),
      [
        '# Draft profile: cold.md',
        '',
        '*Version 3. Updates as you edit.*',
        '',
        '- **Type**: Email (declared in front matter)',
        '- **Channel**: Email (follows from the draft type, email)',
        '- **Audience trust**: 0 UNKNOWN, has never heard of you (declared in front matter)',
        '',
        '## Asks (1)',
        '',
        '1. **Line 11**: "book a 30-minute demo": evaluate, needs **4 TRUSTING**, 4 above the audience (flagged by `ask-exceeds-trust`; found by evaluate.demo)',
        '',
        '## Findings (1)',
        '',
        '- `ask-exceeds-trust`: 1',
        '',
        '## Recommended skill',
        '',
        '**writing-b2b-emails**, and check trust-building-principles',
        '',
        'Emails convert best when each one asks for exactly one step up from where the reader already is.',
        '',
        "Why: This is an email (declared); 1 ask exceeds the audience's trust → writing-b2b-emails, and check trust-building-principles",
        '',
        'Run **Trustline: Recommend Skill** to open it, or walk the playbook from there.',
        '',
      ].join('\n'),
    );
  });

  test('what the writer typed cannot inject markup or break the list', () => {
    const p = profileOf(COLD_EMAIL);
    p.asks[0] = { ...p.asks[0]!, text: 'book | a <b>demo</b>\nnow' };
    const page = profileMarkdown(p, 'x*y.md');
    const line = page.split('\n').find((l) => l.startsWith('1. '))!;
    assert.equal(line, '1. **Line 11**: "book \\| a \\<b\\>demo\\</b\\> now": evaluate, needs **4 TRUSTING**, 4 above the audience (flagged by `ask-exceeds-trust`; found by evaluate.demo)');
    assert.ok(page.startsWith('# Draft profile: x\\*y.md\n'));
  });

  test('a document that is not a draft says why and how to opt in', () => {
    const page = profileMarkdown(profileOf('# Dockwise\n', 'README.md'), 'README.md');
    assert.match(page, /does not check this document: it is not a draft/);
    assert.match(page, /`type: email`/);
  });

  test('the lexicon rule, without its pattern', () => {
    assert.equal(shortVia('evaluate.demo: "@demo-verb @det? ~3 @demo-noun"'), 'evaluate.demo');
    assert.equal(shortVia('calendar link: https://cal.example/x'), 'calendar link');
    assert.equal(shortVia('plain'), 'plain');
  });
});
