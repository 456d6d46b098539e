/**
 * Stage 5b of the analysis (analyze.ts), after the trained reader: install commands in a post or
 * an ad. A launch post's "⬇️ brew install --cask gitbar" or "npm i -g crewswarm && crewswarm" on a
 * line of its own is its call to action: trying the product in hand (evaluate, section 2a: "try
 * it", "self-host it"). In a README, docs or an email the same line is a setup step the reader
 * follows once they have chosen, so the rule reads the draft's type, which only the profile knows.
 * Code blocks are never read (trust model section 2: text in code blocks is not an ask), so only a
 * command written as text counts.
 */
import { ASK_LEVELS } from '../model';
import type { LineIndex } from '../text';
import type { Ask, Profile } from '../types';
import { askOnSentence, inTextOrder, type Sentences } from './sentences';

/**
 * A sentence that is a command to install a product: after lead symbols ("⬇️", "$") and an
 * optional short label ("Install:", "Quick start:"), a package manager's install verb, then what
 * it installs. Running a tool ("npx tool generate <url>") shows how it is used, and is not here.
 */
const COMMAND =
  /^[^a-z0-9]*(?:([a-z][a-z0-9 ]{0,20}):\s*)?(?:\$\s*)?(?:npm (?:i|install)|pnpm (?:add|i|install)|yarn (?:add|global add)|bun (?:add|install|i)|pip3? install|pipx install|uv (?:tool install|pip install)|brew install|cargo install|go install|gem install|docker pull|code --install-extension|\/plugin install|deno install)\s+[^\s]/;

/**
 * Running the product with nothing but a start-like subcommand ("npx claude-session-dashboard",
 * "One command to start: npx @dean0x/delegate mcp start"): trying it, as installing it is. A
 * runner with arguments ("npx wmcp-annotate generate https://your-site.com") shows how the tool is
 * used, and is not here.
 */
const RUNNER =
  /^[^a-z0-9]*(?:([a-z][a-z0-9 ]{0,24}):\s*)?`?(?:\$\s*)?(?:npx|bunx|pnpm dlx|uvx)\s+(?:-y\s+)?[@a-z0-9][^\s`]*(?:\s+(?:mcp\s+)?(?:start|init|dev|serve|up|run))?[`\s]*(?:$|or\b)/;

/** A post's label for the line that installs the product ("Install: add to .mcp.json and restart Claude Code."). */
const INSTALL_LABEL = /^[^a-z0-9]*(?:install|installation|to install)\s*:\s*[a-z0-9`/.@$\u0000]/;

/** A label that introduces a usage example ("Usage:", "Example usage:"), not a call to action. */
const USAGE_LABEL = /^(?:example usage|usage example|usage|example|examples|syntax|for example|e\.g\.)$/;

/**
 * A sentence that is prose about a command rather than the command: it ends like a sentence
 * ("npm install takes 4 minutes on our monorepo.", "pip install fails on M1 again.").
 */
