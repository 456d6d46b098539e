// The progress line: only on a terminal, only once the run is long, and always cleared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from '../../cli/src/progress';

function fakeStream(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

test('nothing when stderr is not a terminal', () => {
  const f = fakeStream();
  const p = new Progress(f.stream, false, 0);
  for (let i = 0; i < 5; i++) p.tick();
  p.clear();
  assert.deepEqual(f.written, []);
});

test('nothing during the first second of a run', () => {
  const f = fakeStream();
  const p = new Progress(f.stream, true, 60_000);
  for (let i = 0; i < 5; i++) p.tick();
  p.clear();
  assert.deepEqual(f.written, []);
});

test('a long run on a terminal: one redrawn line, cleared at the end', () => {
  const f = fakeStream();
  const p = new Progress(f.stream, true, 0);
  p.tick();
  assert.deepEqual(f.written, ['\r\u001b[2Ktrustline: linted 1 file...']);
  p.clear();
  assert.equal(f.written.at(-1), '\r\u001b[2K');
  p.clear();
  assert.equal(f.written.length, 2, 'clearing twice writes nothing more');
});
