// The commands' contract: what package.json contributes, what the client registers and what the
// server's code actions run must agree, every command is in the Trustline category, and the
// draft-only commands only show in drafts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Commands, ContextKeys } from '../../client/src/constants';
import { COMMAND_OPEN_SKILL, COMMAND_SET_TRUST } from '../../core/src/actions';
import { ROOT } from '../support/root';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    yamlValidation?: { fileMatch: string | string[]; url: string }[];
  };
};
const contributed = manifest.contributes.commands;

describe('contributed commands', () => {
  test('every command the client registers is contributed, in the Trustline category, and nothing else', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(Commands).sort());
    for (const c of contributed) assert.equal(c.category, 'Trustline', `${c.command} category`);
    assert.deepEqual(
      contributed.map((c) => `Trustline: ${c.title}`),
      ['Trustline: Recommend Skill', 'Trustline: Open Skill...', 'Trustline: Set Audience Trust...', 'Trustline: Show Draft Profile', 'Trustline: Restart Server'],
    );
  });

  test("the code actions' commands are the client's", () => {
    assert.equal(COMMAND_OPEN_SKILL, Commands.openSkill);
    assert.equal(COMMAND_SET_TRUST, Commands.setTrust);
  });

  test('when clauses: draft commands only in drafts, the rest once Trustline is active', () => {
    const when = Object.fromEntries((manifest.contributes.menus?.commandPalette ?? []).map((m) => [m.command, m.when]));
    assert.equal(when[Commands.setTrust], `editorLangId == markdown && ${ContextKeys.isDraft}`);
    assert.equal(when[Commands.showProfile], `editorLangId == markdown && ${ContextKeys.isDraft}`);
    for (const id of [Commands.recommendSkill, Commands.openSkill, Commands.restartServer]) assert.equal(when[id], ContextKeys.active, id);
  });

  test('the config file schema is contributed for JSON and YAML, and exists', () => {
    const json = manifest.contributes.jsonValidation ?? [];
    const yaml = manifest.contributes.yamlValidation ?? [];
    assert.deepEqual(json.map((v) => v.fileMatch), ['.trustline.json']);
    assert.deepEqual(yaml.map((v) => v.fileMatch), [['.trustline.yaml', '.trustline.yml']]);
    for (const v of [...json, ...yaml]) assert.ok(existsSync(path.join(ROOT, v.url)), `${v.url} exists`);
  });

  test('the e2e walk has its script and stays out of npm test', () => {
    assert.match(manifest.scripts['test:e2e'] ?? '', /test\/e2e\/editor\.e2e\.mjs/);
    assert.doesNotMatch(manifest.scripts.test ?? '', /e2e/);
  });
});
