/**
 * The phrase lexicon: the first stage of finding asks (the ask reader in ../asks/ is the second).
 *   types.ts       the data model (data/lexicon.json) and what a match reports
 *   compile.ts     word patterns -> regular expressions and anchor words
 *   candidates.ts  which rules are worth trying on a sentence
 *   lexicon.ts     the Lexicon: one ask per sentence, with its filters, and pressure
 */
export * from './types';
export { isWordCode } from './compile';
export { Lexicon, sourceSpan, DEFAULT_LEXICON_DATA, defaultLexiconInstance } from './lexicon';
