/**
 * The contract every check implements (one check per file, markdownlint-style).
 * A check reads the analysed draft and reports findings; it never sees the
 * editor, the protocol or the file system. Everything else the product does with
 * a check's findings is asked of the check too: the quick fixes it offers, whether
 * fix-all may apply them, the skill it points to and how the recommendation sums
 * it up. No other file branches on a check's id.
 */
import type { ActionSpec, FindingLike } from '../actions';
import type { Analysis } from '../analyze';
import type { Directive } from '../blocks';
import type { FrontMatter, FrontMatterProblem } from '../frontmatter';
import type { BodyStats } from '../profile';
import type { TrustlineSettings } from '../settings';
import type { Doc, LineIndex } from '../text';
import type { Ask, FindingData, PressureHit, Profile, Severity } from '../types';

/** A sentence of the body, with absolute offsets. */
export interface DocUnit {
  start: number;
  end: number;
  words: number;
  /** Normalised sentence text. */
  text: string;
  container: 'paragraph' | 'heading' | 'list' | 'table' | 'ps';
  greeting: boolean;
  /** Index into `asks` when this sentence holds an ask. */
  ask?: number;
  /** Index of the top-level block holding the sentence. */
  block: number;
  /** The paragraph is one link and nothing else: a button. */
  button: boolean;
  /** Before the second heading of the body (the whole body when it has fewer than two). */
  hero: boolean;
  /** An email header line (`Subject:`), not prose the reader gets value from. */
  header: boolean;
  /** Urgency or hard-sell phrases in the sentence. */
  pressure: number;
  headingDepth?: number;
}

export interface CheckContext {
  text: string;
  lines: LineIndex;
  path?: string;
  frontMatter: FrontMatter;
  /** Front matter problems: YAML errors, bad values. */
  frontMatterProblems: FrontMatterProblem[];
  profile: Profile;
  /** Every ask occurrence, in document order. */
  asks: Ask[];
  /** One entry per distinct ask (same class and wording), first occurrence kept. */
  distinctAsks: Ask[];
  pressure: PressureHit[];
  units: DocUnit[];
  stats: BodyStats;
  settings: TrustlineSettings;
  /** Suppression comments (`<!-- trustline-... -->`), with absolute offsets. */
  directives: Directive[];
}

export interface Report {
  start: number;
  end: number;
  message: string;
  data?: Omit<FindingData, 'check'>;
  /** A severity chosen by the check itself (e.g. by gap); the user's setting still wins. */
  severity?: Severity;
  /** The subject of the finding, when it is an ask: its index in `CheckContext.asks`. */
  askIndex?: number;
  /** The subject of the finding, when it is a front matter field: its key. */
  frontMatterKey?: string;
}

/** What a check's `fixes` are given: the analysed draft (with its profile) and what the caller asked for. */
export interface FixContext {
  analysis: Analysis;
  /** The analysed document (`analysis.doc`): every edit is made on its text and in its coordinates. */
  doc: Doc;
  frontMatter: FrontMatter;
  /** How many alternative asks to offer at most. */
  alternatives: number;
}

export interface Check {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** How the default severity is decided, when it is not fixed (shown in docs). */
  severityNote?: string;
  tags: string[];
  /** False when a suppression comment cannot silence the check (problems with the comments or front matter themselves). */
  suppressible?: boolean;
  check(ctx: CheckContext, report: (r: Report) => void): void;
  /**
   * The check's own quick fixes for one of its findings, preferred first (actions.ts builds the
   * edits). The dispatcher adds what every check gets after them: open the skill, turn the
   * check off for the line or the file.
   */
  fixes?(finding: FindingLike, fix: FixContext): ActionSpec[];
  /**
   * The check's findings take part in fix-all: each is an ask (`data.ask`) that fix-all rewrites
   * to the alternative that fits the audience. Only for findings with one clearly better answer
   * whose edit stays inside one sentence (actions.ts says why the others do not).
   */
  fixAll?: boolean;
  /**
   * The skill the check points to. `name` is the skill to check beyond the draft's own (the
   * first skill under "Related skills" on the rule's page), or null when the draft's own skill
   * is the answer (writing-persuasive-copy when the type is unknown). `draftFirst`: the "Open
   * skill" action opens the draft's own skill when it has one (problems with the asks
   * themselves). Absent: no skill helps (problems with the front matter or comments).
   */
  skill?: { name: string | null; draftFirst?: boolean };
  /**
   * How the recommendation sums up the check's findings in its one line ("2 asks exceed the
   * audience's trust"); `rank` orders the checks in that line, most important first.
   */
  summary?: { rank: number; text(count: number): string };
  /**
   * The check's findings are the verdict on an ask's level against the audience's trust: it
   * asks for more than the audience has (`exceeds`, counted as a mismatch in the status bar)
   * or far less (`under`). The hover on the ask and the profile view name the finding's rule.
   */
  askVerdict?: 'exceeds' | 'under';
}
