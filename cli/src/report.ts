/**
 * What the CLI reports for one file: the `json` format's file entry (schemas/trustline-report.schema.json).
 * Built once per file, in whichever thread analysed it, and passed as plain data to the formatters,
 * so a worker never ships the document text back to the main thread.
 */
import { MAX_FINDINGS_NOTE, type Analysis, type Ask, type FindingData, type Range, type Severity, type SourceKind } from '../../core/src/index';

export interface SourcedOut<T> {
  value: T;
  source: SourceKind;
  detail: string;
}

export interface AskOut {
  text: string;
  class: string;
  level: number;
  /** link, button, sentence, question, ps or url. */
  kind: string;
  /** The lexicon entry or pattern that matched (why it was classified so). */
  via: string;
  line: number;
  column: number;
  range: Range;
}

export interface FindingOut {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based, for people. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based, UTF-16 code units, as in LSP. */
  range: Range;
  data: FindingData;
}

export interface FileReport {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  type: SourcedOut<string | null>;
  channel: SourcedOut<string | null>;
  trust: { level: number; stage: string; source: SourceKind; detail: string };
  asks: AskOut[];
  findings: FindingOut[];
  /** Findings silenced by trustline-disable comments. */
  suppressed: number;
  /** Findings cut by maxFindings (the max-findings note in `findings` says so); only when some were. */
  omittedFindings?: number;
  /** Imperatives the rules read as asks and the trained reader took back; only when there were some. */
  takenBack?: AskOut[];
}

/** A file that was not analysed; `error` ones make the run exit 2. */
export interface FileNote {
  path: string;
  message: string;
  kind: 'error' | 'skipped';
}

export type FileOutcome =
  | { kind: 'report'; report: FileReport; /** The path relative to the project root (SARIF, GitHub). */ rootPath: string }
  | { kind: 'out-of-scope' }
  | { kind: 'note'; note: FileNote };

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Files found and not linted: not drafts (out of the opt-in scope), or skipped with a note (too large, binary, a link loop). */
  skipped: number;
  /** Files that could not be read (non-UTF-8, permission denied, ...). */
  unreadable: number;
  /** Findings left out of drafts with more than maxFindings (each such draft carries one max-findings note). */
  omittedFindings: number;
}

export function emptySummary(): Summary {
  return { files: 0, errors: 0, warnings: 0, information: 0, hints: 0, skipped: 0, unreadable: 0, omittedFindings: 0 };
}

/** Add one draft's findings to the counts; the max-findings note is not a finding of the draft, what it left out is counted apart. */
export function countFindings(summary: Summary, findings: readonly FindingOut[], omitted = 0): void {
  summary.omittedFindings += omitted;
  for (const f of findings) {
    if (f.rule === MAX_FINDINGS_NOTE) continue;
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else if (f.severity === 'information') summary.information++;
    else summary.hints++;
  }
}

/** An ask (or an ask taken back) as the report gives it: 1-based line and column for people, the LSP range for tools. */
function askOut(k: Ask): AskOut {
  return { text: k.text, class: k.class, level: k.level, kind: k.kind, via: k.via, line: k.range.start.line + 1, column: k.range.start.character + 1, range: k.range };
}

/** Turn the core's analysis into the report entry. */
export function toReport(path: string, a: Analysis, quiet = false): FileReport {
  const p = a.profile!;
  const findings = a.findings
    .filter((f) => !quiet || f.severity === 'error')
    .map(
      (f): FindingOut => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        range: f.range,
        data: f.data,
      }),
    );
  return {
    path,
    type: { value: p.type.value, source: p.type.source, detail: p.type.detail },
    channel: { value: p.channel.value, source: p.channel.source, detail: p.channel.detail },
    trust: { level: p.trust.value.level, stage: p.trust.value.stage, source: p.trust.source, detail: p.trust.detail },
    asks: a.asks.map(askOut),
    findings,
    suppressed: a.suppressed,
    ...(a.omittedFindings ? { omittedFindings: a.omittedFindings } : {}),
    ...(a.takenBack ? { takenBack: a.takenBack.map(askOut) } : {}),
  };
}