const PROSE_END = /[.!?]["')\]]*$/;

/** A line that points down at what follows ("Try it 👇", "Get it ⬇️", "Install →"). */
const POINTS_DOWN = /(?:👇|⬇️?|↓|→|:)\s*$/u;

/** The draft types whose install line is the call to action. */
const POST_TYPES = new Set(['social', 'ad']);

export function commandAsks(text: string, lines: LineIndex, sentences: Sentences, profile: Profile): void {
  if (!POST_TYPES.has(profile.type.value ?? '')) return;
  const { asks, units, unitRejected, dropped } = sentences;
  let added = false;
  units.forEach((unit, i) => {
    if (unit.ask !== undefined || unit.header || unit.container === 'heading' || dropped.has(i)) return;
    const labelled = INSTALL_LABEL.test(unit.text);
    // A section 2a filter turned a phrasing down here; on a line labelled "Install:" the advice
    // filter ("restart your editor") reads the install step itself.
    const rejected = unitRejected.get(i);
    if (rejected !== undefined && !(rejected === 'advice' && labelled)) return;
    if (unit.words > 24) return;
    // "One command: `npx tool`": the command in inline code, which the sentence's words leave out.
    const inline = /:\s*$/.test(unit.text) ? inlineCommand(text, unit.start) : undefined;
    const m = COMMAND.exec(unit.text) ?? RUNNER.exec(unit.text) ?? (inline !== undefined ? COMMAND.exec(inline) ?? RUNNER.exec(inline) : null);
    if (!m && !labelled) return;
    if (m && m[1] !== undefined && USAGE_LABEL.test(m[1].trim())) return;
    // Prose about a command ends like a sentence; a line labelled "Install:" may too.
    if (!labelled && PROSE_END.test(unit.text)) return;
    // "Try it now:" or "Try it 👇" over the command holds the ask itself: the line just above, or
    // one a few lines up in the same paragraph ("**Try it now:** / GitHub: <link> / Install: ...").
    for (let j = i - 1; j >= Math.max(0, i - 3) && (j === i - 1 || units[j]!.block === unit.block); j--) if (POINTS_DOWN.test(units[j]!.text) && units[j]!.ask !== undefined) return;
    // A second install line (another platform) is the same request; "Usage:" introduces an example.
    const prev = i > 0 ? units[i - 1]! : undefined;
    if (prev && (COMMAND.test(prev.text) || RUNNER.test(prev.text) || INSTALL_LABEL.test(prev.text) || USAGE_LABEL.test(prev.text.replace(/[^a-z .]+$/, '').replace(/^[^a-z]+/, '')))) return;
    if (askOnSentence(text, lines, asks, unit, 'evaluate', ASK_LEVELS.evaluate, 'read as an install command in a post or an ad: trying the product (evaluate)')) added = true;
  });
  // Asks in the order of the text, each sentence pointing at its own.
  if (added) inTextOrder(asks, units);
}

/** The inline code that ends the line a sentence starts on ("One command to start: `npx tool`"), lower-cased. */
function inlineCommand(text: string, start: number): string | undefined {
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  if (end - start > 400) return undefined;
  const code = /`([^`\n]+)`[\s.!]*$/.exec(text.slice(start, end));
  return code ? code[1]!.toLowerCase() : undefined;
}

/** The draft types where a line that introduces code is a setup step: a README or docs page, a blog post. */
const DOC_TYPES = new Set(['landing-page', 'blog']);

/**
 * A line over code that still invites the reader: to try ("If you want to try it locally, you can
 * run the following command:", "Get started in 30 seconds:", "Click the button to deploy:", "Start
 * your free trial:"), to sign up, book or buy ("Sign up for the private beta:", "Book a demo, or
 * spin it up yourself:"), to join or subscribe.
 */
const INVITES = /\b(?:try|trying|trial|demo|beta|get started|deploy|sign(?:\s|-)?up|subscribe|register|book|buy|order|grab|claim|you can|you may|if you|join|quick ?start)\b/;

/**
 * A README's or a blog post's "Generate a new project by running the following command:", "Start
 * Kestra:" or "Install vLLM with `pip` or [from source](...):" over a code block is a setup step
 * the reader follows once they have chosen (section 2a: how-to steps are not asks), whatever verb
 * it opens with. In the labelled sets, 18 such lines in READMEs and blog posts are how-to steps
 * and 5 asks, 4 of those an invitation to try ("If you want to try Elasticsearch locally, you
 * can run the following command:"), which stays an ask. In a social post, an ad or an email the
 * line before a code block is the call to action more often ("Get started in 30 seconds:"), so
 * only READMEs (landing pages) and blog posts are read.
 */
export function setupSteps(sentences: Sentences, profile: Profile): void {
  if (!DOC_TYPES.has(profile.type.value ?? '')) return;
  const { asks, units, beforeCode } = sentences;
  const drop = new Set<Ask>();
  for (const i of beforeCode) {
    const unit = units[i]!;
    if (unit.ask === undefined || unit.container === 'heading' || !/:\s*$/.test(unit.text) || INVITES.test(unit.text)) continue;
    drop.add(asks[unit.ask]!);
  }
  if (drop.size > 0) inTextOrder(asks, units, drop);
}
