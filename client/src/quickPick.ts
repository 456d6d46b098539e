/** Rendering a PickView (logic/walk.ts) as a vscode.QuickPick. The only vscode-facing part of the pickers. */
import * as vscode from 'vscode';
import type { PickAction, PickItem, PickView } from './logic/walk';

export interface ActionItem extends vscode.QuickPickItem {
  action: PickAction;
}

function toItem(p: PickItem): ActionItem {
  if (p.separator) return { label: p.label, kind: vscode.QuickPickItemKind.Separator, action: p.action };
  const item: ActionItem = { label: p.label, action: p.action };
  if (p.description) item.description = p.description;
  if (p.detail) item.detail = p.detail;
  return item;
}

/** Show a view in a quick pick (reused across the steps of a walk). */
export function render(qp: vscode.QuickPick<ActionItem>, view: PickView): void {
  qp.title = view.title;
  qp.placeholder = view.placeholder;
  qp.value = '';
  const items = view.items.map(toItem);
  qp.items = items;
  qp.buttons = view.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const active = view.items.findIndex((p) => p.active);
  const first = items[active >= 0 ? active : view.items.findIndex((p) => !p.separator)];
  qp.activeItems = first ? [first] : [];
}

/** A one-step pick: resolves with the chosen item's action, or undefined when dismissed. */
export function pickOnce(view: PickView): Promise<PickAction | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<ActionItem>();
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    render(qp, view);
    let chosen: PickAction | undefined;
    qp.onDidAccept(() => {
      chosen = qp.selectedItems[0]?.action;
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(chosen);
    });
    qp.show();
  });
}
