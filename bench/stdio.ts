/**
 * What a writer feels, measured over stdio against the bundled dist/server.js: open to first
 * diagnostics, keystroke to diagnostics while typing in the middle of a long draft (debounce 0:
 * the engine; the default debounce: what a writer sees once they pause), and the server's memory
 * with many drafts open.
 */
import { readFileSync } from 'node:fs';
import { LspHarness } from '../test/server/lsp-harness';
import { makeDraft } from './drafts';

export interface StdioResults {
  /** Open to diagnostics for the first draft (100 words) of a server just started. */
  firstOpenMs: number;
  characters: number;
  defaultDebounceMs: number;
  keystrokes: { words: number; openMs: number; p50: number; p95: number; defaultDebounce?: { p50: number; p95: number } }[];
  rss: { drafts: number; mib: number; baselineMib: number };
}

const DEFAULT_DEBOUNCE_MS = 200;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2);
}

function rssMib(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

function pidOf(h: LspHarness): number | undefined {
  return (h as unknown as { proc: { pid?: number } }).proc.pid;
}

/** The diagnostics of version 1 of `uri`: the first check of a draft just opened. */
function firstCheck(h: LspHarness, uri: string): Promise<unknown> {
  return h.waitForDiagnostics(uri, (p) => p.version === 1, 'open', 120_000);
}

/** Open `uri` and wait for its first check. */
async function openChecked(h: LspHarness, uri: string, text: string): Promise<void> {
  await h.open(uri, text, 1);
  await firstCheck(h, uri);
}

/** Type `count` characters one at a time in the middle of `uri`, each waited for; the latencies. */
async function type(h: LspHarness, uri: string, text: string, firstVersion: number, count: number): Promise<number[]> {
  const lines = text.split('\n');
  // The middle line of prose: typing into a paragraph, not a heading or a blank line.
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[A-Za-z]/.test(lines[line]!)) line++;
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    const version = firstVersion + k;
    const t0 = performance.now();
    await h.change(uri, version, [{ range: { start: { line, character: k }, end: { line, character: k } }, text: 'x' }]);
    await h.waitForDiagnostics(uri, (p) => p.version === version, `keystroke ${k}`, 120_000);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function measureStdio(o: { quick: boolean; examples: string; log: (s: string) => void }): Promise<StdioResults> {
  const characters = o.quick ? 30 : 200;
  const sizes = o.quick ? [1000] : [1000, 10000, 100000];
  const out: StdioResults = { firstOpenMs: NaN, characters, defaultDebounceMs: DEFAULT_DEBOUNCE_MS, keystrokes: [], rss: { drafts: 0, mib: NaN, baselineMib: NaN } };
  const h = await LspHarness.start();
  try {
    h.globalSettings = { debounceMs: 0, maxFileSize: 10_000_000 };
    await h.configurationChanged();
    // The first draft a just-started server checks also pays for loading and compiling the
    // engine and the tagger's model: measured apart, on a 100-word draft.
    const first = h.uri('drafts/first.md');
    const t1 = performance.now();
    await openChecked(h, first, makeDraft(o.examples, 'email', 100));
    out.firstOpenMs = +(performance.now() - t1).toFixed(1);
    o.log(`  first draft on a fresh server (100 words): ${out.firstOpenMs} ms`);
    await h.close(first);
    for (const words of sizes) {
      const text = makeDraft(o.examples, 'email', words);
      const uri = h.uri(`drafts/email-${words}.md`);
      const t0 = performance.now();
      await openChecked(h, uri, text);
      const openMs = +(performance.now() - t0).toFixed(1);
      const times = await type(h, uri, text, 2, characters);
      out.keystrokes.push({ words, openMs, p50: percentile(times, 50), p95: percentile(times, 95) });
      o.log(`  ${words} words: open ${openMs} ms, keystroke p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms (debounce 0)`);
      await h.close(uri);
    }
    if (!o.quick) {
      h.globalSettings = { debounceMs: DEFAULT_DEBOUNCE_MS, maxFileSize: 10_000_000 };
      await h.configurationChanged();
      for (const k of out.keystrokes) {
        const text = makeDraft(o.examples, 'email', k.words);
        const uri = h.uri(`drafts/email-${k.words}-debounced.md`);
        await openChecked(h, uri, text);
        const times = await type(h, uri, text, 2, characters);
        k.defaultDebounce = { p50: percentile(times, 50), p95: percentile(times, 95) };
        o.log(`  ${k.words} words: keystroke p50 ${k.defaultDebounce.p50} ms, p95 ${k.defaultDebounce.p95} ms (default debounce)`);
        await h.close(uri);
      }
    }
  } finally {
    await h.stop();
  }
  // Memory: a fresh server, then many drafts open at once, each different.
  const m = await LspHarness.start();
  try {
    m.globalSettings = { debounceMs: 0 };
    await m.configurationChanged();
    const warm = m.uri('drafts/warm.md');
    await openChecked(m, warm, makeDraft(o.examples, 'email', 100));
    await m.close(warm);
    out.rss.baselineMib = rssMib(pidOf(m));
    const drafts = o.quick ? 20 : 200;
    const uris: string[] = [];
    for (let i = 0; i < drafts; i++) {
      const uri = m.uri(`drafts/open-${i}.md`);
      uris.push(uri);
      await m.open(uri, makeDraft(o.examples, (['email', 'landing-page', 'social', 'blog', 'ad'] as const)[i % 5], 1000, i + 1), 1);
    }
    for (const uri of uris) await firstCheck(m, uri);
    out.rss = { drafts, mib: rssMib(pidOf(m)), baselineMib: out.rss.baselineMib };
    o.log(`  ${drafts} drafts open: RSS ${out.rss.mib} MiB (${out.rss.baselineMib} MiB with one checked and closed)`);
  } finally {
    await m.stop();
  }
  return out;
}
