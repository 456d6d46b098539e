/**
 * Output formats. Each is streamed: `file` is called once per linted file, in a stable order, as
 * soon as its result is known, so memory does not grow with the number of files.
 */
import type { Colors } from '../color';
import type { FileNote, FileReport, Summary } from '../report';

export interface FormatterContext {
  write(s: string): void;
  colors: Colors;
  quiet: boolean;
  version: string;
}

export interface Formatter {
  begin(): void;
  file(report: FileReport, rootPath: string): void;
  end(summary: Summary, notes: readonly FileNote[]): void;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 problems (1 error, 2 warnings)": only the non-zero kinds. */
export function problemsLine(s: Summary): string {
  const total = s.errors + s.warnings + s.information + s.hints;
  const parts = [
    s.errors ? plural(s.errors, 'error') : '',
    s.warnings ? plural(s.warnings, 'warning') : '',
    s.information ? `${s.information} information` : '',
    s.hints ? plural(s.hints, 'hint') : '',
  ].filter(Boolean);
  return `${plural(total, 'problem')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function filesLine(s: Summary, notes: readonly FileNote[] = []): string {
  const parts = [`${plural(s.files, 'draft')} linted`];
  // The skipped files with a note of their own (too large, binary, ...) were named above.
  const noted = notes.filter((n) => n.kind === 'skipped').length;
  const notDrafts = s.skipped - noted;
  if (notDrafts > 0) parts.push(`${plural(notDrafts, 'file')} skipped (not ${notDrafts === 1 ? 'a draft' : 'drafts'})`);
  if (noted > 0) parts.push(`${plural(noted, 'file')} skipped (see above)`);
  if (s.unreadable) parts.push(`${plural(s.unreadable, 'file')} could not be read`);
  if (s.omittedFindings) parts.push(`${plural(s.omittedFindings, 'finding')} left out (over maxFindings)`);
  return parts.join(', ');
}
