/**
 * The check registry. Adding a check is adding its file to this folder (exporting the check as
 * the camel-case form of its id: long-subject.ts exports longSubject), its page
 * docs/rules/<id>.md (linked from every diagnostic), a fixture and a near miss; `npm run
 * generate` then lists it here and in every other file that lists the checks. The order here is
 * the order of the SARIF rules, the schemas and the settings: new checks go last.
 */
import type { Finding } from '../types';
import type { Check } from './check';
// generated: checks (npm run generate lists every check file of this folder here; a new file goes last)
import { askExceedsTrust } from './ask-exceeds-trust';
import { competingAsks } from './competing-asks';
import { missingAsk } from './missing-ask';
import { underAsk } from './under-ask';
import { pressureBeforeTrust } from './pressure-before-trust';
import { channelTrustMismatch } from './channel-trust-mismatch';
import { askBeforeValue } from './ask-before-value';
import { trustUndeclared } from './trust-undeclared';
import { frontMatterInvalid } from './front-matter-invalid';
import { invalidSuppression } from './invalid-suppression';

export const CHECKS: readonly Check[] = [
  askExceedsTrust,
  competingAsks,
  missingAsk,
  underAsk,
  pressureBeforeTrust,
  channelTrustMismatch,
  askBeforeValue,
  trustUndeclared,
  frontMatterInvalid,
  invalidSuppression,
];
// /generated

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}

/** The finding that judges an ask's level against the audience (from a check with `askVerdict`), if there is one. */
export function askVerdictOn(findings: readonly Finding[], askIndex: number): Finding | undefined {
  return findings.find((f) => f.askIndex === askIndex && checkById(f.rule)?.askVerdict !== undefined);
}

/** How many findings say an ask exceeds the audience's trust (`askVerdict: 'exceeds'`): the mismatches. */
export function countMismatches(findings: readonly Finding[]): number {
  return findings.filter((f) => checkById(f.rule)?.askVerdict === 'exceeds').length;
}

/** Where a check's page lives, relative to the extension or package root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export type { Check, CheckContext, FixContext, Report, DocUnit } from './check';
