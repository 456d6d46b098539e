// Hover links in VS Code: skill links become trustline.openSkill command links (the rendered
// skill opens in the preview); everything else stays as the server wrote it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openSkillCommandUri, rewriteSkillLinks } from '../../client/src/logic/links';

describe('hover skill links', () => {
  test('file links to a shipped SKILL.md become command links; rule links stay', () => {
    const md = 'Skill: [writing-b2b-emails](file:///home/me/.vscode/extensions/trustline-0.1.0/skills/writing-b2b-emails/SKILL.md) · Rule: [ask-exceeds-trust](file:///home/me/.vscode/extensions/trustline-0.1.0/docs/rules/ask-exceeds-trust.md)';
    const r = rewriteSkillLinks(md);
    assert.equal(r.rewritten, true);
    assert.equal(
      r.markdown,
      'Skill: [writing-b2b-emails](command:trustline.openSkill?%5B%22writing-b2b-emails%22%5D) · Rule: [ask-exceeds-trust](file:///home/me/.vscode/extensions/trustline-0.1.0/docs/rules/ask-exceeds-trust.md)',
    );
  });

  test('Windows paths and several links in one hover', () => {
    const md = '[a](file:///c%3A/Users/me/ext/skills/trust-building-principles/SKILL.md) and [b](file:///c%3A/Users/me/ext/skills/running-paid-ads/SKILL.md)';
    assert.equal(rewriteSkillLinks(md).markdown, `[a](${openSkillCommandUri('trust-building-principles')}) and [b](${openSkillCommandUri('running-paid-ads')})`);
  });

  test('unknown skills, web links and plain text are left alone', () => {
    for (const md of ['[x](file:///ext/skills/not-a-skill/SKILL.md)', '[x](https://example.com/skills/writing-b2b-emails/SKILL.md)', 'writing-b2b-emails', '']) {
      assert.deepEqual(rewriteSkillLinks(md), { markdown: md, rewritten: false });
    }
  });

  test('the command argument is the JSON array VS Code passes to the command', () => {
    const uri = openSkillCommandUri('writing-b2b-emails');
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice('command:trustline.openSkill?'.length))), ['writing-b2b-emails']);
  });
});
