/**
 * What the client shows of a draft profile, as plain strings: the status bar
 * text and tooltip, and the Show draft profile page. No `vscode` import, so the
 * unit tests run it without an editor (test/unit/client-format.test.ts).
 */
import type { DraftProfile, ProfileAsk } from '../../../core/src/client';

/** "landing page" -> "Landing page". */
export function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function plural(n: number, word: string, many = `${word}es`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The draft type as a writer names it: "Email", "Landing page", "Draft" when unknown. */
export function typeLabel(p: DraftProfile): string {
  return p.type?.name ? upperFirst(p.type.name) : 'Draft';
}

/** "0 UNKNOWN", with "(assumed)" when the draft does not declare it. */
export function trustLabel(p: DraftProfile): string {
  if (!p.trust) return '';
  return p.trust.source === 'declared' ? p.trust.label : `${p.trust.label} (assumed)`;
}

/** The lexicon rule that found an ask, without its pattern: "evaluate.demo", "calendar link". */
export function shortVia(via: string): string {
  const i = via.indexOf(':');
  return (i < 0 ? via : via.slice(0, i)).trim();
}

/**
 * The status bar text: "$(shield) Email · 0 UNKNOWN · 1 mismatch". Undefined for
 * documents that are not drafts: the item is hidden there.
 */
export function statusBarText(p: DraftProfile | null | undefined): string | undefined {
  if (!p || !p.isDraft) return undefined;
  return `$(shield) ${typeLabel(p)} · ${trustLabel(p)} · ${plural(p.findings.mismatches, 'mismatch')}`;
}

/** The status bar tooltip, as markdown. */
export function statusBarTooltip(p: DraftProfile): string {
  const lines: string[] = [`**Trustline** · ${typeLabel(p).toLowerCase()} draft`, ''];
  if (p.type) lines.push(`- Type: ${p.type.name ? upperFirst(p.type.name) : 'unknown'} (${p.type.detail})`);
  if (p.channel) lines.push(`- Channel: ${p.channel.name ?? 'none'} (${p.channel.detail})`);
  if (p.trust) lines.push(`- Audience: ${p.trust.label}, ${p.trust.meaning} (${p.trust.detail})`);
  const above = p.asks.filter((a) => a.gap > 0).length;
  lines.push(`- Asks: ${p.asks.length}${p.asks.length > 0 ? `, ${above} above the audience's trust` : ''}`);
  const others = p.findings.total - p.findings.mismatches;
  if (others > 0) lines.push(`- Other findings: ${others}`);
  lines.push('');
  const skill = p.recommendation?.skill;
  lines.push(skill ? `Click for **Recommend Skill** (${skill} fits this draft)` : 'Click for **Recommend Skill**');
  return lines.join('\n');
}

/** Text for inline markdown: markup characters escaped, on one line. */
function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function askLine(a: ProfileAsk, i: number): string {
  const gap = a.gap > 0 ? `${a.gap} above the audience` : a.gap < 0 ? `${-a.gap} below the audience` : 'fits the audience';
  const why = [a.finding ? `flagged by \`${a.finding}\`` : '', `found by ${escapeInline(shortVia(a.via))}`].filter(Boolean).join('; ');
  return `${i + 1}. **Line ${a.range.start.line + 1}**: "${escapeInline(a.text)}": ${a.class}, needs **${a.levelLabel}**, ${gap} (${why})`;
}

/**
 * The Show draft profile page (a markdown document rendered in the preview):
 * what the draft is, where each value came from, the asks with their lines, the
 * findings and the recommended skill.
 */
export function profileMarkdown(p: DraftProfile, fileName: string): string {
  const out: string[] = [`# Draft profile: ${escapeInline(fileName)}`, ''];
  if (!p.isDraft) {
    const why: Record<string, string> = {
      'out-of-scope': 'it is not a draft: no `type:` or `trust:` in its front matter, and its path matches none of `trustline.draftGlobs`.',
      'too-large': 'it is longer than `trustline.maxFileSize`.',
      'over-budget': 'checking it took longer than `trustline.timeBudgetMs`.',
      disabled: '`trustline.enable` is off for it.',
      'not-markdown': 'it is not a markdown document.',
    };
    out.push(`Trustline does not check this document: ${why[p.skipped ?? 'out-of-scope'] ?? why['out-of-scope']}`, '');
    out.push('Add front matter such as `type: email` and `trust: 1` to make it a draft.');
    return out.join('\n') + '\n';
  }
  out.push(`*Version ${p.version}. Updates as you edit.*`, '');
  // Lists, not tables: the page opens in a side column, where tables wrap badly.
  out.push(`- **Type**: ${escapeInline(p.type?.name ? upperFirst(p.type.name) : 'unknown')} (${escapeInline(p.type?.detail ?? '')})`);
  out.push(`- **Channel**: ${escapeInline(p.channel?.name ?? 'none')} (${escapeInline(p.channel?.detail ?? '')})`);
  if (p.trust) out.push(`- **Audience trust**: ${p.trust.label}, ${escapeInline(p.trust.meaning)} (${escapeInline(p.trust.detail)})`);
  out.push('');

  out.push(`## Asks (${p.asks.length})`, '');
  if (p.asks.length === 0) out.push('No call to action found.');
  else p.asks.forEach((a, i) => out.push(askLine(a, i)));
  out.push('');

  out.push(`## Findings (${p.findings.total})`, '');
  const rules = Object.entries(p.findings.byRule);
  if (rules.length === 0) out.push('None.');
  else for (const [rule, n] of rules.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`- \`${rule}\`: ${n}`);
  out.push('');

  const rec = p.recommendation;
  if (rec?.skill) {
    out.push('## Recommended skill', '');
    out.push(`**${rec.skill}**${rec.also.length > 0 ? ` with ${rec.also.join(', ')}` : ''}${rec.check.length > 0 ? `, and check ${rec.check.join(', ')}` : ''}`, '');
    if (rec.why) out.push(`${escapeInline(rec.why)}`, '');
    out.push(`Why: ${escapeInline(rec.explanation)}`, '');
    out.push('Run **Trustline: Recommend Skill** to open it, or walk the playbook from there.');
  }
  return out.join('\n') + '\n';
}
