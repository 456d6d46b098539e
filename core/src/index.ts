/** The analysis core's public surface, shared by the language server, the CLI and the tests. */
export { Analyzer, MAX_FINDINGS_NOTE, UNREAD_BLOCK, notAnalysed, type Analysis, type AnalyzeOptions } from './analyze';
export { BINARY_PROBE, analyzable, decodeUtf8, type Gate, type Unanalyzable } from './analyzable';
export { CHECKS, CHECK_IDS, askVerdictOn, checkById, countMismatches, ruleDocPath, type Check, type FixContext } from './checks/index';
export { DEFAULT_SETTINGS, DEFAULT_DRAFT_GLOBS, MAX_FILE_SIZE_RANGE, MAX_FINDINGS_RANGE, TIME_BUDGET_RANGE, matchesDraftGlobs, maxFileSizeProblem, maxFindingsProblem, timeBudgetProblem, type TrustlineSettings } from './settings';
export { globProblem, compileGlob, globMatches, type CompiledGlob } from './glob';
export { Doc, LineIndex, stripBom } from './text';
export * from './model';
export type { GivenValue, ProfileDefaults } from './profile';
export type * from './types';
export { parseConfigText, configToSettings, mergeSettings, findConfigFile, CONFIG_FILE_NAMES, SEVERITY_SETTINGS, MAX_PHRASE_LENGTH, type ProjectConfig, type ConfigProblem, type ParsedConfig } from './config';
export * from './alternatives';
export * from './skills';
export * from './hover';
export * from './actions';
export * from './recommend';
export { warmTagger } from './asks/tagger';
export * from './protocol';
export type { Host } from './host';
