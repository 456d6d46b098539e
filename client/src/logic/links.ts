/**
 * Hover links, made to open the way a writer expects. The server links skills
 * as file URIs of skills/<name>/SKILL.md inside the extension (which works in
 * any editor); in VS Code the client turns them into `trustline.openSkill`
 * command links, so a click opens the rendered skill in the markdown preview
 * instead of its source. No `vscode` import (test/unit/client-links.test.ts).
 */
import { skillInfo } from '../../../core/src/client';

/** The command a rewritten link runs; the hover must trust exactly this one. */
export const OPEN_SKILL_COMMAND = 'trustline.openSkill';

/** A command link: `command:trustline.openSkill?%5B%22name%22%5D`. */
export function openSkillCommandUri(name: string): string {
  return `command:${OPEN_SKILL_COMMAND}?${encodeURIComponent(JSON.stringify([name]))}`;
}

/**
 * Rewrite markdown links whose target is a file URI ending in
 * `/skills/<known skill>/SKILL.md`. Other links (rule pages, the web) stay.
 * Returns the markdown unchanged when there is nothing to rewrite.
 */
export function rewriteSkillLinks(markdown: string): { markdown: string; rewritten: boolean } {
  let rewritten = false;
  const out = markdown.replace(/\]\((file:[^)\s]*\/skills\/([a-z0-9-]+)\/SKILL\.md)\)/g, (whole, _uri: string, name: string) => {
    if (!skillInfo(name)) return whole;
    rewritten = true;
    return `](${openSkillCommandUri(name)})`;
  });
  return { markdown: out, rewritten };
}
