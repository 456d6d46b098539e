/**
 * Stage 7 of the analysis (analyze.ts): every check of the registry over the assembled draft,
 * at the severity the settings give it. One check that throws is recorded and reported as a
 * finding of its own; the others still run.
 */
import { CHECKS, type CheckContext } from '../checks/index';
import type { LineIndex } from '../text';
import type { Finding, Severity } from '../types';

/** The findings of every check the settings leave on, in registry order. */
export function runChecks(ctx: CheckContext, lines: LineIndex, internalErrors: string[]): Finding[] {
  const settings = ctx.settings;
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const setting = settings.checks[check.id];
    if (setting === 'off') continue;
    // An unknown value (a typo the host did not catch) keeps the check's own severity.
    const configured = setting !== undefined && SEVERITIES.has(setting) ? (setting as Severity) : undefined;
    try {
      check.check(ctx, (r) => {
        const severity: Severity = configured ?? r.severity ?? check.defaultSeverity;
        const finding: Finding = { rule: check.id, severity, message: r.message, range: lines.range(r.start, r.end), data: { check: check.id, ...r.data } };
        if (r.askIndex !== undefined) finding.askIndex = r.askIndex;
        if (r.frontMatterKey !== undefined) finding.frontMatterKey = r.frontMatterKey;
        findings.push(finding);
      });
    } catch (err) {
      // One broken check must never take the others (or the server) down.
      internalErrors.push(`the ${check.id} check failed: ${(err as Error).message}`);
      findings.push({
        rule: check.id,
        severity: 'error',
        message: `Trustline's ${check.id} check failed on this draft: ${(err as Error).message}. Please report it.`,
        range: lines.range(0, 0),
        data: { check: check.id, internalError: true },
      });
    }
  }
  return findings;
}

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint']);
