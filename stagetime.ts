import { Lexicon, defaultLexiconInstance } from './server/src/core/lexicon';
import { Doc } from './server/src/core/text';
import { readFrontMatter, withDefaults } from './server/src/core/pipeline/frontMatter';
import { readBlocks } from './server/src/core/pipeline/readBlocks';
import { assembleSentences } from './server/src/core/pipeline/sentences';
import { profileDraft } from './server/src/core/pipeline/profile';
import { noVerdicts, trainedReaderPass } from './server/src/core/pipeline/trainedReader';
import { asksForAudience } from './server/src/core/pipeline/audience';
import { runChecks } from './server/src/core/pipeline/checks';
import { finishFindings } from './server/src/core/pipeline/findings';
const FRONT = '---\ntype: email\ntrust: aware\n---\n\n';
const makers: Record<string, (n: number) => string> = {
  para: (n) => FRONT + 'Book a demo.\n\n'.repeat(n),
  tick: (n) => FRONT + '`' + 'Book a demo today. '.repeat(n) + '\n',
  setext: (n) => FRONT + 'Book a demo today.\n'.repeat(n) + '---\n',
};
function run(text: string) {
  const T: Record<string, number> = {}; let t = performance.now();
  const lap = (k: string) => { const now = performance.now(); T[k] = (T[k] ?? 0) + now - t; t = now; };
  const settings = withDefaults({}); const doc = new Doc(text); lap('doc');
  const scope = readFrontMatter(doc.text, settings, undefined, true); const fm = scope.frontMatter!; lap('fm');
  const lex: Lexicon = defaultLexiconInstance();
  const read = readBlocks(doc.text, fm.bodyStart, new Map(), lex, () => false, []); lap('blocks');
  const s = assembleSentences(doc.text, doc.lines, read.blocks); lap('sentences');
  const { profile, problems } = profileDraft(fm, s.stats, settings, doc.lines, undefined); lap('profile');
  trainedReaderPass(doc.text, doc.lines, s, profile, undefined, noVerdicts(), undefined); lap('trained');
  const distinct = asksForAudience(doc.text, s.asks, s.toCustomers, profile); lap('audience');
  const ctx: any = { text: doc.text, lines: doc.lines, frontMatter: fm, frontMatterProblems: problems, profile, asks: s.asks, distinctAsks: distinct, pressure: s.pressure, units: s.units, stats: s.stats, settings, directives: s.directives };
  const found = runChecks(ctx, doc.lines, []); lap('checks');
  finishFindings(found, s.directives, s.unread, doc.lines, settings.maxFindings); lap('findings');
  return T;
}
const which = process.argv[2]; const n = +process.argv[3];
run(makers[which]!(n / 4));
const best = (m: number) => { let r: Record<string, number> | undefined; for (let i = 0; i < 3; i++) { const x = run(makers[which]!(m)); if (!r) r = x; else for (const k in x) r[k] = Math.min(r[k]!, x[k]!); } return r!; };
const a = best(n), b = best(10 * n);
for (const k in a) console.log(k.padEnd(10), a[k]!.toFixed(1).padStart(8), b[k]!.toFixed(1).padStart(9), (b[k]! / a[k]!).toFixed(1) + 'x');
