/**
 * Levelled logging to the client's output channel ("Trustline").
 *
 * The verbosity follows `trustline.trace.server`, the same setting that makes
 * vscode-languageclient trace the protocol, so users have one knob:
 *   off      errors and warnings only (a broken config, a skipped document)
 *   messages + info (documents analysed, config files read)
 *   verbose  + debug (timings, block cache hits, every skip reason)
 */
import type { RemoteConsole } from 'vscode-languageserver/node';

export type TraceSetting = 'off' | 'messages' | 'verbose';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const THRESHOLD: Record<TraceSetting, number> = { off: RANK.warn, messages: RANK.info, verbose: RANK.debug };

export function parseTrace(raw: unknown): TraceSetting | undefined {
  return raw === 'off' || raw === 'messages' || raw === 'verbose' ? raw : undefined;
}

/** The server's only way to say something to a human; never writes to stdout (that is the protocol). */
export class Logger {
  private threshold = THRESHOLD.off;
  /** Messages said once per server lifetime (settings typos would otherwise repeat per document). */
  private said = new Set<string>();

  constructor(private readonly console: RemoteConsole) {}

  setTrace(trace: TraceSetting): void {
    this.threshold = THRESHOLD[trace];
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] <= this.threshold;
  }

  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err !== undefined ? `\n${String(err)}` : '';
    this.write('error', message + detail);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  info(message: string): void {
    this.write('info', message);
  }

  debug(message: string | (() => string)): void {
    // Debug messages may be costly to build (JSON of settings): only build them when shown.
    if (this.enabled('debug')) this.write('debug', typeof message === 'function' ? message() : message);
  }

  /** Log a message at most once for the life of the server. */
  once(level: LogLevel, message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.write(level, message);
  }

  private write(level: LogLevel, message: string): void {
    if (!this.enabled(level)) return;
    try {
      // The level travels as the message type, and VS Code's log channel prints it;
      // debug lines go as plain log lines, which every client shows as they are.
      if (level === 'error') this.console.error(message);
      else if (level === 'warn') this.console.warn(message);
      else if (level === 'info') this.console.info(message);
      else this.console.log(`[debug] ${message}`);
    } catch {
      // The connection may already be gone (shutdown); logging must never throw.
    }
  }
}
