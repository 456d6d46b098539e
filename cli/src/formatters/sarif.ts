/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, every check
 * as a rule with its help link, one result per finding with an exact region. Columns count UTF-16
 * code units, as the core's ranges do, and the run says so (`columnKind`).
 * Streamed like the JSON format: results are written as files finish.
 */
import { CHECKS, type Check, type Severity } from '../../../core/src/index';
import { REPOSITORY_URL, ruleHelpUri } from '../meta';
import type { FileNote, FileReport, Summary } from '../report';
import type { Formatter, FormatterContext } from './formatter';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Every rule a finding can carry: the checks of the registry, in its order. */
export const SARIF_RULES: readonly Check[] = CHECKS;

const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase());

/** Percent-encode a relative path for an artifact URI, keeping the slashes. */
export function pathToUriReference(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function sarif(ctx: FormatterContext): Formatter {
  const index = new Map(SARIF_RULES.map((r, i) => [r.id, i]));
  let first = true;
  return {
    begin() {
      const driver = {
        name: 'Trustline',
        version: ctx.version,
        semanticVersion: ctx.version,
        informationUri: REPOSITORY_URL,
        rules: SARIF_RULES.map((r) => ({
          id: r.id,
          name: pascal(r.id),
          shortDescription: { text: r.description },
          fullDescription: { text: `${r.description} Default severity: ${r.severityNote ?? r.defaultSeverity}.` },
          helpUri: ruleHelpUri(r.id),
          help: { text: `${r.description} What it means and how to fix it: ${ruleHelpUri(r.id)}`, markdown: `${r.description} [What it means and how to fix it](${ruleHelpUri(r.id)}).` },
          defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          properties: { tags: r.tags },
        })),
      };
      const head = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
      };
      ctx.write(`${JSON.stringify(head).slice(0, -1)},"runs":[{"tool":${JSON.stringify({ driver })},"columnKind":"utf16CodeUnits","results":[`);
    },
    file(r: FileReport, rootPath: string) {
      let out = '';
      for (const f of r.findings) {
        const result = {
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? -1,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUriReference(rootPath), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          properties: { severity: f.severity },
        };
        if (result.ruleIndex < 0) delete (result as { ruleIndex?: number }).ruleIndex;
        out += `${first ? '\n' : ',\n'}${JSON.stringify(result)}`;
        first = false;
      }
      if (out) ctx.write(out);
    },
    end(_s: Summary, notes: readonly FileNote[]) {
      const invocation = {
        executionSuccessful: !notes.some((n) => n.kind === 'error'),
        toolExecutionNotifications: notes.map((n) => ({
          level: n.kind === 'error' ? 'error' : 'note',
          message: { text: `${n.path}: ${n.message}` },
          ...(n.path.startsWith('<') ? {} : { locations: [{ physicalLocation: { artifactLocation: { uri: pathToUriReference(n.path) } } }] }),
        })),
      };
      ctx.write(`\n],"invocations":[${JSON.stringify(invocation)}]}]}\n`);
    },
  };
}
