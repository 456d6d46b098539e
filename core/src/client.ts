/**
 * What the VS Code client may import of the core, and the only file of it that it imports
 * (test/unit/boundaries.test.ts holds it to that): the skills and the trust model's names, the
 * Recommend-skill walk, and the types of Trustline's own protocol messages. None of it reads a
 * draft, so no parser, lexicon or check comes into the extension host's bundle.
 */
export { ASK_LABELS, STAGES, stageLabel } from './model';
export { SKILLS, TIER_NAMES, skillDocPath, skillInfo } from './skills';
export { back, choose, start, type WalkState } from './walk';
export type { Recommendation } from './recommend';
export type { AskClass } from './types';
export * from './protocol';
