// Protocol tests of what a writer touches: hovers, code actions (each edit exact, applied the
// way an editor applies it, and the diagnostic gone afterwards), fix-all, suppression comments,
// the trustline/profile request and its change notification, Set audience trust's edit, config
// file completion, and bad input (closed documents, positions past the end, stale diagnostics).
// The bundled dist/server.js over stdio; every wait is on an event.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  type Diagnostic,
  type Hover,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CHECK_IDS } from '../../core/src/checks/index';
import type { DraftProfile, SetTrustResult } from '../../core/src/index';
import { LspHarness, ROOT, positionOf } from './lsp-harness';

const SKILL = (name: string) => pathToFileURL(path.join(ROOT, 'skills', name, 'SKILL.md')).href;
const RULE = (id: string) => pathToFileURL(path.join(ROOT, 'docs', 'rules', `${id}.md`)).href;

// examples/cold-email-demo-ask.md, the newcomer's first draft.
const COLD_EMAIL = `---
type: email
trust: unknown   # bought list: they have never heard of Dockwise
subject: The new Reno DC and your dock schedule
---

Hi Tom,

Congratulations on opening the Reno distribution center. A second site usually means the dock schedule now has to cover two yards and three shifts.

Cold Ridge Foods cut average truck wait time at their Fresno yard from just over two hours to 26 minutes.

Could we book a 30-minute demo next week? I'd set it up with a mock-up of the Reno yard.

Best,
Maya
`;

const SOCIAL = `---
type: social
channel: linkedin-organic
trust: aware
---

We changed one rule in our lead routing and median speed-to-lead fell from four hours to six minutes.

What's your take: where do you let territory win over speed?

The playbook behind it is writing-b2b-emails.
`;

const LANDING = `---
type: landing-page
trust: 0
---

# Dock scheduling carriers actually use

Carriers book their own slots, and your team sees every inbound truck on one board.

[Book a demo](https://dockwise.example/demo)

Cold Ridge Foods cut average truck wait time from two hours to 26 minutes.

[Start your free trial](https://dockwise.example/trial)
`;

const is = (code: string) => (d: Diagnostic) => d.code === code;

/** The text edits a WorkspaceEdit makes to one document (from `changes` or `documentChanges`). */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []));
  }
  return edit.changes?.[uri] ?? [];
}

/**
 * Apply edits as an editor does and tell the server with one didChange: the changes are
 * sent bottom-up, so each range is still valid when it is applied.
 */
async function applyEdits(lsp: LspHarness, doc: TextDocument, edits: TextEdit[]): Promise<TextDocument> {
  const changes: TextDocumentContentChangeEvent[] = [...edits]
    .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
    .map((e) => ({ range: e.range, text: e.newText }));
  const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, doc.getText()), changes, doc.version + 1);
  await lsp.change(doc.uri, next.version, changes);
  return next;
}

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as { kind: string; value: string };
  assert.equal(c.kind, 'markdown');
  return c.value;
}

