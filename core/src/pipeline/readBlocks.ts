/**
 * Stage 2 of the analysis (analyze.ts): the body cut into top-level blocks, each read once
 * (markdown parsed, its sentences, asks and pressure found by the lexicon and the ask reader) and
 * remembered by its text, so the next version of the same document re-reads only the blocks that
 * changed. Reading stops, and the analysis is skipped, when the host's clock passes the budget.
 */
import { chunkBody, parseBlock, parseBlocksInWindows, type BlockResult, type Chunk } from '../blocks';
import type { Lexicon } from '../lexicon';
import { hash } from '../text';

export interface CacheEntry {
  /** The block's text: the hash is only a first filter. */
  text: string;
  result: BlockResult;
}

/** Blocks read, by the hash of their text. */
export type BlockCache = Map<string, CacheEntry>;

/** One block read, at its absolute offset. */
export interface ReadBlock {
  start: number;
  result: BlockResult;
}

export interface ReadBlocks {
  blocks: ReadBlock[];
  /** The blocks of this version (those read before a stop included), to use for the next one. */
  cache: BlockCache;
  /** Blocks parsed in this run (not from the cache). */
  parsed: number;
  total: number;
  /** The clock passed the budget before every block was read. */
  stopped: boolean;
}

/**
 * Whether the analysis is over its time budget: the host's clock, read once now and then before
 * each piece of parsing (a parse window, a block read alone), the work that grows with the draft.
 * Without a clock there is no budget.
 */
export function budget(clock: (() => number) | undefined, timeBudgetMs: number): () => boolean {
  const deadline = clock ? clock() + timeBudgetMs : Infinity;
  return clock ? () => clock() > deadline : () => false;
}

/** Read each block of the body from `bodyStart`, from `cache` when its text is unchanged. */
export function readBlocks(text: string, bodyStart: number, cache: BlockCache, lexicon: Lexicon, overBudget: () => boolean, internalErrors: string[]): ReadBlocks {
  const chunks = chunkBody(text, bodyStart, text.length);
  const nextCache: BlockCache = new Map<string, CacheEntry>();
  let parsed = 0;
  const blocks: ReadBlock[] = [];
  const keys = chunks.map((chunk) => hash(chunk.text));
  const hit = (i: number): CacheEntry | undefined => {
    const entry = cache.get(keys[i]!) ?? nextCache.get(keys[i]!);
    return entry && entry.text === chunks[i]!.text ? entry : undefined;
  };
  // When most blocks are new (a draft just opened, a big paste), one parse of the
  // whole body is cheaper than one per block; a keystroke re-parses just its block.
  const misses = chunks.reduce((n, _c, i) => n + (hit(i) ? 0 : 1), 0);
  const together = misses > 4 && misses * 2 > chunks.length ? safeParseTogether(text, chunks, lexicon, internalErrors, overBudget) : [];
  let stopped = false;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    let entry = hit(i);
    if (!entry) {
      const ready = together[i];
      if (!ready && overBudget()) {
        stopped = true;
        break;
      }
      entry = { text: chunk.text, result: ready ?? safeParseBlock(chunk.text, lexicon, internalErrors) };
      parsed++;
    }
    nextCache.set(keys[i]!, entry);
    blocks.push({ start: chunk.start, result: entry.result });
  }
  return { blocks, cache: nextCache, parsed, total: chunks.length, stopped };
}

const EMPTY_BLOCK: BlockResult = { units: [], links: [], directives: [], words: 0, headings: [], hashtags: 0, buttons: 0 };

/**
 * Parse the blocks together, never throwing: on a failure none is returned and each is read
 * alone (safeParseBlock), which isolates the block at fault.
 */
function safeParseTogether(text: string, chunks: Chunk[], lexicon: Lexicon, errors: string[], stop: () => boolean): (BlockResult | undefined)[] {
  try {
    return parseBlocksInWindows(text, chunks, lexicon, stop);
  } catch (err) {
    // Fall back to reading block by block, which isolates the block at fault.
    errors.push(`could not read the draft in one pass: ${(err as Error).message}`);
    return [];
  }
}

/**
 * Parse one block, never throwing: a block the parser chokes on is read as empty and
 * the failure recorded, so one odd paragraph cannot take the draft or the server down.
 */
function safeParseBlock(text: string, lexicon: Lexicon, errors: string[]): BlockResult {
  try {
    return parseBlock(text, lexicon);
  } catch (err) {
    errors.push(`could not read a block of ${text.length} characters: ${(err as Error).message}`);
    return EMPTY_BLOCK;
  }
}
