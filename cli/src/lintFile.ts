/**
 * Lint one file: read it (strictly as UTF-8), analyse it with the core, and turn the result
 * into a report entry. Runs in the main thread or in a worker; everything it returns is plain data.
 */
import { performance } from 'node:perf_hooks';
import { Analyzer, analyzable, type Channel, type DraftType, type Gate, type ProfileDefaults, type TrustlineSettings, type Unanalyzable } from '../../core/src/index';
import { nodeHost } from '../../core/node/index';
import { toReport, type FileOutcome } from './report';

/** The note for a file reached through a symbolic link that leads out of the project. */
export const OUTSIDE_FILE = 'skipped: a symbolic link to a file outside the project; it was not read';

export interface LintTask {
  /** Absolute path, or undefined for stdin (then `text` is set). */
  file?: string;
  text?: string;
  /** Path shown to people: relative to the working directory, forward slashes. */
  display: string;
  /** Path relative to the project root, for SARIF and GitHub annotations. */
  rootPath: string;
  /** Path the draft globs are matched against (relative to the project root). */
  draftPath: string;
  /** Named explicitly: lint it even if it is not a draft. */
  forced: boolean;
}

export interface LintOptions {
  settings: TrustlineSettings;
  /** --type and --channel: the profile for files that do not declare it. */
  type?: DraftType;
  channel?: Channel;
  quiet: boolean;
  /**
   * The repository (git root) or, outside one, the working folder: a file reached through a
   * symbolic link that leads outside it is not read (Host.linksOutside).
   */
  projectRoot?: string;
}

export function lintTask(task: LintTask, opts: LintOptions, analyzer: Analyzer, clock: () => number = now): FileOutcome {
  const note = (message: string, kind: 'error' | 'skipped' = 'error'): FileOutcome => ({ kind: 'note', note: { path: task.display, message, kind } });
  const max = opts.settings.maxFileSize;
  // The core's gate, as the server's: too large, binary (a NUL early on), not UTF-8.
  const refused = (gate: Unanalyzable) => (gate.reason === 'too-large' || gate.reason === 'binary' ? note(`skipped: ${gate.message}`, 'skipped') : note(gate.message));
  let gate: Gate;
  if (task.text === undefined) {
    // Before anything is read: a link in the project to a file outside it must not get its text
    // into a report, an annotation or an error message.
    if (opts.projectRoot !== undefined && nodeHost.linksOutside(task.file!, opts.projectRoot)) return note(OUTSIDE_FILE, 'skipped');
    try {
      // Its size first: a file too large is not read at all.
      const bySize = analyzable({ size: nodeHost.size(task.file!) }, max);
      gate = bySize.ok ? analyzable(nodeHost.readFile(task.file!), max) : bySize;
    } catch (err) {
      return readError(err as NodeJS.ErrnoException, note);
    }
  } else gate = analyzable(task.text, max);
  if (!gate.ok) return refused(gate);
  const text = gate.text;

  const a = analyzer.analyze(text, { path: task.draftPath, settings: opts.settings, force: task.forced, clock, defaults: profileDefaults(opts) });
  if (!a.analysed) {
    if (a.skipped === 'over-budget') return overBudget(note, opts.settings.timeBudgetMs);
    return { kind: 'out-of-scope' };
  }
  return { kind: 'report', report: toReport(task.display, a, opts.quiet), rootPath: task.rootPath };
}

/** --type and --channel, for drafts whose front matter does not have the key. */
function profileDefaults(opts: LintOptions): ProfileDefaults {
  const defaults: ProfileDefaults = {};
  if (opts.type) defaults.type = { value: opts.type, detail: 'given with --type' };
  if (opts.channel) defaults.channel = { value: opts.channel, detail: 'given with --channel' };
  return defaults;
}

/** The clock the time budget per document is held to (the core reads none of its own); tests pass a fake one. */
const now = () => performance.now();

function overBudget(note: (m: string, k?: 'error' | 'skipped') => FileOutcome, budget: number): FileOutcome {
  return note(`skipped: checking it took longer than timeBudgetMs (${budget} ms); no findings are reported for it`, 'skipped');
}

function readError(err: NodeJS.ErrnoException, note: (m: string, k?: 'error' | 'skipped') => FileOutcome): FileOutcome {
  switch (err.code) {
    case 'ENOENT':
      // Deleted between being listed and being read: nothing is left to lint.
      return note('skipped: the file disappeared during the run', 'skipped');
    case 'EACCES':
    case 'EPERM':
      return note('cannot read the file: permission denied');
    case 'EISDIR':
      return note('is a directory', 'skipped');
    case 'ELOOP':
      return note('skipped: symbolic link loop', 'skipped');
    default:
      return note(`cannot read the file: ${err.message}`);
  }
}
