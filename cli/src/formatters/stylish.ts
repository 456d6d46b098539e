/** The default format: grouped by file, aligned, coloured on a terminal, then a summary (ESLint's stylish). */
import type { Severity } from '../../../core/src/index';
import type { FileNote, FileReport, Summary } from '../report';
import { filesLine, problemsLine, type Formatter, type FormatterContext } from './formatter';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function stylish(ctx: FormatterContext): Formatter {
  const c = ctx.colors;
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, information: c.blue, hint: c.dim };
  return {
    begin() {},
    file(r: FileReport) {
      if (r.findings.length === 0) return;
      const pos = r.findings.map((f) => `${f.line}:${f.column}`);
      const posWidth = Math.max(...pos.map((p) => p.length));
      const sevWidth = Math.max(...r.findings.map((f) => LABEL[f.severity].length));
      const msgWidth = Math.max(...r.findings.map((f) => f.message.length));
      let out = `\n${c.underline(r.path)}\n`;
      out += `  ${c.dim(profileLine(r))}\n`;
      r.findings.forEach((f, i) => {
        const message = f.message.padEnd(Math.min(msgWidth, 100));
        out += `  ${c.dim(pos[i]!.padEnd(posWidth))}  ${paint[f.severity](LABEL[f.severity].padEnd(sevWidth))}  ${message}  ${c.dim(f.rule)}\n`.replace(/ +\n$/, '\n');
      });
      ctx.write(out);
    },
    end(s: Summary, notes: readonly FileNote[]) {
      const total = s.errors + s.warnings + s.information + s.hints;
      // An input that could not be read is a failure (exit 2), never a green "no problems".
      const mark = s.errors || s.unreadable ? c.red('✖') : s.warnings ? c.yellow('⚠') : c.green('✔');
      const clean = s.unreadable ? (s.files ? 'no problems in the drafts that could be read' : 'nothing was linted') : ctx.quiet ? 'no errors' : 'no problems';
      ctx.write(`\n${mark} ${c.bold(total ? problemsLine(s) : clean)}\n  ${filesLine(s, notes)}\n`);
    },
  };
}

/** "email (declared) · channel email (from the type) · trust 0 UNKNOWN (declared)" */
export function profileLine(r: FileReport): string {
  const src = (source: string, detail: string) => (source === 'declared' ? (detail.startsWith('given with') ? detail : 'declared') : source === 'unknown' ? 'unknown' : detail);
  const type = r.type.value ? `${r.type.value} (${src(r.type.source, r.type.detail)})` : 'type unknown';
  const channel = r.channel.value ? `channel ${r.channel.value} (${src(r.channel.source, r.channel.detail)})` : 'no channel';
  const level = r.trust.level >= 6 ? '5+' : String(r.trust.level);
  return `${type} · ${channel} · trust ${level} ${r.trust.stage} (${src(r.trust.source, r.trust.detail)})`;
}
