/**
 * Can this be analysed at all? The one gate every host puts a document through before the
 * analysis: the language server with the text an editor holds, the CLI with a file's size before
 * reading it and its bytes after. A draft is short text; a file that is too large, binary or not
 * UTF-8 is something else, and is refused with the reason, never read as garbage.
 */

/** How far into a document to look for NUL characters (git's heuristic for a binary file). */
export const BINARY_PROBE = 8000;

/**
 * Why not: longer than `maxFileSize` characters (or, as bytes, than four bytes a character could
 * take), a NUL early on (binary), a UTF-16 byte order mark, or bytes that are not valid UTF-8.
 */
export interface Unanalyzable {
  ok: false;
  reason: 'too-large' | 'binary' | 'utf16' | 'not-utf8';
  message: string;
}

export type Gate = { ok: true; text: string } | Unanalyzable;

/**
 * The gate: `text` an editor holds, a file's `bytes` (decoded here, strictly as UTF-8), or only
 * its `size` in bytes (known before it is read; `text` is then empty). The messages are short
 * and the host's to frame ("skipped: ..."); none quotes the document.
 */
export function analyzable(input: string | Uint8Array | { size: number }, maxFileSize: number): Gate {
  if (typeof input === 'string') return textGate(input, maxFileSize);
  // UTF-8 text is at least one byte per UTF-16 code unit, at most 4: a file this large cannot fit.
  const size = input instanceof Uint8Array ? input.length : input.size;
  if (size > maxFileSize * 4) return { ok: false, reason: 'too-large', message: `${size} bytes is over maxFileSize (${maxFileSize} characters)` };
  if (!(input instanceof Uint8Array)) return { ok: true, text: '' };
  const bytes = input;
  // UTF-16 is caught before the NUL probe: its ASCII characters are half NUL bytes.
  if (!utf16Bom(bytes) && bytes.subarray(0, BINARY_PROBE).includes(0)) return binary();
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') return decoded;
  return textGate(decoded, maxFileSize);
}

function textGate(text: string, maxFileSize: number): Gate {
  if (text.slice(0, BINARY_PROBE).includes('\u0000')) return binary();
  // Counted as the analysis counts it, without a byte order mark (Doc).
  const length = text.charCodeAt(0) === 0xfeff ? text.length - 1 : text.length;
  if (length > maxFileSize) return { ok: false, reason: 'too-large', message: `longer than maxFileSize (${maxFileSize} characters)` };
  return { ok: true, text };
}

/** A UTF-16 byte order mark, little- or big-endian. */
function utf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function binary(): Unanalyzable {
  return { ok: false, reason: 'binary', message: 'looks like a binary file (it holds NUL bytes)' };
}

/**
 * Strict UTF-8, without the byte order mark: a file in another encoding would be read as garbage,
 * so it is refused with the reason.
 */
export function decodeUtf8(bytes: Uint8Array): string | Unanalyzable {
  if (utf16Bom(bytes)) {
    return { ok: false, reason: 'utf16', message: 'not UTF-8: the file is UTF-16 (save it as UTF-8)' };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    return {
      ok: false,
      reason: 'not-utf8',
      message: `not UTF-8: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at line ${line} (offset ${at}) is not valid UTF-8; save the file as UTF-8`,
    };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let j = 1; j <= n; j++) if (i + j >= b.length || (b[i + j]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.min(i, b.length - 1);
}
