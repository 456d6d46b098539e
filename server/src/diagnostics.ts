/**
 * The one place where the core's plain findings become protocol Diagnostics.
 * A diagnostic's `data` is the finding's data, its range and its key (findingKeys):
 * code actions find the finding by the key, so nothing here needs to know about them.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, LineIndex, ruleDocPath, skillDocPath, type ConfigProblem, type Finding, type Severity } from '../../core/src/index';
import { pathToUri, uriToPath } from './workspace';

export const SOURCE = 'trustline';

/** The code of diagnostics on a `.trustline.yaml` itself: not a check, so it cannot be turned off. */
export const CONFIG_CODE = 'invalid-config';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Links from a diagnostic to its documentation page, shipped inside the extension
 * (`docs/rules/<id>.md`), as file:// URIs so they open offline in the editor.
 */
export class RuleDocs {
  private cache = new Map<string, string | undefined>();

  /** `root` is the extension (or package) root that holds `docs/`. */
  constructor(private _root: string) {}

  get root(): string {
    return this._root;
  }

  /** The client told us where the extension is (initialize): links point there from now on. */
  setRoot(root: string): void {
    this._root = root;
    this.cache.clear();
  }

  /** The page of a check, or undefined when the page does not exist (no dead links). */
  href(id: string): string | undefined {
    return this.page(ruleDocPath(id));
  }

  /** The page that documents the project config file. */
  configHref(): string | undefined {
    return this.page('docs/config.md');
  }

  /** A skill's SKILL.md inside the extension (skills/<name>/SKILL.md), or undefined when it is missing. */
  skillHref(name: string): string | undefined {
    return this.page(skillDocPath(name));
  }

  /**
   * Is this document part of the extension's own library (skills/, docs/)? Those pages
   * quote asks on purpose and their front matter says `trust: {from, to}` for the range a
   * skill serves, so they would read as broken drafts; Trustline never checks them.
   */
  isShipped(uri: string): boolean {
    const file = uriToPath(uri);
    if (file === undefined) return false;
    return ['skills', 'docs'].some((dir) => {
      const rel = path.relative(path.join(this._root, dir), file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  /** Any file under the root, by its forward-slash relative path, whether or not it exists. */
  fileHref(relative: string): string {
    return pathToUri(path.join(this._root, ...relative.split('/')));
  }

  private page(relative: string): string | undefined {
    if (!this.cache.has(relative)) {
      const file = path.join(this._root, ...relative.split('/'));
      this.cache.set(relative, existsSync(file) ? pathToUri(file) : undefined);
    }
    return this.cache.get(relative);
  }
}

/**
 * Where the extension root is: the client says so in `initializationOptions.extensionRoot`
 * (it knows `context.extensionPath`); any other client gets the folder above the server
 * bundle (dist/server.js -> ./), which is the same place in an installed extension or npm package.
 */
export function resolveDocsRoot(initializationOptions: unknown, serverDir: string): string {
  const fromClient = (initializationOptions as { extensionRoot?: unknown } | null | undefined)?.extensionRoot;
  if (typeof fromClient === 'string' && fromClient !== '' && existsSync(path.join(fromClient, 'docs', 'rules'))) return fromClient;
  // Walk up a little: dist/ in the package, server/src/ when run from source with tsx.
  let dir = serverDir;
  for (let i = 0; i < 3; i++) {
    const up = path.dirname(dir);
    if (existsSync(path.join(up, 'docs', 'rules'))) return up;
    dir = up;
  }
  return path.dirname(serverDir);
}

/** A finding as a Diagnostic; `key` is the finding's key among its analysis's findings (findingKeys). */
export function toDiagnostic(finding: Finding, docs: RuleDocs, key: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    message: finding.message,
    // Code actions find the finding by the key in `data`, which clients send back as they got it,
    // not by the diagnostic's range: some clients send that back re-encoded (Neovim 0.7 returns
    // byte columns, so on a line with an emoji or math-bold letters the range no longer matches).
    data: { ...finding.data, range: finding.range, key },
  };
  const href = docs.href(finding.rule);
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

/** A problem in a project config file, shown on the config file itself. */
export function configProblemToDiagnostic(problem: ConfigProblem, lines: LineIndex, docs: RuleDocs): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.range(problem.start, problem.end),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: CONFIG_CODE,
    message: problem.message,
  };
  const href = docs.configHref();
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

/** On a second config file in the same folder: only the first of CONFIG_FILE_NAMES is read. */
export function ignoredConfigFileDiagnostic(usedName: string, docs: RuleDocs): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: CONFIG_CODE,
    message: `This file is ignored: Trustline reads ${usedName} in this folder (the first of ${CONFIG_FILE_NAMES.join(', ')}). Merge the two and delete this one.`,
  };
  const href = docs.configHref();
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

/** On a config file that is a symbolic link out of the project: it is not read (nodeHost.linksOutside). */
export function linkedOutConfigDiagnostic(docs: RuleDocs): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: CONFIG_CODE,
    message: 'This file is ignored: it is a symbolic link to a file outside the project, and Trustline never reads files outside it. Copy the settings into a real file here.',
  };
  const href = docs.configHref();
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}
