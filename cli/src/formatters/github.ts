/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
 * errors -> ::error, warnings -> ::warning, information and hints -> ::notice.
 */
import type { Severity } from '../../../core/src/index';
import type { FileNote, FileReport, Summary } from '../report';
import { filesLine, problemsLine, type Formatter, type FormatterContext } from './formatter';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping rules of the workflow command syntax (actions/toolkit's command.ts). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(ctx: FormatterContext): Formatter {
  return {
    begin() {},
    file(r: FileReport, rootPath: string) {
      let out = '';
      for (const f of r.findings) {
        const props = [
          `file=${escapeProperty(rootPath)}`,
          `line=${f.line}`,
          `col=${f.column}`,
          `endLine=${f.endLine}`,
          `endColumn=${f.endColumn}`,
          `title=${escapeProperty(`Trustline ${f.rule}`)}`,
        ];
        out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
      }
      if (out) ctx.write(out);
    },
    end(s: Summary, notes: readonly FileNote[]) {
      ctx.write(`trustline: ${problemsLine(s)}; ${filesLine(s, notes)}\n`);
    },
  };
}
