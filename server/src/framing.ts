/**
 * A guard between stdin and the protocol reader when the server runs with --stdio.
 *
 * vscode-jsonrpc trusts each `Content-Length` header: one that is too large makes it wait for
 * bytes that never come (or swallow the next messages), one that is too small or missing leaves
 * it reading the rest of a message as headers, and from then on it reads nothing sensible again.
 * Either way the server stayed alive but deaf, and nothing was logged.
 *
 * This stream passes every well-formed message through unchanged (a header block with a
 * Content-Length, then that many bytes of a JSON object). Anything else is a framing problem:
 * the first one is reported (stderr and the client's log), and the guard finds its way back to
 * the next `Content-Length:` header. A message whose length was wrong but whose body is still
 * a whole JSON object (the bytes up to the next header, or, when nothing more comes, the bytes
 * received) is passed on with the right length, so the client gets its answer; bytes that are
 * no message at all are dropped. The server never waits silently: a message still incomplete
 * after `stallMs` without new bytes is reported too.
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface FramingGuardOptions {
  /** Told about the first framing problem only; later ones are counted in `problems`. */
  report(message: string): void;
  /** Quiet time after which an incomplete message is looked at again (its Content-Length may be too large). */
  stallMs?: number;
  /** Larger declared messages are a framing problem (a 10,000,000-character draft, escaped, fits). */
  maxMessageBytes?: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
