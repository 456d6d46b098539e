/**
 * "linted 1,234 files..." on stderr, only when stderr is a terminal and the run has taken more
 * than a second; the line is cleared before anything else is printed, and at the end.
 */
export class Progress {
  private count = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private readonly delayMs = 1000,
  ) {}

  tick(): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.stream.write(`\r\u001b[2Ktrustline: linted ${this.count.toLocaleString('en-US')} ${this.count === 1 ? 'file' : 'files'}...`);
    this.shown = true;
  }

  /** Remove the progress line (before other output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
