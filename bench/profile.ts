/**
 * Where the time of a full analysis goes: a CPU profile (node:inspector, in this process) of
 * `runs` analyses of one draft, its self time summed by part of the pipeline (by source file)
 * and by function.
 */
import { Session } from 'node:inspector';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../core/src/index';
import { forgetReadings } from '../core/src/asks/tagger';
import { ROOT } from '../test/support/root';

export interface ProfileSummary {
  runs: number;
  totalMs: number;
  parts: { part: string; percent: number }[];
  functions: { name: string; where: string; percent: number }[];
}

/** The part of the pipeline a source file belongs to. */
function partOf(file: string): string {
  if (file === '') return 'V8 and Node (GC, builtins, no source)';
  if (/node_modules[\\/](?:micromark|mdast-util|remark-|unified|unist|vfile|decode-named|character-entities|devlop|bail|trough|is-plain-obj)/.test(file)) return 'markdown parse (remark, micromark)';
  if (/node_modules[\\/]wink/.test(file)) return 'part-of-speech tagger (wink-nlp)';
  if (/node_modules[\\/]yaml/.test(file)) return 'front matter (yaml)';
  if (/core[\\/]lexicon[\\/]/.test(file)) return 'phrase lexicon';
  if (/core[\\/]asks[\\/]/.test(file)) return 'ask reader';
  if (/core[\\/](?:blocks|text)\.ts/.test(file)) return 'reading blocks and sentences';
  if (/core[\\/]checks[\\/]/.test(file)) return 'checks';
  if (/core[\\/]/.test(file)) return 'analysis (profile, assembly, front matter)';
  if (/node_modules/.test(file)) return 'other libraries';
  return 'other';
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function profileAnalysis(text: string, runs: number): ProfileSummary {
  for (let i = 0; i < 3; i++) new Analyzer().analyze(text, { force: true }); // warm: JIT
  const session = new Session();
  session.connect();
  let profile: { nodes: Node[]; startTime: number; endTime: number } | undefined;
  const post = (method: string, params?: object) =>
    session.post(method, params, (err, res) => {
      if (err) throw err;
      if (method === 'Profiler.stop') profile = (res as { profile: typeof profile }).profile;
    });
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 100 });
  post('Profiler.start');
  for (let i = 0; i < runs; i++) {
    forgetReadings();
    new Analyzer().analyze(text, { force: true });
  }
  post('Profiler.stop');
  session.disconnect();
  if (!profile) throw new Error('bench: the CPU profile did not come back');
  const total = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const parts = new Map<string, number>();
  const fns = new Map<string, { name: string; where: string; hits: number }>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    let file = '';
    try {
      file = n.callFrame.url.startsWith('file:') ? fileURLToPath(n.callFrame.url) : n.callFrame.url;
    } catch {
      file = n.callFrame.url;
    }
    const part = /^\((?:garbage collector|program|idle)\)$/.test(n.callFrame.functionName) ? 'V8 and Node (GC, builtins, no source)' : partOf(file);
    parts.set(part, (parts.get(part) ?? 0) + hits);
    const where = file ? relative(ROOT, file).split(sep).join('/') : '(native)';
    const key = `${n.callFrame.functionName}@${where}`;
    const f = fns.get(key) ?? { name: n.callFrame.functionName || '(anonymous)', where, hits: 0 };
    f.hits += hits;
    fns.set(key, f);
  }
  return {
    runs,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    parts: [...parts].map(([part, h]) => ({ part, percent: (100 * h) / total })).sort((a, b) => b.percent - a.percent),
    functions: [...fns.values()].sort((a, b) => b.hits - a.hits).slice(0, 12).map((f) => ({ name: f.name, where: f.where, percent: (100 * f.hits) / total })),
  };
}
