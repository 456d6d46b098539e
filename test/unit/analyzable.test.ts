// The one gate before an analysis (core/src/analyzable.ts), which the language server puts the
// editor's text through and the CLI a file's size and bytes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzable } from '../../core/src/index';

describe('analyzable', () => {
  test('text: binary when a NUL comes early, too large over maxFileSize characters (a byte order mark not counted)', () => {
    assert.deepEqual(analyzable('Hi Tom,', 1000), { ok: true, text: 'Hi Tom,' });
    assert.deepEqual(analyzable(`${'a'.repeat(7999)}\u0000`, 1_000_000), { ok: false, reason: 'binary', message: 'looks like a binary file (it holds NUL bytes)' });
    assert.equal(analyzable(`${'a'.repeat(8000)}\u0000`, 1_000_000).ok, true, 'a NUL past the probe is text');
    assert.deepEqual(analyzable('a'.repeat(1001), 1000), { ok: false, reason: 'too-large', message: 'longer than maxFileSize (1000 characters)' });
    assert.equal(analyzable(`\ufeff${'a'.repeat(1000)}`, 1000).ok, true);
    // Binary is said first: a long binary file is binary.
    assert.equal((analyzable(`\u0000${'a'.repeat(2000)}`, 1000) as { reason: string }).reason, 'binary');
  });

  test('a size alone: refused over four bytes a character, else nothing is known yet', () => {
    assert.deepEqual(analyzable({ size: 4001 }, 1000), { ok: false, reason: 'too-large', message: '4001 bytes is over maxFileSize (1000 characters)' });
    assert.deepEqual(analyzable({ size: 4000 }, 1000), { ok: true, text: '' });
  });

  test('bytes: UTF-16 and invalid UTF-8 refused with the reason, NUL bytes binary, UTF-8 decoded without its byte order mark', () => {
    assert.deepEqual(analyzable(Buffer.from('\ufeffHé 🚀', 'utf8'), 1000), { ok: true, text: 'Hé 🚀' });
    assert.deepEqual(analyzable(Buffer.from('\ufeffHi', 'utf16le'), 1000), { ok: false, reason: 'utf16', message: 'not UTF-8: the file is UTF-16 (save it as UTF-8)' });
    assert.equal((analyzable(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 1000) as { reason: string }).reason, 'binary');
    assert.deepEqual(analyzable(Buffer.from([0x61, 0x0a, 0x62, 0xf0, 0x9f, 0x0a]), 1000), {
      ok: false,
      reason: 'not-utf8',
      message: 'not UTF-8: byte 0xf0 at line 2 (offset 3) is not valid UTF-8; save the file as UTF-8',
    });
    assert.equal((analyzable(Buffer.from('a'.repeat(1001)), 1000) as { reason: string }).reason, 'too-large');
  });
});
