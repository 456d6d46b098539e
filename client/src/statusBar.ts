/**
 * The status bar item on drafts: "$(shield) Email · 0 UNKNOWN · 1 mismatch". Hidden
 * for anything that is not a draft. It follows the active editor and every analysis
 * of its document (the server's profileChanged notification), and it sets the
 * `trustline.isDraft` context key the commands' `when` clauses use. Click: Recommend skill.
 */
import * as vscode from 'vscode';
import type { DraftProfile } from '../../core/src/client';
import { Commands, ContextKeys } from './constants';
import { currentMarkdownDocument } from './editors';
import type { TrustlineClient } from './languageClient';
import { statusBarText, statusBarTooltip } from './logic/format';

export class DraftStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Each refresh takes a ticket; an answer for an older ticket is dropped (the editor moved on). */
  private ticket = 0;
  private isDraft: boolean | undefined;
  /** The document shown, to follow its profile changes. */
  private shown: string | undefined;

  constructor(private readonly client: TrustlineClient) {
    this.item = vscode.window.createStatusBarItem('trustline.draft', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Trustline draft';
    this.item.command = Commands.recommendSkill;
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      client.onDidChangeProfile((uri) => {
        if (uri.toString() === this.shown || uri.toString() === currentMarkdownDocument()?.uri.toString()) void this.refresh();
      }),
      client.onDidChangeState(() => void this.refresh()),
    );
  }

  /** Ask the server about the current document and show (or hide) the item. */
  async refresh(): Promise<void> {
    const ticket = ++this.ticket;
    const doc = currentMarkdownDocument();
    const profile = doc ? await this.client.profile(doc.uri) : null;
    if (ticket !== this.ticket) return;
    this.shown = doc?.uri.toString();
    this.show(profile);
  }

  private show(profile: DraftProfile | null): void {
    const text = statusBarText(profile);
    if (!text || !profile) {
      this.item.hide();
      this.setDraft(false);
      return;
    }
    this.item.text = text;
    const tooltip = new vscode.MarkdownString(statusBarTooltip(profile));
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: text.replace(/\$\([^)]*\)\s*/g, 'Trustline: ').replace(/ · /g, ', '), role: 'button' };
    this.item.show();
    this.setDraft(true);
  }

  private setDraft(value: boolean): void {
    if (this.isDraft === value) return;
    this.isDraft = value;
    void vscode.commands.executeCommand('setContext', ContextKeys.isDraft, value);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