/** Header blocks are a few dozen bytes; this many bytes without an end is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
const MARKERS = [Buffer.from('Content-Length:'), Buffer.from('content-length:'), Buffer.from('CONTENT-LENGTH:')];
const HEADER_START = /^(?:content-length|content-type)[ \t]*:/i;

export class FramingGuard extends Transform {
  /** Framing problems seen (the first was reported). */
  problems = 0;
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes the message at the head of the buffer needs in all, once its header was read. */
  private need = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stallMs: number;
  private readonly maxMessageBytes: number;

  constructor(private readonly options: FramingGuardOptions) {
    super();
    this.stallMs = options.stallMs ?? 1000;
    this.maxMessageBytes = options.maxMessageBytes ?? 256 * 1024 * 1024;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.clearTimer();
    this.chunks.push(chunk);
    this.size += chunk.length;
    // A large message arrives in many chunks: gather them without copying until it is whole.
    if (this.need === 0 || this.size >= this.need) this.drain(false);
    else this.armTimer();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.clearTimer();
    this.drain(true);
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.clearTimer();
    done(error);
  }

  /** Pass on every whole message at the head of the buffer; `stalled`: nothing more is coming for now. */
  private drain(stalled: boolean): void {
    let buf = this.takeBuffered();
    this.need = 0;
    for (;;) {
      // Blank lines between messages are harmless: skipped without a word.
      let skip = 0;
      while (skip < buf.length && (buf[skip] === 0x0d || buf[skip] === 0x0a || buf[skip] === 0x20)) skip++;
      if (skip > 0) buf = buf.subarray(skip);
      if (buf.length === 0) break;
      const head = buf.subarray(0, 32).toString('latin1');
      // The start of a header cut short by a chunk boundary: wait for the rest.
      if (buf.length < 16 && 'content-length:'.startsWith(head.toLowerCase())) break;
      if (!HEADER_START.test(head)) {
        // Not a header: bytes left over from a bad message, or garbage.
        const rest = this.recover(buf, 0, stalled, 'bytes that are not a message header');
        if (rest === undefined) break;
        buf = rest;
        continue;
      }
      const end = buf.indexOf(HEADER_END);
      if (end < 0) {
        if (buf.length > MAX_HEADER_BYTES) {
          buf = this.recover(buf, 0, true, `a header block of more than ${MAX_HEADER_BYTES} bytes`) ?? Buffer.alloc(0);
          continue;
        }
        break; // the rest of the header is on its way
      }
      const declared = contentLength(buf.subarray(0, end).toString('latin1'));
      const length = typeof declared === 'number' && declared > this.maxMessageBytes ? `a Content-Length of ${declared}, more than the ${this.maxMessageBytes} bytes a message may have` : declared;
      const bodyStart = end + HEADER_END.length;
      if (typeof length === 'string') {
        const rest = this.recover(buf, bodyStart, stalled, length);
        if (rest === undefined) break;
        buf = rest;
        continue;
      }
      if (buf.length < bodyStart + length) {
        if (stalled) {
          // Nothing more came: if what did come is a whole message, the length was too large.
          const rest = this.recover(buf, bodyStart, true, `a Content-Length of ${length} with only ${buf.length - bodyStart} bytes sent`, true);
          if (rest === undefined) break;
          buf = rest;
          continue;
        }
        this.need = bodyStart + length;
        break;
      }
      const body = buf.subarray(bodyStart, bodyStart + length);
      if (isMessage(body)) {
        this.push(buf.subarray(0, bodyStart + length));
        buf = buf.subarray(bodyStart + length);
        continue;
      }
      const rest = this.recover(buf, bodyStart, stalled, `a Content-Length of ${length} that does not match the message after it`);
      if (rest === undefined) break;
      buf = rest;
    }
    if (buf.length > 0) {
      this.chunks = [buf];
      this.size = buf.length;
      // After a stalled look, only new bytes trigger the next one: no timer loop while waiting.
      if (!stalled) this.armTimer();
    }
  }

  /**
   * After a framing problem at the head of `buf`, whose message (if any) starts at `from`: pass on
   * that message with its real length when the bytes up to the next header (or, once nothing more
   * is coming, all the bytes) are one JSON object; drop the bytes that are not. Returns the buffer
   * from the next header on, or undefined to wait for more bytes (nothing is lost by waiting).
   */
  private recover(buf: Buffer, from: number, stalled: boolean, what: string, waitIfNone = false): Buffer | undefined {
    const markers = markersIn(buf, Math.max(from, 1));
    for (const at of markers) {
      const body = buf.subarray(from, at);
      if (isMessage(body)) {
        this.problem(`${what}; the message was read up to the next header and answered.`);
        this.pushFramed(body);
        return buf.subarray(at);
      }
    }
    if (!stalled) {
      // The message may still be arriving; wait, but never in silence.
      if (markers.length === 0) return undefined;
    }
    if (markers.length === 0) {
      const body = buf.subarray(from);
      if (isMessage(body)) {
        this.problem(`${what}; the message was read as sent and answered.`);
        this.pushFramed(body);
        return Buffer.alloc(0);
      }
      if (waitIfNone) {
        this.problem(`${what}; still waiting for the rest (if the editor is waiting for an answer, its Content-Length is wrong).`);
        return undefined;
      }
      this.problem(`${what}; ${buf.length} bytes that hold no message were dropped.`);
      return Buffer.alloc(0);
    }
    this.problem(`${what}; ${markers[0]!} bytes that hold no message were dropped, reading goes on at the next header.`);
    return buf.subarray(markers[0]!);
  }

  private pushFramed(body: Buffer): void {
    const trimmed = Buffer.from(body.toString('utf8').trim(), 'utf8');
    this.push(Buffer.concat([Buffer.from(`Content-Length: ${trimmed.length}\r\n\r\n`, 'latin1'), trimmed]));
  }

  private problem(message: string): void {
    this.problems++;
    if (this.problems === 1) this.options.report(`Malformed message framing from the editor: ${message} Later framing problems are not logged.`);
  }

  private takeBuffered(): Buffer {
    const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    return buf;
  }

  private armTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain(true);
    }, this.stallMs);
    // An incomplete message must not keep the process alive after stdin closes.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The Content-Length of a header block, or why the block has none that can be used. */
function contentLength(block: string): number | string {
  let value: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a header line without a colon (${JSON.stringify(line.slice(0, 40))})`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
  }
  if (value === undefined) return 'a header block without a Content-Length';
  if (!/^\d{1,12}$/.test(value)) return `a Content-Length that is not a number of bytes (${JSON.stringify(value.slice(0, 20))})`;
  return Number(value);
}

/** Where a Content-Length header could start, from `from` on, in order. */
function markersIn(buf: Buffer, from: number): number[] {
  const out = new Set<number>();
  for (const m of MARKERS) {
    for (let at = buf.indexOf(m, from); at >= 0; at = buf.indexOf(m, at + 1)) out.add(at);
  }
  return [...out].sort((a, b) => a - b);
}

/** A JSON object (what every JSON-RPC message is), possibly surrounded by whitespace. */
function isMessage(body: Buffer): boolean {
  if (body.length === 0) return false;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
