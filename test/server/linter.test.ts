// The linter's scheduling with a fake connection, for what the protocol cannot
// provoke on demand: an analysis that throws, and settings that arrive only after
// a newer edit or a close (the stale run must publish nothing).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { Analyzer } from '../../core/src/index';
import { nodeHost } from '../../core/node/index';
import { RuleDocs } from '../../server/src/diagnostics';
import { DocumentStore } from '../../server/src/documents';
import { Linter, type DocumentAnalyzer } from '../../server/src/linter';
import { Logger } from '../../server/src/logger';
import { DocumentSettingsCache } from '../../server/src/settings';
import { Workspace } from '../../server/src/workspace';
import { ROOT } from '../support/root';

const DRAFT = '---\ntype: email\ntrust: 0\n---\n\nHi Sam,\n\nCould we book a demo next week?\n';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A linter over a fake connection; `settings` controls when workspace/configuration answers. */
function setup(options: { createAnalyzer?: () => DocumentAnalyzer; settings?: () => Promise<unknown>; clock?: () => number } = {}) {
  const published: PublishDiagnosticsParams[] = [];
  const messages: { type: number; message: string }[] = [];
  const logs: string[] = [];
  const listeners: (() => void)[] = [];
  const notify = () => listeners.splice(0).forEach((l) => l());
  const connection = {
    sendDiagnostics: async (p: PublishDiagnosticsParams) => {
      published.push(p);
      notify();
    },
    sendNotification: async (_type: unknown, params: { type: number; message: string }) => {
      messages.push(params);
      notify();
    },
    workspace: { getConfiguration: options.settings ?? (async () => ({ debounceMs: 0 })) },
    console: {
      error: (m: string) => (logs.push(`error ${m}`), notify()),
      warn: (m: string) => (logs.push(`warn ${m}`), notify()),
      info: (m: string) => (logs.push(`info ${m}`), notify()),
      log: (m: string) => (logs.push(`log ${m}`), notify()),
    },
  } as unknown as Connection;
  const log = new Logger(connection.console);
  log.setTrace('verbose');
  const store = new DocumentStore(log);
  const workspace = new Workspace(nodeHost);
  workspace.setFolders([{ uri: pathToFileURL(ROOT).href, name: 'root' }]);
  const settings = new DocumentSettingsCache(connection, log, () => undefined, () => true);
  const linter = new Linter({ connection, log, store, settings, workspace, docs: new RuleDocs(ROOT), ...(options.createAnalyzer ? { createAnalyzer: options.createAnalyzer } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  /** Resolve when `check` holds, re-checked after every publish and log line. */
  const until = (check: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; logs: ${logs.slice(-5).join(' | ')}`)), 5000);
      const tryIt = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else listeners.push(tryIt);
      };
      tryIt();
    });
  const uri = pathToFileURL(path.join(ROOT, 'emails', 'unit.md')).href;
  const open = (text: string, version = 1) => {
    store.open({ textDocument: { uri, languageId: 'markdown', version, text } });
    linter.opened(uri);
  };
  const change = (text: string, version: number) => {
    store.change({ textDocument: { uri, version }, contentChanges: [{ text }] });
    linter.changed(uri);
  };
  const close = () => {
    store.close(uri);
    linter.closed(uri);
  };
  return { published, messages, logs, until, uri, open, change, close };
}

describe('linter scheduling', () => {
  test('an analysis that throws is logged with the URI and the next edit is analysed afresh', async () => {
    let calls = 0;
    const t = setup({
      createAnalyzer: () => {
        calls++;
        if (calls === 1) {
          return {
            analyze: () => {
              throw new Error('boom in a check');
            },
          };
        }
        return new Analyzer();
      },
    });
    t.open(DRAFT);
    await t.until(() => t.logs.some((l) => l.startsWith('error') && l.includes(t.uri) && l.includes('boom in a check')), 'the error log line');
    assert.deepEqual(t.published.filter((p) => p.diagnostics.length > 0), [], 'nothing published for the failed run');
    t.change(DRAFT + '\n', 2);
    await t.until(() => t.published.some((p) => p.version === 2 && p.diagnostics.length > 0), 'the next analysis');
    assert.equal(calls, 2, 'a fresh analyzer replaced the broken one');
  });

  test('a newer version arriving while the settings are awaited supersedes the older run', async () => {
    const answer = deferred<unknown>();
    const asked = deferred<void>();
    const t = setup({ settings: () => (asked.resolve(), answer.promise) });
    t.open(DRAFT, 1);
    // The v1 run has started and is blocked on its settings.
    await asked.promise;
    t.change(DRAFT.replace('Sam', 'Samantha'), 2);
    answer.resolve({ debounceMs: 0 });
    await t.until(() => t.published.length > 0, 'a publish');
    assert.deepEqual(
      t.published.map((p) => p.version),
      [2],
      'only the newest version is published',
    );
    assert.ok(t.logs.some((l) => l.includes('Dropped a stale run') && l.includes('version 1')));
  });

  test('a document closed while its settings are awaited publishes only the clearing', async () => {
    const answer = deferred<unknown>();
    const asked = deferred<void>();
    const t = setup({ settings: () => (asked.resolve(), answer.promise) });
    t.open(DRAFT, 1);
    await asked.promise;
    t.close();
    answer.resolve({ debounceMs: 0 });
    await t.until(() => t.logs.some((l) => l.includes('Dropped a stale run')), 'the dropped run');
    assert.deepEqual(
      t.published.map((p) => p.diagnostics),
      [[]],
    );
  });

  test('a draft over the time budget is told once, its old diagnostics cleared, and the next edit within budget is checked again', async () => {
    // A clock that is only read, never waited on: `slow` makes every read 20 s later than the last,
    // so the budget (10 s) is gone by the first block to read.
    let slow = false;
    let now = 0;
    const t = setup({ clock: () => (now += slow ? 20_000 : 0) });
    const long = (n: number) => DRAFT + Array.from({ length: n }, (_, i) => `\nParagraph ${i}: our yards cut dock waits.\n`).join('');
    t.open(long(40), 1);
    await t.until(() => t.published.some((p) => p.version === 1 && p.diagnostics.length > 0), 'the first diagnostics');
    slow = true;
    t.change(long(41), 2);
    await t.until(() => t.messages.length > 0 && t.published.at(-1)!.diagnostics.length === 0, 'the message and the clearing');
    t.change(long(42), 3);
    await t.until(() => t.logs.some((l) => l.includes('Still skipping') && l.includes('timeBudgetMs')), 'the second skip, logged only');
    assert.equal(t.messages.length, 1, 'told once per document');
    assert.match(t.messages[0]!.message, /^Trustline skipped unit\.md: checking it took longer than the trustline\.timeBudgetMs limit of 10,000 ms, so it shows no findings\. Raise the setting to check it\.$/);
    assert.equal(t.logs.filter((l) => l.startsWith('warn') && l.includes('timeBudgetMs')).length, 1);
    slow = false;
    t.change(long(43), 4);
    await t.until(() => t.published.some((p) => p.version === 4 && p.diagnostics.length > 0), 'diagnostics again');
  });
});
