// The server survives its client's framing (issue 11): the bundled dist/server.js over stdio, fed
// raw bytes. A Content-Length that is too large or too small, a header block without one, one
// that is not a number, and bytes that are no message at all: the first problem is logged once
// (stderr and window/logMessage), later ones are not, every request still gets its answer, and
// the server ends cleanly on shutdown and exit. Every wait is on an event (an answer, a publish).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FramingGuard } from '../../server/src/framing';
import { SERVER_JS } from './lsp-harness';

const TIMEOUT_MS = 10_000;
const DRAFT = '---\ntype: email\ntrust: 0\n---\n\nHi Sam,\n\nCould we book a demo next week?\n';

type Message = { id?: number; method?: string; params?: { type?: number; message?: string; uri?: string; diagnostics?: unknown[] }; result?: unknown; error?: unknown };

/** A server on stdio that the test writes raw bytes to, and reads well-framed messages from. */
class RawServer {
  readonly messages: Message[] = [];
  stderr = '';
  exit: Promise<number | null>;
  private out = Buffer.alloc(0);
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private readonly proc: ChildProcess;

  constructor(readonly workspace: string) {
    this.proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exit = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.out = Buffer.concat([this.out, d]);
      for (;;) {
        const end = this.out.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.out.subarray(0, end).toString())![1]);
        if (this.out.length < end + 4 + length) return;
        const message = JSON.parse(this.out.subarray(end + 4, end + 4 + length).toString()) as Message;
        this.out = this.out.subarray(end + 4 + length);
        this.messages.push(message);
        for (const w of [...this.waiters]) {
          if (w.test(message)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(message);
          }
        }
      }
    });
  }

  write(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** One message, framed as `delta` bytes longer (or shorter) than it is. */
  frame(message: object, delta = 0): Buffer {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length + delta}\r\n\r\n`), body]);
  }

  send(message: object, delta = 0): void {
    this.write(this.frame(message, delta));
  }

  waitFor(test: (m: Message) => boolean, what: string): Promise<Message> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; received: ${JSON.stringify(this.messages.slice(-5))}; stderr: ${this.stderr}`)), TIMEOUT_MS);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  answer(id: number): Promise<Message> {
    return this.waitFor((m) => m.id === id && m.method === undefined, `the answer to request ${id}`);
  }

  hover(id: number, delta = 0): void {
    this.send({ id, method: 'textDocument/hover', params: { textDocument: { uri: pathToFileURL(path.join(this.workspace, 'emails', 'x.md')).href }, position: { line: 0, character: 0 } } }, delta);
  }

  framingLogs(): Message[] {
    return this.messages.filter((m) => m.method === 'window/logMessage' && /Malformed message framing/.test(m.params?.message ?? ''));
  }

  kill(): void {
    this.proc.kill();
  }
}