describe('hover, code actions and the draft profile over the protocol', () => {
  let lsp: LspHarness;
  let n = 0;
  /** A fresh URI per test, so documents never share state. */
  const fresh = (name: string) => lsp.uri(`emails/${++n}-${name}`);

  /** Open a draft and wait for its first diagnostics. */
  async function openDraft(name: string, text: string) {
    const uri = fresh(name);
    await lsp.open(uri, text);
    const p = await lsp.waitForDiagnostics(uri, (x) => x.version === 1, `the first analysis of ${name}`);
    return { uri, doc: TextDocument.create(uri, 'markdown', 1, text), diagnostics: p.diagnostics };
  }

  before(async () => {
    lsp = await LspHarness.start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } }, initializationOptions: { profileNotifications: true } });
    lsp.globalSettings = { debounceMs: 5 };
  });

  after(async () => {
    await lsp?.stop();
  });

  describe('hover', () => {
    test('on the cold email demo ask: class, trust needed, audience and source, gap, what to ask instead, links into the extension', async () => {
      const { uri } = await openDraft('cold.md', COLD_EMAIL);
      const at = positionOf(COLD_EMAIL, 'book a 30-minute demo');
      const h = await lsp.hover(uri, { line: at.line, character: at.character + 5 });
      assert.equal(
        markdownOf(h),
        [
          '**evaluate ask**: "book a 30-minute demo" needs trust **4 TRUSTING**  ',
          'Audience: **0 UNKNOWN**, has never heard of you (declared in front matter)  ',
          'Gap: **4 levels** too far',
          '',
          'Ask instead (consume fits 0 UNKNOWN):',
          '- Take a look at the two-page teardown when you have a minute.',
          "- If it's useful, skim the short case study: it's a 3-minute read.",
          '- See how a team in the same spot fixed it, in their own words.',
          '',
          'Moves this audience up: content/SEO, LinkedIn organic, ABM awareness',
          '',
          `Skill: [writing-b2b-emails](${SKILL('writing-b2b-emails')}) · Rule: [ask-exceeds-trust](${RULE('ask-exceeds-trust')})`,
        ].join('\n'),
      );
      assert.deepEqual(h!.range, { start: at, end: { line: at.line, character: at.character + 'book a 30-minute demo'.length } });
      await lsp.close(uri);
    });

    test('on front matter trust, type and channel values', async () => {
      const { uri } = await openDraft('post.md', SOCIAL);
      const trust = await lsp.hover(uri, { line: 3, character: 9 });
      assert.equal(
        markdownOf(trust),
        [
          '**trust: 1 AWARE**: the audience has seen your name or a post  ',
          'Fitting ask: **engage (follow, subscribe, reply, comment)**  ',
          'Typical asks in a social post: "Follow for more", "Subscribe to the newsletter", "Follow along on LinkedIn"  ',
          'Moves up with: content offers, LinkedIn engagement, value emails',
          '',
          `Skill: [trust-building-principles](${SKILL('trust-building-principles')})`,
        ].join('\n'),
      );
      assert.deepEqual(trust!.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 12 } });

      const type = await lsp.hover(uri, { line: 1, character: 8 });
      assert.equal(
        markdownOf(type),
        [
          '**type: social** (social post): a LinkedIn or other social post  ',
          `Skill: [linkedin-organic-and-paid](${SKILL('linkedin-organic-and-paid')}): professional network presence + paid  `,
          'Channel when none is declared: LinkedIn organic (build credibility; trust 1 to 3)  ',
          'One kind of ask per draft',
        ].join('\n'),
      );
      assert.deepEqual(type!.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 12 } });

      const channel = await lsp.hover(uri, { line: 2, character: 12 });
      assert.equal(
        markdownOf(channel),
        [
          '**channel: linkedin-organic** (LinkedIn organic): build credibility  ',
          'Serves trust 1 AWARE to 3 ENGAGED; this audience (1 AWARE) is inside it  ',
          `Skill: [linkedin-organic-and-paid](${SKILL('linkedin-organic-and-paid')})`,
        ].join('\n'),
      );
      // The key itself also shows the value's hover; the front matter fence does not.
      assert.equal(markdownOf(await lsp.hover(uri, { line: 2, character: 1 })), markdownOf(channel));
      assert.equal(await lsp.hover(uri, { line: 0, character: 1 }), null);
      await lsp.close(uri);
    });

    test('on a skill name: its purpose and a link to it', async () => {
      const { uri } = await openDraft('skill-name.md', SOCIAL);
      const at = positionOf(SOCIAL, 'writing-b2b-emails');
      const h = await lsp.hover(uri, { line: at.line, character: at.character + 3 });
      assert.equal(
        markdownOf(h),
        [
          '**writing-b2b-emails** (tier 3, channel execution): Outreach and nurture sequences  ',
          'Serves trust 2 INTERESTED to 4 TRUSTING; channels: email  ',
          `[Open the skill](${SKILL('writing-b2b-emails')})`,
        ].join('\n'),
      );
      // Plain words get nothing.
      assert.equal(await lsp.hover(uri, { line: at.line, character: 2 }), null);
      await lsp.close(uri);
    });

    test('hovers follow the current text: after an edit the old ask is gone', async () => {
      const { uri } = await openDraft('hover-edit.md', COLD_EMAIL);
      const at = positionOf(COLD_EMAIL, 'book a 30-minute demo');
      const r = { start: at, end: { line: at.line, character: at.character + 'book a 30-minute demo'.length } };
      // Typed quickly: the server has not analysed version 2 yet when the hover arrives.
      await lsp.change(uri, 2, [{ range: r, text: 'send you the teardown' }]);
      const h = await lsp.hover(uri, { line: at.line, character: at.character + 3 });
      assert.ok(h === null || !markdownOf(h).includes('evaluate ask'), 'no hover for the ask that was typed over');
      await lsp.close(uri);
    });
  });

  describe('code actions', () => {
    test('the cold email demo ask: every action, its exact edit, preferred first', async () => {
      const { uri, diagnostics } = await openDraft('actions.md', COLD_EMAIL);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const actions = await lsp.codeActions(uri, d.range, [d]);
      const sentence = { start: { line: 12, character: 0 }, end: { line: 12, character: 41 } };
      const summary = actions.map((a) => ({
        title: a.title,
        kind: a.kind,
        isPreferred: a.isPreferred ?? false,
        edits: editsFor(a.edit, uri),
        command: a.command ? { command: a.command.command, arguments: a.command.arguments } : undefined,
      }));
      assert.deepEqual(summary, [
        {
          title: 'Ask instead: "Take a look at the two-page teardown when you have a minute." (consume, fits 0 UNKNOWN)',
          kind: 'quickfix',
          isPreferred: true,
          edits: [{ range: sentence, newText: 'Take a look at the two-page teardown when you have a minute.' }],
          command: undefined,
        },
        {
          title: 'Ask instead: "If it\'s useful, skim the short case study: it\'s a 3-minute …" (consume, fits 0 UNKNOWN)',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: sentence, newText: "If it's useful, skim the short case study: it's a 3-minute read." }],
          command: undefined,
        },
        {
          title: 'Ask instead: "See how a team in the same spot fixed it, in their own word…" (consume, fits 0 UNKNOWN)',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: sentence, newText: 'See how a team in the same spot fixed it, in their own words.' }],
          command: undefined,
        },
        {
          title: 'Step down one rung to meeting: "Open to a 20-minute call next week to compare notes?" (needs trust 3)',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: sentence, newText: 'Open to a 20-minute call next week to compare notes?' }],
          command: undefined,
        },
        {
          title: 'The audience is already at 4 TRUSTING: declare it in trust:',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 14 } }, newText: 'trusting' }],
          command: undefined,
        },
        { title: 'Set the audience trust...', kind: 'quickfix', isPreferred: false, edits: [], command: { command: 'trustline.setTrust', arguments: [uri] } },
        { title: 'Open the writing-b2b-emails skill', kind: 'quickfix', isPreferred: false, edits: [], command: { command: 'trustline.openSkill', arguments: ['writing-b2b-emails'] } },
        {
          title: 'Turn off ask-exceeds-trust for this line',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, newText: '<!-- trustline-disable-next-line ask-exceeds-trust -->\n' }],
          command: undefined,
        },
        {
          title: 'Turn off ask-exceeds-trust for this file',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '<!-- trustline-disable-file ask-exceeds-trust -->\n' }],
          command: undefined,
        },
      ]);
      // Each action names the diagnostic it fixes, and edits are versioned (the client supports documentChanges).
      for (const a of actions) assert.deepEqual(a.diagnostics, [d], a.title);
      for (const a of actions.filter((x) => x.edit)) {
        const change = a.edit!.documentChanges![0] as { textDocument: { uri: string; version: number } };
        assert.deepEqual(change.textDocument, { uri, version: 1 }, a.title);
      }
      await lsp.close(uri);
    });

    test('every edit, applied to the document, makes the targeted diagnostic disappear', async () => {
      const probe = await openDraft('probe.md', COLD_EMAIL);
      const d0 = probe.diagnostics.find(is('ask-exceeds-trust'))!;
      const titles = (await lsp.codeActions(probe.uri, d0.range, [d0])).filter((a) => a.edit).map((a) => a.title);
      await lsp.close(probe.uri);
      assert.equal(titles.length, 7);

      for (const title of titles) {
        const { uri, doc, diagnostics } = await openDraft('apply.md', COLD_EMAIL);
        const d = diagnostics.find(is('ask-exceeds-trust'))!;
        const action = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.title === title)!;
        const next = await applyEdits(lsp, doc, editsFor(action.edit, uri));
        const after = await lsp.waitForDiagnostics(uri, (p) => p.version === next.version, `the analysis after "${title}"`);
        const left = after.diagnostics.filter(is('ask-exceeds-trust'));
        assert.ok(!left.some((x) => x.message === d.message), `"${title}" removed the targeted diagnostic; left: ${left.map((x) => x.message).join(' | ')}`);
        if (title.startsWith('Step down')) {
          // One rung down is closer, not there: a meeting ask to a stranger is still flagged, with a smaller gap.
          assert.deepEqual(
            left.map((x) => [(x.data as { ask: { class: string } }).ask.class, (x.data as { gap: number }).gap]),
            [['meeting', 3]],
          );
        } else assert.deepEqual(left, [], `"${title}" left ask-exceeds-trust`);
        await lsp.close(uri);
      }
    });

    test('the preferred rewrite leaves every other byte alone', async () => {
      const { uri, doc, diagnostics } = await openDraft('preferred.md', COLD_EMAIL);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const preferred = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.isPreferred)!;
      const next = await applyEdits(lsp, doc, editsFor(preferred.edit, uri));
      assert.equal(next.getText(), COLD_EMAIL.replace('Could we book a 30-minute demo next week?', 'Take a look at the two-page teardown when you have a minute.'));
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === 2, 'after the preferred rewrite');
      assert.deepEqual(after.diagnostics, []);
      await lsp.close(uri);
    });

    test('trust-undeclared: declaring the assumed level is preferred and silences it', async () => {
      const text = `---\ntype: email\nsubject: Your month-end close\n---\n\nHi Renata,\n\nThe close rarely slips at reconciliation; it slips two days earlier, when AP is still chasing approvers.\n\nReply and I'll send the checklist we use.\n`;
      const { uri, doc, diagnostics } = await openDraft('undeclared.md', text);
      const d = diagnostics.find(is('trust-undeclared'));
      assert.ok(d, `trust-undeclared among ${diagnostics.map((x) => x.code).join(', ')}`);
      const actions = await lsp.codeActions(uri, d.range, [d]);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0]!.title, 'Declare the audience: trust: 2 (2 INTERESTED, the level assumed now)');
      assert.deepEqual(editsFor(preferred[0]!.edit, uri), [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'trust: 2\n' }]);
      const next = await applyEdits(lsp, doc, editsFor(preferred[0]!.edit, uri));
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === next.version, 'after declaring trust');
      assert.ok(!after.diagnostics.some(is('trust-undeclared')));
      await lsp.close(uri);
    });

    test('a kind filter: only quick fixes, only fix-all, or nothing Trustline offers', async () => {
      const { uri, diagnostics } = await openDraft('kinds.md', COLD_EMAIL);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const quick = await lsp.codeActions(uri, d.range, [d], [CodeActionKind.QuickFix]);
      assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
      const refactor = await lsp.codeActions(uri, d.range, [d], [CodeActionKind.Refactor]);
      assert.deepEqual(refactor, []);
      const source = await lsp.codeActions(uri, d.range, [d], [CodeActionKind.Source]);
      assert.deepEqual(
        source.map((a) => a.kind),
        ['source.fixAll.trustline'],
      );
      await lsp.close(uri);
    });
  });

  describe('fix-all', () => {
    test('source.fixAll.trustline rewrites every oversized ask, keeps the links, and clears ask-exceeds-trust', async () => {
      const { uri, doc, diagnostics } = await openDraft('landing.md', LANDING);
      const oversized = diagnostics.filter(is('ask-exceeds-trust'));
      assert.equal(oversized.length, 2);
      // As editor.codeActionsOnSave asks: by kind, for the whole document, with no diagnostics.
      const actions = await lsp.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
      assert.equal(actions.length, 1);
      const fixAll = actions[0]!;
      assert.equal(fixAll.kind, 'source.fixAll.trustline');
      assert.equal(fixAll.title, "Rewrite 2 asks to fit the audience's trust");
      const edits = editsFor(fixAll.edit, uri);
      assert.deepEqual(edits, [
        { range: { start: { line: 9, character: 1 }, end: { line: 9, character: 12 } }, newText: 'See how it works' },
        { range: { start: { line: 13, character: 1 }, end: { line: 13, character: 22 } }, newText: 'Read the case study' },
      ]);
      const next = await applyEdits(lsp, doc, edits);
      assert.match(next.getText(), /\[See how it works\]\(https:\/\/dockwise\.example\/demo\)/);
      assert.match(next.getText(), /\[Read the case study\]\(https:\/\/dockwise\.example\/trial\)/);
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === next.version, 'after fix-all');
      assert.ok(!after.diagnostics.some(is('ask-exceeds-trust')), `left: ${after.diagnostics.map((x) => x.code).join(', ')}`);
      await lsp.close(uri);
    });

    test('in the light bulb, fix-all is offered as a quick fix when it changes two asks or more', async () => {
      const { uri, diagnostics } = await openDraft('landing-bulb.md', LANDING);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const actions = await lsp.codeActions(uri, d.range, [d]);
      const all = actions.filter((a) => a.title.startsWith('Rewrite 2 asks'));
      assert.equal(all.length, 1);
      assert.equal(all[0]!.kind, 'quickfix');
      assert.equal(editsFor(all[0]!.edit, uri).length, 2);
      // A single oversized ask: the preferred rewrite is the same edit, so no duplicate.
      const cold = await openDraft('cold-bulb.md', COLD_EMAIL);
      const cd = cold.diagnostics.find(is('ask-exceeds-trust'))!;
      assert.ok(!(await lsp.codeActions(cold.uri, cd.range, [cd])).some((a) => a.title.startsWith('Rewrite')));
      await lsp.close(uri);
      await lsp.close(cold.uri);
    });
  });

  describe('suppression comments', () => {
    test('turn off for this line inserts a disable-next-line comment and the diagnostic goes', async () => {
      const { uri, doc, diagnostics } = await openDraft('suppress-line.md', COLD_EMAIL);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const action = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.title === 'Turn off ask-exceeds-trust for this line')!;
      const next = await applyEdits(lsp, doc, editsFor(action.edit, uri));
      assert.match(next.getText(), /\n<!-- trustline-disable-next-line ask-exceeds-trust -->\nCould we book a 30-minute demo/);
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === 2, 'after the comment');
      assert.deepEqual(after.diagnostics, []);
      await lsp.close(uri);
    });

    test('inside a paragraph, the comment goes around the paragraph', async () => {
      const text = `---\ntype: email\ntrust: 0\n---\n\nHi Tom,\n\nCold Ridge Foods cut truck wait time from two hours to 26 minutes.\nCould we book a demo next week?\n`;
      const { uri, doc, diagnostics } = await openDraft('suppress-block.md', text);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const action = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.title === 'Turn off ask-exceeds-trust for this paragraph')!;
      assert.ok(action, 'the paragraph variant is offered');
      const next = await applyEdits(lsp, doc, editsFor(action.edit, uri));
      assert.equal(
        next.getText(),
        `---\ntype: email\ntrust: 0\n---\n\nHi Tom,\n\n<!-- trustline-disable ask-exceeds-trust -->\nCold Ridge Foods cut truck wait time from two hours to 26 minutes.\nCould we book a demo next week?\n<!-- trustline-enable ask-exceeds-trust -->\n`,
      );
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === 2, 'after the block comment');
      assert.ok(!after.diagnostics.some(is('ask-exceeds-trust')));
      await lsp.close(uri);
    });

    test('turn off for this file inserts a disable-file comment after the front matter', async () => {
      const { uri, doc, diagnostics } = await openDraft('suppress-file.md', LANDING);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      const action = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.title === 'Turn off ask-exceeds-trust for this file')!;
      const next = await applyEdits(lsp, doc, editsFor(action.edit, uri));
      assert.ok(next.getText().startsWith('---\ntype: landing-page\ntrust: 0\n---\n<!-- trustline-disable-file ask-exceeds-trust -->\n'));
      const after = await lsp.waitForDiagnostics(uri, (p) => p.version === 2, 'after the file comment');
      assert.ok(!after.diagnostics.some(is('ask-exceeds-trust')), `left: ${after.diagnostics.map((x) => x.code).join(', ')}`);
      await lsp.close(uri);
    });

    test('a misspelt check id in a comment is reported and silences nothing', async () => {
      const text = `---\ntype: email\ntrust: 0\n---\n\nCold Ridge Foods cut truck wait time from two hours to 26 minutes.\n\n<!-- trustline-disable-next-line ask-exceds-trust -->\nCould we book a demo next week?\n`;
      const { uri, diagnostics } = await openDraft('suppress-typo.md', text);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['ask-exceeds-trust', 'invalid-suppression']);
      assert.match(diagnostics.find(is('invalid-suppression'))!.message as string, /ask-exceeds-trust/);
      await lsp.close(uri);
    });
  });

  describe('trustline/profile', () => {
    test('the cold email: type, channel, trust with sources, asks, findings, recommendation', async () => {
      const { uri } = await openDraft('profile.md', COLD_EMAIL);
      const p = (await lsp.connection.sendRequest('trustline/profile', { uri })) as DraftProfile;
      assert.equal(p.isDraft, true);
      assert.equal(p.version, 1);
      assert.deepEqual(p.type, { value: 'email', name: 'email', source: 'declared', detail: 'declared in front matter', range: { start: { line: 1, character: 6 }, end: { line: 1, character: 11 } } });
      assert.deepEqual(p.channel, { value: 'email', name: 'Email', source: 'inferred', detail: 'follows from the draft type, email' });
      assert.deepEqual(p.trust, {
        level: 0,
        stage: 'UNKNOWN',
        label: '0 UNKNOWN',
        meaning: 'has never heard of you',
        source: 'declared',
        detail: 'declared in front matter',
        range: { start: { line: 2, character: 7 }, end: { line: 2, character: 14 } },
      });
      assert.equal(p.asks.length, 1);
      const ask = p.asks[0]!;
      assert.deepEqual(
        { text: ask.text, class: ask.class, level: ask.level, levelLabel: ask.levelLabel, kind: ask.kind, gap: ask.gap, finding: ask.finding, range: ask.range },
        { text: 'book a 30-minute demo', class: 'evaluate', level: 4, levelLabel: '4 TRUSTING', kind: 'question', gap: 4, finding: 'ask-exceeds-trust', range: { start: { line: 12, character: 9 }, end: { line: 12, character: 30 } } },
      );
      assert.match(ask.via, /^evaluate\.demo/);
      assert.deepEqual(p.findings, { total: 1, mismatches: 1, byRule: { 'ask-exceeds-trust': 1 }, bySeverity: { error: 0, warning: 1, information: 0, hint: 0 } });
      assert.equal(p.recommendation?.skill, 'writing-b2b-emails');
      assert.equal(p.recommendation?.explanation, "This is an email (declared); 1 ask exceeds the audience's trust → writing-b2b-emails, and check trust-building-principles");
      assert.deepEqual(p.recommendation?.path, [0, 0]);
      await lsp.close(uri);
    });

    test('a README is not a draft; a never-opened document has no profile', async () => {
      const uri = lsp.uri('README.md');
      await lsp.open(uri, '# Dockwise\n\nBook a demo today.\n');
      const p = (await lsp.connection.sendRequest('trustline/profile', { uri })) as DraftProfile;
      assert.deepEqual(p, { uri, version: 1, isDraft: false, skipped: 'out-of-scope', asks: [], findings: { total: 0, mismatches: 0, byRule: {}, bySeverity: { error: 0, warning: 0, information: 0, hint: 0 } } });
      await lsp.close(uri);
      assert.equal(await lsp.connection.sendRequest('trustline/profile', { uri: lsp.uri('emails/never.md') }), null);
      assert.equal(await lsp.connection.sendRequest('trustline/profile', { nonsense: true }), null);
    });

    test('profileChanged is sent after each analysis and on close, so the status bar stays current', async () => {
      const { uri, doc } = await openDraft('notify.md', COLD_EMAIL);
      await lsp.waitForNotification('trustline/profileChanged', (p) => (p as { uri: string; version?: number }).uri === uri && (p as { version?: number }).version === 1);
      const at = positionOf(COLD_EMAIL, 'Could we book a 30-minute demo next week?');
      await applyEdits(lsp, doc, [{ range: { start: at, end: { line: at.line, character: at.character + 'Could we book a 30-minute demo next week?'.length } }, newText: 'Take a look at the two-page teardown when you have a minute.' }]);
      await lsp.waitForNotification('trustline/profileChanged', (p) => (p as { uri: string; version?: number }).uri === uri && (p as { version?: number }).version === 2);
      const p = (await lsp.connection.sendRequest('trustline/profile', { uri })) as DraftProfile;
      assert.equal(p.version, 2);
      assert.equal(p.findings.mismatches, 0);
      await lsp.close(uri);
      await lsp.waitForNotification('trustline/profileChanged', (x) => (x as { uri: string; version?: number }).uri === uri && (x as { version?: number }).version === undefined);
    });
  });

  describe('trustline/setTrustEdit', () => {
    test('changes the declared value in place, in the same style, at the current version', async () => {
      const { uri, doc } = await openDraft('set-trust.md', COLD_EMAIL);
      const r = (await lsp.connection.sendRequest('trustline/setTrustEdit', { uri, level: 2 })) as SetTrustResult;
      assert.deepEqual(r, { uri, version: 1, edits: [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 14 } }, newText: 'interested' }] });
      const next = await applyEdits(lsp, doc, r.edits);
      assert.match(next.getText(), /^trust: interested {3}# bought list/m);
      const again = (await lsp.connection.sendRequest('trustline/setTrustEdit', { uri, level: 3 })) as SetTrustResult;
      assert.equal(again.version, 2);
      for (const level of [-1, 7, 1.5, '2', null]) assert.equal(await lsp.connection.sendRequest('trustline/setTrustEdit', { uri, level }), null, `level ${String(level)}`);
      await lsp.close(uri);
    });

    test('front matter that does not parse is not rewritten: no edit, and a reason', async () => {
      const text = `---\ntype: email\ntrust: [0\n---\n\nCould we book a demo next week?\n`;
      const { uri } = await openDraft('set-trust-broken.md', text);
      const r = (await lsp.connection.sendRequest('trustline/setTrustEdit', { uri, level: 2 })) as SetTrustResult;
      assert.deepEqual(r.edits, []);
      assert.match(r.reason ?? '', /front matter/);
      await lsp.close(uri);
    });
  });

  describe("the extension's own pages", () => {
    test('a skill opened from the library (preview, hover link) is never checked, but its skill names still hover', async () => {
      const file = path.join(ROOT, 'skills', 'writing-b2b-emails', 'SKILL.md');
      const uri = pathToFileURL(file).href;
      // Skills declare `trust-range:`; a copy edited to say `trust:` (which alone would opt a
      // draft in) must still never be checked when it is the extension's own page.
      const text = readFileSync(file, 'utf8').replace(/\ntrust-range: /, '\ntrust: ');
      assert.match(text, /^---\n[\s\S]*\ntrust: /);
      await lsp.open(uri, text);
      await lsp.fence();
      assert.deepEqual(lsp.publishesFor(uri).filter((p) => p.diagnostics.length > 0), []);
      const p = (await lsp.connection.sendRequest('trustline/profile', { uri })) as DraftProfile;
      assert.equal(p.isDraft, false);
      const at = positionOf(text, 'trust-building-principles', text.indexOf('\n---', 4));
      assert.match(markdownOf(await lsp.hover(uri, { line: at.line, character: at.character + 2 })), /^\*\*trust-building-principles\*\* \(tier 1, foundation\)/);
      await lsp.close(uri);
    });
  });

  describe('bad input', () => {
    test('hover and code actions on a never-opened or closed document: null and empty', async () => {
      const ghost = lsp.uri('emails/ghost.md');
      assert.equal(await lsp.hover(ghost, { line: 0, character: 0 }), null);
      assert.deepEqual(await lsp.codeActions(ghost, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, []), []);

      const { uri, diagnostics } = await openDraft('closed.md', COLD_EMAIL);
      await lsp.close(uri);
      const d = diagnostics.find(is('ask-exceeds-trust'))!;
      assert.equal(await lsp.hover(uri, d.range.start), null);
      assert.deepEqual(await lsp.codeActions(uri, d.range, [d]), []);
      assert.equal(await lsp.connection.sendRequest('trustline/setTrustEdit', { uri, level: 1 }), null);
    });

    test('positions past the end of the line or the document, and malformed positions: null', async () => {
      const { uri } = await openDraft('positions.md', COLD_EMAIL);
      assert.equal(await lsp.hover(uri, { line: 12, character: 500 }), null);
      assert.equal(await lsp.hover(uri, { line: 9999, character: 0 }), null);
      assert.equal(await lsp.hover(uri, { line: -1, character: 0 }), null);
      assert.equal(await lsp.hover(uri, { line: 1.5, character: 0 } as never), null);
      const far = { start: { line: 9000, character: 0 }, end: { line: 9001, character: 3 } };
      assert.deepEqual(await lsp.codeActions(uri, far, []), []);
      await lsp.close(uri);
    });

    test('a stale diagnostic (from before an edit) gets no actions; the current one gets versioned edits', async () => {
      const { uri, doc, diagnostics } = await openDraft('stale.md', COLD_EMAIL);
      const old = diagnostics.find(is('ask-exceeds-trust'))!;
      // Two lines inserted above the ask: the old diagnostic's range now points at other text.
      const next = await applyEdits(lsp, doc, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: 'A new line.\n\n' }]);
      // Asked before the server has analysed version 2: the answer must be computed on version 2 anyway.
      const stale = await lsp.codeActions(uri, old.range, [old]);
      assert.deepEqual(stale, [], 'nothing for a diagnostic that no longer matches the text');
      const fresh2 = await lsp.waitForDiagnostics(uri, (p) => p.version === next.version, 'version 2');
      const cur = fresh2.diagnostics.find(is('ask-exceeds-trust'))!;
      assert.equal(cur.range.start.line, old.range.start.line + 2);
      const actions = await lsp.codeActions(uri, cur.range, [cur]);
      assert.ok(actions.length > 0);
      for (const a of actions.filter((x) => x.edit)) assert.equal((a.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 2);
      // Forged data: right range and code, wrong ask text.
      const forged = { ...cur, data: { ...(cur.data as object), ask: { text: 'buy now' } } };
      assert.deepEqual(await lsp.codeActions(uri, cur.range, [forged]), []);
      // Diagnostics of other tools are not ours to fix.
      assert.deepEqual(await lsp.codeActions(uri, cur.range, [{ ...cur, source: 'markdownlint' }]), []);
      await lsp.close(uri);
    });

    test('malformed requests are answered empty and the server keeps running', async () => {
      const uri = lsp.uri('emails/malformed.md');
      await lsp.open(uri, COLD_EMAIL);
      const send = (method: string, params: unknown) => lsp.connection.sendRequest(method, params);
      assert.equal(await send('textDocument/hover', { textDocument: {}, position: null }), null);
      assert.equal(await send('textDocument/hover', { textDocument: { uri } }), null);
      assert.deepEqual(await send('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }), []);
      assert.deepEqual(await send('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [null, 7, { code: 'ask-exceeds-trust', source: 'trustline' }] } }), []);
      await lsp.fence();
      await lsp.close(uri);
    });
  });
});

describe('snippet edits: a rewrite slot the draft cannot fill, for clients that take snippets', () => {
  let lsp: LspHarness;
  before(async () => {
    lsp = await LspHarness.start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never } } });
  });
  after(async () => {
    await lsp?.stop();
  });

  test('the preferred rewrite arrives as a snippet with the asset as a placeholder to type over', async () => {
    const uri = lsp.uri('drafts/snippet.md');
    await lsp.open(uri, COLD_EMAIL);
    const { diagnostics } = await lsp.waitForDiagnostics(uri, (p) => p.version === 1, 'first diagnostics');
    const d = diagnostics.find((x) => x.code === 'ask-exceeds-trust')!;
    const preferred = (await lsp.codeActions(uri, d.range, [d])).find((a) => a.isPreferred)!;
    const change = preferred.edit!.documentChanges![0] as { edits: { range: unknown; snippet?: { kind: string; value: string }; newText?: string }[] };
    assert.deepEqual(change.edits.map((e) => e.snippet), [{ kind: 'snippet', value: 'Take a look at ${1:the two-page teardown} when you have a minute.' }]);
    assert.equal(change.edits[0]!.newText, undefined);
    await lsp.close(uri);
  });
});

