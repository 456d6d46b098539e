import * as vscode from 'vscode';
import { currentMarkdownDocument } from '../editors';
import type { TrustlineClient } from '../languageClient';
import { skillPickView } from '../logic/walk';
import { pickOnce } from '../quickPick';
import { openSkillPreview } from '../skills';

/**
 * `trustline.openSkill`: with a skill name (the "Open the ... skill" code action,
 * hover links), opens it in the preview; without one (`Trustline: Open Skill...`),
 * lets the writer pick from the library, grouped by tier, the open draft's skills starred.
 */
export async function openSkill(client: TrustlineClient, extensionUri: vscode.Uri, name?: unknown): Promise<string | undefined> {
  if (name !== undefined) return (await openSkillPreview(extensionUri, name)) ? (name as string) : undefined;
  const doc = currentMarkdownDocument();
  const profile = doc ? await client.profile(doc.uri) : null;
  const rec = profile?.isDraft ? profile.recommendation : undefined;
  const starred = rec?.skill ? [rec.skill, ...rec.also, ...rec.check] : [];
  const action = await pickOnce(skillPickView(starred));
  if (action?.kind !== 'open') return undefined;
  return (await openSkillPreview(extensionUri, action.skill)) ? action.skill : undefined;
}
