import * as vscode from 'vscode';
import { back, choose, start, type WalkState } from '../../../core/src/client';
import { currentMarkdownDocument } from '../editors';
import type { TrustlineClient } from '../languageClient';
import { walkView } from '../logic/walk';
import { render, type ActionItem } from '../quickPick';
import { openSkillPreview } from '../skills';

/**
 * `Trustline: Recommend Skill`: a quick-pick walk through the playbook's decision
 * trees (and its "I want to..." list). With a draft open, it starts from what the
 * draft is and what its findings say: the recommended skill first, with why, and
 * the options that fit the draft starred. The chosen skill opens in the preview.
 * Resolves with the skill opened, or undefined when the writer cancelled.
 */
export async function recommendSkill(client: TrustlineClient, extensionUri: vscode.Uri): Promise<string | undefined> {
  const doc = currentMarkdownDocument();
  const profile = doc ? await client.profile(doc.uri) : null;
  const recommendation = profile?.isDraft ? (profile.recommendation ?? null) : null;
  let state: WalkState = recommendation?.walk ?? start();

  const qp = vscode.window.createQuickPick<ActionItem>();
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = false;
  const show = () => render(qp, walkView(state, recommendation));
  show();

  return new Promise<string | undefined>((resolve) => {
    let opened: string | undefined;
    const open = (skill: string) => {
      opened = skill;
      qp.hide();
    };
    qp.onDidTriggerButton((button) => {
      if (button !== vscode.QuickInputButtons.Back) return;
      state = back(state);
      show();
    });
    qp.onDidAccept(() => {
      const action = qp.selectedItems[0]?.action;
      if (!action) return;
      if (action.kind === 'open') return open(action.skill);
      if (action.kind !== 'choose') return;
      state = choose(state, action.index);
      // A leaf naming one skill and nothing beside it: open it; otherwise list what the leaf names.
      if (state.kind === 'result' && state.skills.length === 1 && state.also.length === 0) return open(state.skills[0]!);
      show();
    });
    qp.onDidHide(() => {
      qp.dispose();
      if (opened) void openSkillPreview(extensionUri, opened).then(() => resolve(opened));
      else resolve(undefined);
    });
    qp.show();
  });
}
