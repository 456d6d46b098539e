/**
 * Stage 5b of the analysis (analyze.ts), after the trained reader: install commands in a post or
 * an ad. A launch post's "⬇️ brew install --cask gitbar" or "npm i -g crewswarm && crewswarm" on a
 * line of its own is its call to action: trying the product in hand (evaluate, section 2a: "try
 * it", "self-host it"). In a README, docs or an email the same line is a setup step the reader
 * follows once they have chosen, so the rule reads the draft's type, which only the profile knows.
 * Code blocks are never read (section 2a), so only a command written as text counts.
 */
import { ASK_LEVELS } from '../model';
import type { LineIndex } from '../text';
import type { Profile } from '../types';
import { askAt, inTextOrder, wordsSpan, type Sentences } from './sentences';

/**
 * A sentence that is a command to install a product: after lead symbols ("⬇️", "$") and an
 * optional short label ("Install:", "Quick start:"), a package manager's install verb, then what
 * it installs. Running a tool ("npx tool generate <url>") shows how it is used, and is not here.
 */
const COMMAND =
  /^[^a-z0-9]*(?:[a-z][a-z ]{0,20}:\s*)?(?:\$\s*)?(?:npm (?:i|install)|pnpm (?:add|i|install)|yarn (?:add|global add)|bun (?:add|install|i)|pip3? install|pipx install|uv (?:tool install|pip install)|brew install|cargo install|go install|gem install|docker pull|code --install-extension|\/plugin install|deno install)\s+[^\s]/;

/** A line that introduces a usage example ("Usage:"), not a call to action. */
const USAGE_LABEL = /^[^a-z0-9]*(?:usage|example|examples|syntax|for example)\s*:$/;

/** The draft types whose install line is the call to action. */
const POST_TYPES = new Set(['social', 'ad']);

export function commandAsks(text: string, lines: LineIndex, sentences: Sentences, profile: Profile): void {
  if (!POST_TYPES.has(profile.type.value ?? '')) return;
  const { asks, units, unitRejected, dropped } = sentences;
  let added = false;
  units.forEach((unit, i) => {
    if (unit.ask !== undefined || unit.header || unit.container === 'heading' || unitRejected.has(i) || dropped.has(i)) return;
    if (unit.words > 24 || !COMMAND.test(unit.text)) return;
    // "Try it now:" over the command holds the ask itself; "Usage:" introduces an example.
    const prev = i > 0 ? units[i - 1]! : undefined;
    if (prev && /:\s*$/.test(prev.text) && (prev.ask !== undefined || USAGE_LABEL.test(prev.text))) return;
    const [start, end] = wordsSpan(text, unit.start, unit.end);
    if (start >= end) return;
    unit.ask = asks.length;
    asks.push(askAt(text, lines, start, end, unit.start, unit.end, 'evaluate', ASK_LEVELS.evaluate, 'sentence', 'read as an install command in a post or an ad: trying the product (evaluate)', false));
    added = true;
  });
  // Asks in the order of the text, each sentence pointing at its own.
  if (added) inTextOrder(asks, units);
}
