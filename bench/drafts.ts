/**
 * Deterministic drafts for the benchmark: for each draft type, the blocks of the bundled
 * examples of that type (headings, prose, lists, links and buttons, quotes, hashtags) drawn in
 * a seeded order until the draft reaches the size asked for. Every repetition is made unique
 * (its numbers are redrawn and a marker is added to its paragraphs), so no block is a verbatim
 * copy of an earlier one: identical blocks are read once and reused by the analyzer, which would
 * flatter the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The tests' seeded PRNG (mulberry32): the same seed gives the same drafts on every machine.
import { rng } from '../test/support/rng';

export const DRAFT_TYPES = ['email', 'landing-page', 'social', 'blog', 'ad'] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

/** Which bundled examples give each type its blocks (by file name prefix). */
const SOURCES: Record<DraftType, RegExp> = {
  email: /^(?:cold-email|customer-email|nurture-email|post-demo-email|recap-email|email-)/,
  'landing-page': /^landing-page/,
  social: /^linkedin-post/,
  blog: /^blog/,
  ad: /^(?:ad-|event-invite)/,
};

const TRUST: Record<DraftType, string> = { email: 'aware', 'landing-page': 'unknown', social: 'aware', blog: 'interested', ad: 'unknown' };

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The body blocks (split at blank lines) of the examples of one type. */
function blocksOf(examples: string, type: DraftType): string[] {
  const out: string[] = [];
  for (const name of readdirSync(examples).sort()) {
    if (!name.endsWith('.md') || !SOURCES[type].test(name)) continue;
    const body = readFileSync(join(examples, name), 'utf8').replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const b of body.split(/\n{2,}/)) if (b.trim() && !b.startsWith('<!--')) out.push(b.trimEnd());
  }
  if (out.length === 0) throw new Error(`bench: no examples of type ${type} in ${examples}`);
  return [...new Set(out)];
}

/**
 * A draft of `type` with at least `words` words, the same on every run. Long drafts repeat the
 * type's blocks under numbered section headings (an email or an ad of 100,000 words is not
 * realistic, but it is what a writer who pastes a long thread or a campaign file sends).
 */
export function makeDraft(examples: string, type: DraftType, words: number, seed = 1): string {
  const pool = blocksOf(examples, type);
  const rand = rng(seed * 7919 + words);
  let out = `---\ntype: ${type}\ntrust: ${TRUST[type]}\n---\n\n`;
  let count = 0;
  for (let round = 1; count < words; round++) {
    // A seeded shuffle of the pool for each round.
    const order = pool.map((b, i) => ({ b, k: rand() + i * 0 })).sort((x, y) => x.k - y.k).map((x) => x.b);
    if (round > 1 && type !== 'social' && type !== 'ad') out += `## Part ${round}\n\n`;
    for (const block of order) {
      if (count >= words) break;
      let b = block.replace(/\d+/g, (d) => String(Math.floor(rand() * 10 ** Math.min(d.length, 4))));
      // A marker on every block after the first round: prose, lists, quotes, links and headings.
      if (round > 1) b = /^[A-Za-z]/.test(b) ? b.replace(/([.!?])?$/, (m) => ` (${round})${m}`) : `${b} (${round})`;
      out += `${b}\n\n`;
      count += wordCount(b);
    }
  }
  return out;
}

/** The bundled examples as they are: name and text. */
export function examplesAsTheyAre(examples: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (name.isDirectory()) walk(join(dir, name.name), `${prefix}${name.name}/`);
      else if (name.name.endsWith('.md') && name.name !== 'README.md') out.push({ name: prefix + name.name, text: readFileSync(join(dir, name.name), 'utf8') });
    }
  };
  walk(examples, '');
  return out;
}
