/** `trustline explain FILE`: the profile with where each value came from, and every ask with why it was classified so. */
import { ASK_LABELS, type AskClass } from '../../core/src/index';
import type { Colors } from './color';
import type { FileReport } from './report';

export function explainText(r: FileReport, c: Colors): string {
  const level = (n: number) => (n >= 6 ? '5+' : String(n));
  const rows: [string, string, string][] = [
    ['type', r.type.value ?? 'unknown', r.type.detail],
    ['channel', r.channel.value ?? 'none', r.channel.detail],
    ['trust', `${level(r.trust.level)} ${r.trust.stage}`, r.trust.detail],
  ];
  const w = Math.max(...rows.map((x) => x[1].length));
  let out = `${c.underline(r.path)}\n\n${c.bold('Profile')}\n`;
  for (const [k, v, why] of rows) out += `  ${k.padEnd(8)} ${v.padEnd(w)}  ${c.dim(why)}\n`;

  out += `\n${c.bold(`Asks (${r.asks.length})`)}\n`;
  if (r.asks.length === 0) out += `  ${c.dim('no call to action found')}\n`;
  for (const a of r.asks) {
    const gap = a.level - r.trust.level;
    const verdict = gap > 0 ? c.yellow(`${gap} level${gap > 1 ? 's' : ''} above the audience`) : gap === 0 ? c.green('matches the audience') : c.green('within the audience\'s trust');
    out += `  ${a.line}:${a.column}  "${a.text}"\n`;
    out += `      class   ${ASK_LABELS[a.class as AskClass] ?? a.class}, needs trust ${level(a.level)}: ${verdict}\n`;
    out += `      found   in a ${a.kind === 'ps' ? 'P.S. line' : a.kind === 'url' ? 'calendar or booking link' : a.kind}\n`;
    // The lexicon reports the rule it matched; the ask reader says how it read the sentence.
    out += `      why     ${c.dim(a.via.startsWith('read as ') || a.via.startsWith('read by ') ? a.via : `matched ${a.via}`)}\n`;
  }

  // What the rules read as an ask and the trained reader took back: a writer who expected a
  // warning on that line sees why there is none.
  if (r.takenBack?.length) {
    out += `\n${c.bold(`Taken back (${r.takenBack.length})`)}\n`;
    for (const a of r.takenBack) {
      out += `  ${a.line}:${a.column}  "${a.text}"\n`;
      out += `      class   as the rules read it, ${ASK_LABELS[a.class as AskClass] ?? a.class}, needs trust ${level(a.level)}\n`;
      out += `      why     ${c.dim(a.via)}\n`;
    }
  }

  out += `\n${c.bold(`Findings (${r.findings.length})`)}\n`;
  if (r.findings.length === 0) out += `  ${c.dim('none')}\n`;
  const posWidth = Math.max(0, ...r.findings.map((f) => `${f.line}:${f.column}`.length));
  const sevWidth = Math.max(0, ...r.findings.map((f) => f.severity.length));
  for (const f of r.findings) out += `  ${`${f.line}:${f.column}`.padEnd(posWidth)}  ${f.severity.padEnd(sevWidth)}  ${f.message}  ${c.dim(f.rule)}\n`;
  if (r.suppressed) out += `  ${c.dim(`(${r.suppressed} more silenced by trustline-disable comments)`)}\n`;
  return out;
}
