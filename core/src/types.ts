/**
 * Plain data shared by the core, the language server, the CLI and the tests.
 * Nothing here knows about VS Code or the protocol: ranges are LSP-shaped
 * (0-based lines, UTF-16 code units) because that is what every host needs.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The eight ask classes of the trust model, lowest trust first. */
export type AskClass =
  | 'consume'
  | 'engage'
  | 'exchange'
  | 'meeting'
  | 'evaluate'
  | 'commit'
  | 'expand'
  | 'advocate';

export type DraftType = 'email' | 'landing-page' | 'ad' | 'blog' | 'social' | 'sales' | 'lead-magnet' | 'event';

export type Channel =
  | 'seo'
  | 'content'
  | 'linkedin-organic'
  | 'linkedin-paid'
  | 'email'
  | 'abm'
  | 'events'
  | 'partners'
  | 'champions'
  | 'paid-search';

/** Where a profile value came from; `detail` says it in words a writer understands. */
export type SourceKind = 'declared' | 'inferred' | 'assumed' | 'default' | 'unknown';

export interface Sourced<T> {
  value: T;
  source: SourceKind;
  detail: string;
  /** Range of the front matter value when declared, for hovers and code actions. */
  range?: Range;
}

export interface TrustValue {
  level: number;
  /** Stage name, e.g. "AWARE"; level 6 is "ADVOCATE" (shown as 5+). */
  stage: string;
}

export interface Profile {
  type: Sourced<DraftType | null>;
  channel: Sourced<Channel | null>;
  trust: Sourced<TrustValue>;
}

/** How an ask was found: which kind of text held it. */
export type AskKind = 'link' | 'button' | 'sentence' | 'question' | 'ps' | 'url';

/** A call to action found in the draft. Offsets are into the original text. */
export interface Ask {
  /** The original text of the matched phrase (what gets underlined). */
  text: string;
  class: AskClass;
  level: number;
  kind: AskKind;
  /** Offsets of the underlined phrase in the original document text. */
  start: number;
  end: number;
  range: Range;
  /** Offsets and range of the whole sentence or link text holding the ask (what a rewrite replaces). */
  sentenceStart: number;
  sentenceEnd: number;
  sentenceRange: Range;
  /** Which lexicon entry or pattern matched, for `trustline explain` and hovers. */
  via: string;
  /** Whether the ask sits in a link whose text is the ask (a rewrite keeps the URL). */
  inLink: boolean;
  /** Normalised text used to merge repeats of the same ask (a landing page's repeated button). */
  key: string;
}

/** Urgency or hard-sell language found in the draft. */
export interface PressureHit {
  text: string;
  start: number;
  end: number;
  range: Range;
  via: string;
}

export interface FindingData {
  check: string;
  ask?: { text: string; class: AskClass; level: number; sentence: string; inLink: boolean; sentenceRange: Range };
  audience?: { level: number; stage: string; source: SourceKind };
  draftType?: DraftType | null;
  channel?: Channel | null;
  gap?: number;
  [key: string]: unknown;
}

/** One finding of one check: the core's output, mapped to a Diagnostic in one place by each host. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  data: FindingData;
  /**
   * The finding's subject, when it is an ask: its index in the analysis's `asks`. Hovers, the
   * profile view and code actions find the ask by it. Not part of the reports (the CLI's JSON,
   * SARIF, a diagnostic's data), which stay as they were.
   */
  askIndex?: number;
  /** The finding's subject, when it is a front matter field: its key (`trust`, `type`, `channel`). */
  frontMatterKey?: string;
}
