/**
 * Trustline's own protocol messages, beside the standard LSP ones: the draft
 * profile the VS Code client shows in its status bar, Show draft profile and
 * Recommend skill, and the audience-trust edit of Set audience trust.
 *
 * Types only (plus the method names), so the client can import this file without
 * pulling any server code into its bundle. Other editors can use the same
 * messages: they are plain JSON.
 */
import type { Recommendation } from './recommend';
import type { AskClass, AskKind, Channel, DraftType, Range, SourceKind } from './types';

/** Request: `{ uri }` -> `DraftProfile | null` (null: the document is not open). */
export const PROFILE_REQUEST = 'trustline/profile';

/**
 * Notification from the server, sent after every analysis and on close, when the
 * client asked for it (`initializationOptions.profileNotifications`): the profile
 * of `uri` may have changed, request it again if it is on screen.
 */
export const PROFILE_CHANGED_NOTIFICATION = 'trustline/profileChanged';

/**
 * Request: `{ uri, level }` -> `SetTrustResult | null`. The edit that declares or
 * changes the draft's `trust:`, computed on the server's copy of the document at
 * `version` (the client applies it only if its document is still at that version).
 * null: the document is not open or the level is not 0-6.
 */
export const SET_TRUST_REQUEST = 'trustline/setTrustEdit';

export interface ProfileParams {
  uri: string;
}

export interface ProfileChangedParams {
  uri: string;
  /** The document version the change belongs to; absent on close. */
  version?: number;
}

export interface SetTrustParams {
  uri: string;
  /** 0-6 (6 is 5+ ADVOCATE). */
  level: number;
}

export interface SetTrustResult {
  uri: string;
  version: number;
  /** Empty when the front matter cannot be changed safely (it does not parse); `reason` says why. */
  edits: { range: Range; newText: string }[];
  reason?: string;
}

export interface ProfileValue<T> {
  value: T;
  /** The human name ("Email", "Landing page"), null when the value is null. */
  name: string | null;
  source: SourceKind;
  /** Where the value came from, in words ("declared in front matter"). */
  detail: string;
  /** The front matter value's range, when declared. */
  range?: Range;
}

export interface ProfileTrust {
  level: number;
  /** "UNKNOWN" ... "ADVOCATE". */
  stage: string;
  /** "0 UNKNOWN" ... "5+ ADVOCATE". */
  label: string;
  /** "has never heard of you". */
  meaning: string;
  source: SourceKind;
  detail: string;
  range?: Range;
}

export interface ProfileAsk {
  /** The underlined phrase. */
  text: string;
  class: AskClass;
  /** Trust the ask needs, 0-6. */
  level: number;
  /** "4 TRUSTING". */
  levelLabel: string;
  kind: AskKind;
  range: Range;
  /** The lexicon entry or pattern that matched ("evaluate.demo: ..."). */
  via: string;
  /** Levels above the audience (negative: below). */
  gap: number;
  /** The check that flagged it (ask-exceeds-trust, under-ask), if any. */
  finding?: string;
}

export interface ProfileFindings {
  total: number;
  /** ask-exceeds-trust findings: the status bar's "mismatch" count. */
  mismatches: number;
  byRule: Record<string, number>;
  bySeverity: { error: number; warning: number; information: number; hint: number };
}

export interface DraftProfile {
  uri: string;
  version: number;
  /** False for documents Trustline does not check (not a draft, disabled, too large, over the time budget, not markdown). */
  isDraft: boolean;
  /** Why a document is not checked. */
  skipped?: 'out-of-scope' | 'too-large' | 'over-budget' | 'disabled' | 'not-markdown';
  type?: ProfileValue<DraftType | null>;
  channel?: ProfileValue<Channel | null>;
  trust?: ProfileTrust;
  asks: ProfileAsk[];
  findings: ProfileFindings;
  /** What Recommend skill starts from for this draft. */
  recommendation?: Recommendation;
}
