/**
 * The full analysis as JSON (schemas/trustline-report.schema.json), written as it goes: one file
 * entry per line inside `files`, so a run over 10,000 drafts never holds them all.
 */
import type { FileNote, FileReport, Summary } from '../report';
import type { Formatter, FormatterContext } from './formatter';

export const REPORT_VERSION = 1;

export function json(ctx: FormatterContext): Formatter {
  let first = true;
  return {
    begin() {
      ctx.write(`{"version":${REPORT_VERSION},"tool":{"name":"trustline","version":${JSON.stringify(ctx.version)}},"files":[`);
    },
    file(r: FileReport) {
      ctx.write(`${first ? '\n' : ',\n'}${JSON.stringify(r)}`);
      first = false;
    },
    end(s: Summary, notes: readonly FileNote[]) {
      ctx.write(`\n],\n"problems":${JSON.stringify(notes)},\n"summary":${JSON.stringify(s)}}\n`);
    },
  };
}
