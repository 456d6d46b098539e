/**
 * The contract every check implements (one check per file, markdownlint-style).
 * A check reads the analysed draft and reports findings; it never sees the
 * editor, the protocol or the file system.
 */
import type { Directive } from '../blocks';
import type { FrontMatter, FrontMatterProblem } from '../frontmatter';
import type { BodyStats } from '../profile';
import type { TrustlineSettings } from '../settings';
import type { LineIndex } from '../text';
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
}