describe('.trustline.yaml completion and hover', () => {
  let lsp: LspHarness;
  before(async () => {
    lsp = await LspHarness.start();
  });
  after(async () => {
    await lsp?.stop();
  });

  const labels = (items: { label: string }[]) => items.map((i) => i.label);

  test('top-level keys not yet in the file, then check ids, severities, ask classes, levels', async () => {
    const uri = lsp.uri('.trustline.yaml');
    const text = 'checks:\n  ask-exceeds-trust: \n  \ndefaultTrust: \nasks:\n  - phrase: "grab a slot"\n    class: \n\n';
    await lsp.open(uri, text, 1, 'yaml');
    const top = await lsp.completion(uri, { line: 7, character: 0 });
    assert.deepEqual(labels(top), ['drafts', 'lintAll', 'pressure', 'channels', 'maxFileSize', 'timeBudgetMs', 'maxFindings']);
    assert.ok(top.every((i) => i.kind === CompletionItemKind.Property));
    assert.match((top.find((i) => i.label === 'drafts')!.documentation as { value: string }).value, /Glob patterns/);

    const ids = await lsp.completion(uri, { line: 2, character: 2 });
    assert.deepEqual(labels(ids).sort(), [...CHECK_IDS].sort());
    assert.deepEqual(ids.find((i) => i.label === 'under-ask')!.textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: 'under-ask: ' });

    const sev = await lsp.completion(uri, { line: 1, character: 21 });
    assert.deepEqual(labels(sev), ['off', 'hint', 'information', 'warning', 'error']);

    const levels = await lsp.completion(uri, { line: 3, character: 14 });
    assert.deepEqual(labels(levels), ['0', '1', '2', '3', '4', '5', '6']);
    assert.equal(levels[6]!.detail, '5+ ADVOCATE: refers, reviews and speaks for you');

    const classes = await lsp.completion(uri, { line: 6, character: 11 });
    assert.deepEqual(labels(classes), ['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate']);

    const itemKeys = await lsp.completion(uri, { line: 5, character: 4 });
    assert.deepEqual(labels(itemKeys), ['phrase', 'class']);
    // Inside a quoted phrase or a comment: nothing.
    assert.deepEqual(await lsp.completion(uri, { line: 5, character: 16 }), []);
    await lsp.close(uri);
  });

  test('hover on a key shows its description from the schema', async () => {
    const uri = lsp.uri('.trustline.yml');
    await lsp.open(uri, 'checks:\n  under-ask: off\nlintAll: true\n', 1, 'yaml');
    const h = await lsp.hover(uri, { line: 1, character: 4 });
    assert.match(markdownOf(h), /^\*\*under-ask\*\*: The audience trusts you two or more levels above/);
    assert.match(markdownOf(await lsp.hover(uri, { line: 2, character: 2 })), /^\*\*lintAll\*\*: Lint every markdown file/);
    assert.equal(await lsp.hover(uri, { line: 1, character: 14 }), null);
    await lsp.close(uri);
  });

  test('no completion in drafts, and nothing for garbage', async () => {
    const uri = lsp.uri('emails/completion.md');
    await lsp.open(uri, COLD_EMAIL);
    assert.deepEqual(await lsp.completion(uri, { line: 12, character: 3 }), []);
    const cfg = lsp.uri('.trustline.yaml');
    await lsp.open(cfg, '{ checks: [', 1, 'yaml');
    assert.deepEqual(await lsp.completion(cfg, { line: 0, character: 11 }), []);
    assert.deepEqual(await lsp.completion(cfg, { line: 40, character: 0 }), []);
    await lsp.close(cfg);
    await lsp.close(uri);
  });
});
