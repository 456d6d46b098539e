/**
 * The virtual documents behind Show draft profile: `trustline-profile:/<name> profile.md?<draft uri>`,
 * rendered by the markdown preview. Their content is the server's profile of the draft as markdown
 * (logic/format.ts), refreshed whenever the server says the draft's profile changed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PROFILE_SCHEME } from './constants';
import type { TrustlineClient } from './languageClient';
import { profileMarkdown } from './logic/format';

export class ProfileDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: TrustlineClient) {
    this.subscriptions.push(
      client.onDidChangeProfile((draft) => {
        const key = draft.toString();
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === PROFILE_SCHEME && doc.uri.query === key) this.emitter.fire(doc.uri);
        }
      }),
    );
  }

  /** The profile page of a draft. */
  uriFor(draft: vscode.Uri): vscode.Uri {
    const name = path.posix.basename(draft.path) || 'draft';
    return vscode.Uri.from({ scheme: PROFILE_SCHEME, path: `/${name} profile.md`, query: draft.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let draft: vscode.Uri;
    try {
      draft = vscode.Uri.parse(uri.query, true);
    } catch {
      return '# Draft profile\n\nThis page does not name a draft.\n';
    }
    const name = path.posix.basename(draft.path);
    const profile = await this.client.profile(draft);
    if (!profile) return `# Draft profile: ${name}\n\nThe draft is closed, or the Trustline server is not running. Open the draft and run **Trustline: Show Draft Profile** again.\n`;
    return profileMarkdown(profile, name);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
