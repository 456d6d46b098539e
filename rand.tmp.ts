import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseInParts } from './server/src/core/blocks';
const pieces = ['**bold** ', 'and ', '_it_ ', '[link](https://x.example/a_b) ', 'word ', 'snake_case ', '5 * 3 ', 'a*b ', '`code` ', '<b>x</b> ', '<http://x.example> ', '\n', '\n---\n', '\nBook a demo\n===\n', '\n- item ', '\n# Head ', '*', '_', '[', ']', '`', '<', '  ', '\t', '\\*', '&amp; ', '&#32;', '\n> q ', '\n```\n', 'x ', '!', '\n1. ', '\n    indented ', '- ', '***', '\uFEFF', '😀 ', '\r\n', '<!-- c ', '--> ', '*a ', ' b*', '__', 'x_ ', '\n=== ', '(', '"q" ', '| ', '![i](u) ', '\\\n', '>', '``', ' `` ', '](u) ', '<a title="x ', '">', 'b** ', ' **c'];
const strays = ['*', '_', '[', '`', '<', '``', '<a title="'];
const strip = (n: Record<string, unknown>): unknown => { const o: Record<string, unknown> = {}; for (const [k, v] of Object.entries(n)) { if (k === 'position') o[k] = n.position && [(v as any).start.offset, (v as any).end.offset]; else if (k === 'children') o[k] = (v as any[]).map(strip); else o[k] = v; } return o; };
const processor = unified().use(remarkParse);
let seed = +(process.argv[2] ?? 5);
const rnd = (k: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % k; };
let ok = 0, none = 0, bad = 0;
const N = +(process.argv[3] ?? 20000);
for (let t = 0; t < N; t++) {
  let s = rnd(2) ? strays[rnd(strays.length)]! : '';
  const len = 50 + rnd(1500);
  const kinds = [pieces.length, 6, 12, 16, 30, 11][rnd(6)]!;
  const pool = rnd(3) === 0 ? pieces : pieces.slice(0, kinds);
  while (s.length < len) s += rnd(3) === 0 ? pool[rnd(pool.length)] : ['word ', 'and ', 'x ', '**bold** ', '_it_ ', '\n'][rnd(rnd(2) ? 6 : 3)];
  if (rnd(4) === 0) s += '\n---\n';
  if (rnd(2)) s = s.trim();
  const parts = parseInParts(s, 20 + rnd(100));
  if (!parts) { none++; continue; }
  const one = processor.parse(s.charCodeAt(0) === 0xfeff ? ` ${s.slice(1)}` : s);
  const a = JSON.stringify((strip(parts.tree as never) as any).children), b = JSON.stringify((strip(one as never) as any).children);
  if (a !== b) { bad++; if (bad <= 3) console.log('MISMATCH', JSON.stringify(s)); } else ok++;
}
console.log({ ok, none, bad });