describe('the server survives its client: message framing', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'trustline-framing-'));
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  async function started(): Promise<RawServer> {
    const s = new RawServer(workspace);
    const folder = pathToFileURL(workspace).href;
    s.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'w' }], capabilities: {} } });
    await s.answer(1);
    s.send({ method: 'initialized', params: {} });
    return s;
  }

  async function endsCleanly(s: RawServer): Promise<void> {
    // Still analysing drafts after the abuse, then a clean shutdown and exit (code 0).
    const uri = pathToFileURL(path.join(workspace, 'emails', 'after.md')).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } } });
    await s.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && (m.params.diagnostics?.length ?? 0) > 0, 'diagnostics for a draft');
    s.send({ id: 999, method: 'shutdown' });
    await s.answer(999);
    s.send({ method: 'exit' });
    assert.equal(await s.exit, 0);
  }

  for (const [name, delta] of [
    ['too large', 40],
    ['too small', -7],
  ] as const) {
    test(`a Content-Length ${name}, then another request: both answered, the problem logged once`, async () => {
      const s = await started();
      try {
        s.hover(2, delta);
        s.hover(3);
        assert.equal((await s.answer(2)).error, undefined);
        assert.equal((await s.answer(3)).error, undefined);
        // A second problem is not logged again.
        s.hover(4, delta);
        s.hover(5);
        await s.answer(4);
        await s.answer(5);
        const logs = s.framingLogs();
        assert.equal(logs.length, 1, JSON.stringify(logs));
        assert.equal(logs[0]!.params!.type, 1, 'an error in the client log');
        assert.match(logs[0]!.params!.message!, /^Malformed message framing from the editor: a Content-Length of \d+ that does not match the message after it; the message was read up to the next header and answered\. Later framing problems are not logged\.$/);
        assert.equal(s.stderr.match(/Malformed message framing/g)?.length, 1, s.stderr);
        await endsCleanly(s);
      } finally {
        s.kill();
      }
    });
  }

  test('a Content-Length too large with nothing after it: the editor waiting for its answer still gets it', async () => {
    const s = await started();
    try {
      s.hover(2, 100);
      assert.equal((await s.answer(2)).error, undefined);
      assert.match(s.framingLogs()[0]!.params!.message!, /a Content-Length of \d+ with only \d+ bytes sent; the message was read as sent and answered/);
      await endsCleanly(s);
    } finally {
      s.kill();
    }
  });

  test('garbage, a header block without a Content-Length, and one that is not a number: read past, the rest answered', async () => {
    const s = await started();
    try {
      s.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      s.hover(2);
      await s.answer(2);
      s.write('Content-Type: application/vscode-jsonrpc\r\n\r\n');
      s.hover(3);
      await s.answer(3);
      s.write(`Content-Length: lots\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'shutdown-not' })}`);
      s.hover(5);
      // The message after the bad header is still read (up to the next header) and answered.
      assert.ok((await s.answer(4)).error, 'an unknown method: an error answer, but an answer');
      await s.answer(5);
      assert.equal(s.framingLogs().length, 1);
      await endsCleanly(s);
    } finally {
      s.kill();
    }
  });
});

describe('FramingGuard', () => {
  /** Feed chunks through a guard; the well-framed bytes out, and what it reported. */
  async function through(chunks: (string | Buffer)[], stallMs = 1000): Promise<{ out: string; reports: string[]; problems: number }> {
    const reports: string[] = [];
    const guard = new FramingGuard({ report: (m) => reports.push(m), stallMs });
    const out: Buffer[] = [];
    guard.on('data', (d: Buffer) => out.push(d));
    const ended = new Promise((resolve) => guard.on('end', resolve));
    for (const c of chunks) guard.write(c);
    guard.end();
    await ended;
    return { out: Buffer.concat(out).toString(), reports, problems: guard.problems };
  }
  const framed = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;

  test('well-framed messages pass through unchanged, however they are cut into chunks', async () => {
    const text = framed('{"jsonrpc":"2.0","id":1,"method":"a","params":{"t":"é 🚀 Content-Length: 3"}}') + framed('{"jsonrpc":"2.0","id":2}');
    const bytes = Buffer.from(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const r = await through(chunks);
      assert.equal(r.out, text, `chunks of ${size}`);
      assert.deepEqual(r.reports, []);
    }
  });

  test('a message with a wrong length is passed on with the right one', async () => {
    const body = '{"jsonrpc":"2.0","id":1}';
    for (const length of [body.length - 3, body.length + 5]) {
      const r = await through([framed(body, length), framed('{"id":2}')]);
      assert.equal(r.out, framed(body) + framed('{"id":2}'), `length ${length}`);
      assert.equal(r.problems, 1);
    }
  });

  test('a huge declared length is not waited for', async () => {
    const r = await through([`Content-Length: 999999999999\r\n\r\n{"id":1}`, framed('{"id":2}')]);
    assert.equal(r.out, framed('{"id":1}') + framed('{"id":2}'));
    assert.match(r.reports[0]!, /more than the \d+ bytes a message may have/);
  });
});
