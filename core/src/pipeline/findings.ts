/**
 * Stage 8 of the analysis (analyze.ts): what the checks found becomes what the writer sees.
 * Findings silenced by suppression comments are removed, a block the parser could not read gets
 * its one finding, the findings are put in document order, and `maxFindings` keeps the ones that
 * matter most.
 */
import type { Directive, ParserHazard } from '../blocks';
import { CHECKS } from '../checks/index';
import type { LineIndex } from '../text';
import type { Finding, Severity } from '../types';

export interface FinishedFindings {
  findings: Finding[];
  /** Findings removed by suppression comments. */
  suppressed: number;
  /** Findings cut by `maxFindings` (0 when none were). */
  omitted: number;
}

/** Suppressions, unread blocks, document order, then the cap. */
export function finishFindings(found: Finding[], directives: Directive[], unread: ParserHazard[], lines: LineIndex, maxFindings: number): FinishedFindings {
  let findings = found;
  const before = findings.length;
  findings = applySuppressions(findings, directives, lines);
  const suppressed = before - findings.length;
  // A block the markdown parser would hang on was not read (blocks.ts, parserHazard): one finding
  // says so, and no comment silences it.
  for (const u of unread) findings.push(unreadFinding(u, lines));
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.rule.localeCompare(b.rule) ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      a.message.localeCompare(b.message),
  );

  const omitted = Math.max(0, findings.length - maxFindings);
  if (omitted > 0) findings = capFindings(findings, maxFindings, lines);
  return { findings, suppressed, omitted };
}

/** Remove findings silenced by `<!-- trustline-disable... -->` comments. */
function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const fileOff = new Set<string>();
  let fileAll = false;
  const lineOff: { line: number; ids: string[] }[] = [];
  const ranges: { from: number; to: number; ids: string[] }[] = [];
  const open: { from: number; ids: string[] }[] = [];
  for (const d of directives) {
    const line = lines.positionAt(d.start).line;
    const endLine = lines.positionAt(d.end).line;
    switch (d.kind) {
      case 'disable-file':
        if (d.ids.length === 0) fileAll = true;
        for (const id of d.ids) fileOff.add(id);
        break;
      case 'disable-next-line': {
        // The next line that holds text: a blank line after the comment is forgiven.
        let target = endLine + 1;
        while (target < lines.lineCount - 1 && lines.lineText(target).trim() === '') target++;
        lineOff.push({ line: target, ids: d.ids });
        // A comment at the end of a line of text silences that line too.
        if (lines.lineText(line).slice(0, lines.positionAt(d.start).character).trim() !== '') lineOff.push({ line, ids: d.ids });
        break;
      }
      case 'disable':
        open.push({ from: line, ids: d.ids });
        break;
      case 'enable': {
        const closeIds = d.ids;
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (closeIds.length === 0 || o.ids.length === 0 || o.ids.some((id) => closeIds.includes(id))) {
            ranges.push({ from: o.from, to: line, ids: o.ids });
            open.splice(i, 1);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  for (const o of open) ranges.push({ from: o.from, to: Number.MAX_SAFE_INTEGER, ids: o.ids });
  const hits = (ids: string[], rule: string) => ids.length === 0 || ids.includes(rule);
  // Looked up by line, not scanned for every finding: a draft of thousands of comments and
  // findings stays linear. Lines silenced by one comment, by line; ranges by check id ('' for all).
  const byLine = new Map<number, string[][]>();
  for (const o of lineOff) {
    const list = byLine.get(o.line);
    if (list) list.push(o.ids);
    else byLine.set(o.line, [o.ids]);
  }
  const spans = lineSpans(ranges);
  return findings.filter((f) => {
    // Problems with the front matter or with the comments themselves are never silenced by a comment.
    if (UNSUPPRESSIBLE.has(f.rule)) return true;
    if (fileAll || fileOff.has(f.rule)) return false;
    const l = f.range.start.line;
    if (byLine.get(l)?.some((ids) => hits(ids, f.rule))) return false;
    if (covers(spans.get(''), l) || covers(spans.get(f.rule), l)) return false;
    return true;
  });
}

/** Disabled line ranges per check id ('' for every check), sorted and merged. */
function lineSpans(ranges: { from: number; to: number; ids: string[] }[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const r of ranges) {
    for (const id of r.ids.length === 0 ? [''] : r.ids) {
      const list = out.get(id);
      if (list) list.push([r.from, r.to]);
      else out.set(id, [[r.from, r.to]]);
    }
  }
  for (const [id, list] of out) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    out.set(id, merged);
  }
  return out;
}

/** Whether sorted, disjoint spans hold `line` (a binary search). */
function covers(spans: [number, number][] | undefined, line: number): boolean {
  if (!spans) return false;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1]![1] >= line;
}


/** The rule of the one note that says how many findings `maxFindings` cut (not a check: it cannot be turned off). */
export const MAX_FINDINGS_NOTE = 'max-findings';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The `max` findings that matter most (errors first, then warnings, information, hints; in
 * document order within each), back in document order, then one note at the top of the
 * document saying how many were left out. `findings` is sorted by position.
 */
function capFindings(findings: Finding[], max: number, lines: LineIndex): Finding[] {
  const omitted = findings.length - max;
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const n = (x: number) => x.toLocaleString('en-US');
  kept.push({
    rule: MAX_FINDINGS_NOTE,
    severity: 'information',
    message: `This draft has ${n(findings.length)} findings; only the first ${n(max)} by severity are shown and ${n(omitted)} ${omitted === 1 ? 'was' : 'were'} left out (maxFindings is ${n(max)}). Fix these, or raise maxFindings to see them all.`,
    range: lines.range(0, 0),
    data: { check: MAX_FINDINGS_NOTE, omitted, maxFindings: max },
  });
  return kept;
}

/** The rule of the finding on a block that was not read (not a check: it cannot be turned off). */
export const UNREAD_BLOCK = 'unread-block';

function unreadFinding(u: ParserHazard, lines: LineIndex): Finding {
  return {
    rule: UNREAD_BLOCK,
    severity: 'warning',
    message: `Trustline did not read this block: it holds ${u.reason}, and the markdown parser's time grows with the square of that, enough to freeze the editor. Its asks and pressure are not checked: remove the extra markers to have it checked.`,
    range: lines.range(u.start, u.end),
    data: { check: UNREAD_BLOCK },
  };
}

/** Checks whose findings a suppression comment cannot silence (see Check.suppressible). */
const UNSUPPRESSIBLE = new Set(CHECKS.filter((c) => c.suppressible === false).map((c) => c.id));
