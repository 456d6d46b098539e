// Regenerates every list of checks, classes, channels and stages that is kept in a file, from the
// core's data and the check files: the registry itself (core/src/checks/index.ts lists
// every check file of its folder), schemas/*.schema.json, the trustline.checks setting in
// package.json, the ids in docs/config.md and docs/settings.md, and the table of checks in
// docs/rules/README.md (between their `generated:` markers).
// Run after adding a check, class or channel: npm run generate
// With --check it writes nothing and fails, naming the files, when one is out of step
// (test/unit/registry-lists.test.ts runs it so).
import fs from 'node:fs';
import path from 'node:path';
import type { Check } from '../core/src/checks/check';
import stages from '../skills/stages.json';

const root = path.join(__dirname, '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const check = process.argv.includes('--check');

/** The lines between `// generated: NAME...` and `// /generated` in a TypeScript file. */
function betweenLines(text: string, name: string, content: string, file: string): string {
  const open = text.indexOf(`// generated: ${name}`);
  const openEnd = open < 0 ? -1 : text.indexOf('\n', open) + 1;
  const close = openEnd < 1 ? -1 : text.indexOf('// /generated', openEnd);
  if (close < 0) throw new Error(`${file}: no // generated: ${name} ... // /generated markers`);
  return `${text.slice(0, openEnd)}${content}\n${text.slice(close)}`;
}

// First the registry, from the files alone, before the core is loaded (a deleted check file
// would stop it loading): every file of core/src/checks/ but the contract and the
// helpers, each exporting its check as the camel-case form of its id. The registry's order is
// kept (it is the order users see in SARIF, the schemas and the settings); a new file goes last.
const REGISTRY = 'core/src/checks/index.ts';
const NOT_CHECKS = new Set(['check', 'index', 'util']);
const camel = (id: string) => id.replace(/-([a-z])/g, (_m, ch: string) => ch.toUpperCase());
const checkFiles = fs.readdirSync(path.join(root, 'core', 'src', 'checks')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((f) => !NOT_CHECKS.has(f));
const registryText = read(REGISTRY);
const registered = [...registryText.matchAll(/^import \{ \w+ \} from '\.\/([a-z-]+)';$/gm)].map((m) => m[1]!).filter((id) => checkFiles.includes(id));
const CHECK_IDS = [...registered, ...checkFiles.filter((f) => !registered.includes(f)).sort()];
const registry = betweenLines(
  registryText,
  'checks',
  [...CHECK_IDS.map((id) => `import { ${camel(id)} } from './${id}';`), '', 'export const CHECKS: readonly Check[] = [', ...CHECK_IDS.map((id) => `  ${camel(id)},`), '];'].join('\n'),
  REGISTRY,
);
if (registry !== registryText) {
  if (check) {
    console.error(`Out of step with the check files: ${REGISTRY}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(root, REGISTRY), registry);
}

// Then everything else, from the core (loaded now, with the registry as it is on disk).
// Required here, not imported at the top: the core must load after the registry is written.
const core = require('../core/src/index') as typeof import('../core/src/index');
const { MAX_FILE_SIZE_RANGE, TIME_BUDGET_RANGE, MAX_FINDINGS_RANGE, DEFAULT_SETTINGS, SEVERITY_SETTINGS, MAX_PHRASE_LENGTH, ASK_CLASSES, CHANNELS, STAGES, DRAFT_TYPES, ASK_LABELS, MAX_FINDINGS_NOTE, UNREAD_BLOCK } = core;
const CHECKS: readonly Check[] = core.CHECKS;
const stageNames = [...new Set([...STAGES.map(s => s.name.toLowerCase()), ...Object.keys(stages.aliases)])];
const level = { type: 'integer', minimum: 0, maximum: 6 };
const trust = {
  anyOf: [
    { ...level, description: 'A trust level: 0 UNKNOWN, 1 AWARE, 2 INTERESTED, 3 ENGAGED, 4 TRUSTING, 5 CUSTOMER, 6 ADVOCATE (shown 5+).' },
    { type: 'string', enum: [...['0','1','2','3','4','5','6'], ...stageNames, ...stageNames.filter(n => /[a-z]/.test(n)).map(n => n.toUpperCase())], description: 'A trust level as text or a stage name (case-insensitive; "5+" and "advocate" are 6).' },
  ],
};
const checkProps: Record<string, unknown> = {};
for (const c of CHECKS) checkProps[c.id] = { $ref: '#/definitions/severity', description: `${c.description} Default: ${c.severityNote ?? c.defaultSeverity}.` };
const channelProps: Record<string, unknown> = {};
for (const c of CHANNELS) channelProps[c.id] = { $ref: '#/definitions/range', description: `${c.name} (${c.role}). Built-in range: [${c.from}, ${c.to}].` };
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://trustline.invalid/schemas/trustline-config.schema.json',
  title: 'Trustline project config (.trustline.yaml, .trustline.yml, .trustline.json)',
  description: 'Project-wide Trustline settings, read by the VS Code extension and the trustline CLI alike. It overrides VS Code settings and is overridden by CLI flags. See docs/config.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
    checks: {
      type: 'object',
      description: 'Severity per check id; `off` silences a check. Checks not listed keep their default severity.',
      additionalProperties: false,
      properties: checkProps,
    },
    defaultTrust: { ...trust, description: 'Trust level assumed for drafts that declare no `trust:`. Without it, the entry level of the draft\'s channel is used.' },
    drafts: {
      type: 'array',
      description: 'Glob patterns (relative to the project root) of files that are drafts even without front matter. Replaces the built-in list (**/drafts/**, **/emails/**, **/campaigns/**, **/copy/**, **/*.email.md, **/*.draft.md). A pattern without a slash matches in any folder.',
      items: { type: 'string', minLength: 1 },
    },
    lintAll: { type: 'boolean', default: false, description: 'Lint every markdown file in the project, not only drafts (files with `type:`/`trust:` front matter or matching `drafts`).' },
    asks: {
      type: 'array',
      description: 'Extra ask phrasings your team uses, as literal text (not patterns), each with the ask class it requests.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['phrase', 'class'],
        properties: {
          phrase: { type: 'string', minLength: 1, maxLength: MAX_PHRASE_LENGTH, description: 'Literal text, matched case-insensitively with any whitespace between words.' },
          class: { $ref: '#/definitions/askClass' },
        },
      },
    },
    pressure: {
      type: 'array',
      description: 'Extra urgency or hard-sell phrasings (literal text) for pressure-before-trust.',
      items: { type: 'string', minLength: 1, maxLength: MAX_PHRASE_LENGTH },
    },
    channels: {
      type: 'object',
      description: 'Per-channel trust ranges [from, to] that override the playbook\'s coordination table.',
      additionalProperties: false,
      properties: channelProps,
    },
    maxFileSize: { type: 'integer', minimum: MAX_FILE_SIZE_RANGE.min, maximum: MAX_FILE_SIZE_RANGE.max, default: 1000000, description: `Documents longer than this many characters are skipped, with one message (${MAX_FILE_SIZE_RANGE.min.toLocaleString('en-US')} to ${MAX_FILE_SIZE_RANGE.max.toLocaleString('en-US')}; a value outside falls back to the default).` },
    timeBudgetMs: { type: 'integer', minimum: TIME_BUDGET_RANGE.min, maximum: TIME_BUDGET_RANGE.max, default: DEFAULT_SETTINGS.timeBudgetMs, description: `Milliseconds one document's analysis may take; a document that takes longer is skipped, and you are told once (${TIME_BUDGET_RANGE.min.toLocaleString('en-US')} to ${TIME_BUDGET_RANGE.max.toLocaleString('en-US')}; a value outside falls back to the default).` },
    maxFindings: { type: 'integer', minimum: MAX_FINDINGS_RANGE.min, maximum: MAX_FINDINGS_RANGE.max, default: DEFAULT_SETTINGS.maxFindings, description: `Findings shown per document at most, the most severe first; one note says how many more were left out (${MAX_FINDINGS_RANGE.min.toLocaleString('en-US')} to ${MAX_FINDINGS_RANGE.max.toLocaleString('en-US')}; a value outside falls back to the default).` },
  },
  definitions: {
    severity: { type: 'string', enum: [...SEVERITY_SETTINGS], description: 'off | hint | information | warning | error' },
    askClass: {
      type: 'string',
      enum: [...ASK_CLASSES],
      description: 'The ask class: ' + ASK_CLASSES.map(c => ASK_LABELS[c]).join('; ') + '.',
    },
    range: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: 0, maximum: 6 }, description: 'Trust levels [from, to], 0-6, from <= to.' },
  },
};
const pos = { type: 'object', additionalProperties: false, required: ['line', 'character'], properties: { line: { type: 'integer', minimum: 0, description: '0-based line.' }, character: { type: 'integer', minimum: 0, description: '0-based column in UTF-16 code units (as in LSP).' } } };
const sources = ['declared', 'inferred', 'assumed', 'default', 'unknown'];
const sourced = (values: unknown, what: string) => ({
  type: 'object', additionalProperties: false, required: ['value', 'source', 'detail'],
  description: `The draft's ${what} and where it came from.`,
  properties: { value: values, source: { $ref: '#/definitions/source' }, detail: { type: 'string', description: 'Where the value came from, in words a writer understands ("declared in front matter", "inferred from the Subject: line", "given with --type").' } },
});
const report = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://trustline.invalid/schemas/trustline-report.schema.json',
  title: 'Trustline report (trustline lint --format json)',
  description: 'The full analysis of a lint run: one entry per linted draft, files that could not be linted, and a summary. Positions: line/column are 1-based for people; range is 0-based with UTF-16 columns, as in LSP. Files out of the opt-in scope are counted in summary.skipped and have no entry.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'files', 'problems', 'summary'],
  properties: {
    version: { const: 1, description: 'Version of this report format; bumped on incompatible changes.' },
    tool: { type: 'object', additionalProperties: false, required: ['name', 'version'], properties: { name: { const: 'trustline' }, version: { type: 'string' } } },
    files: { type: 'array', items: { $ref: '#/definitions/file' }, description: 'One entry per linted draft, in the order the inputs named them (directories sorted by name).' },
    problems: { type: 'array', items: { $ref: '#/definitions/problem' }, description: 'Inputs that were not linted: missing, unreadable, not UTF-8, binary, too large, symlink loops, vanished during the run.' },
    summary: {
      type: 'object', additionalProperties: false,
      required: ['files', 'errors', 'warnings', 'information', 'hints', 'skipped', 'unreadable', 'omittedFindings'],
      properties: {
        files: { type: 'integer', minimum: 0, description: 'Drafts linted (entries in files).' },
        errors: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
        information: { type: 'integer', minimum: 0 },
        hints: { type: 'integer', minimum: 0 },
        skipped: { type: 'integer', minimum: 0, description: 'Files found and not linted: not drafts (out of the opt-in scope), or skipped with an entry in problems (too large, over the time budget, binary, vanished, a symlink loop, a link out of the project).' },
        unreadable: { type: 'integer', minimum: 0, description: 'Inputs that could not be read; any makes the run exit 2.' },
        omittedFindings: { type: 'integer', minimum: 0, description: 'Findings left out because a draft had more than maxFindings; each such draft has one max-findings note saying how many. Not counted in errors, warnings, information or hints.' },
      },
    },
  },
  definitions: {
    position: pos,
    range: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: { $ref: '#/definitions/position' }, end: { $ref: '#/definitions/position' } } },
    source: { type: 'string', enum: sources, description: 'declared: front matter or a CLI flag; inferred: from the text or the type; assumed: from the channel; default: from the defaultTrust setting; unknown.' },
    severity: { type: 'string', enum: ['error', 'warning', 'information', 'hint'] },
    askClass: { type: 'string', enum: [...ASK_CLASSES] },
    file: {
      type: 'object', additionalProperties: false,
      required: ['path', 'type', 'channel', 'trust', 'asks', 'findings', 'suppressed'],
      properties: {
        path: { type: 'string', description: 'Path relative to the working directory, with forward slashes ("<stdin>" or --stdin-filename for stdin).' },
        type: sourced({ type: ['string', 'null'], enum: [...DRAFT_TYPES.map((t) => t.id), null] }, 'type'),
        channel: sourced({ type: ['string', 'null'], enum: [...CHANNELS.map((c) => c.id), null] }, 'channel'),
        trust: {
          type: 'object', additionalProperties: false, required: ['level', 'stage', 'source', 'detail'],
          description: "The audience's trust level and where it came from.",
          properties: {
            level: { type: 'integer', minimum: 0, maximum: 6, description: '0-6; 6 is shown as 5+.' },
            stage: { type: 'string', enum: STAGES.map((s) => s.name) },
            source: { $ref: '#/definitions/source' },
            detail: { type: 'string' },
          },
        },
        asks: { type: 'array', items: { $ref: '#/definitions/ask' }, description: 'Every call to action, in document order (repeats included).' },
        findings: { type: 'array', items: { $ref: '#/definitions/finding' }, description: 'After suppression comments and severity settings; errors only with --quiet.' },
        suppressed: { type: 'integer', minimum: 0, description: 'Findings silenced by trustline-disable comments.' },
        omittedFindings: { type: 'integer', minimum: 1, description: 'Only when the draft had more than maxFindings findings: how many were left out (the max-findings note in findings says so).' },
        takenBack: { type: 'array', items: { $ref: '#/definitions/ask' }, description: 'Only when there were some: imperatives the rules read as asks and the trained reader took back (too unlikely to be asks: a feature bullet or a how-to step written as a command), in document order; `via` says why. They are not asks and no check sees them.' },
      },
    },
    ask: {
      type: 'object', additionalProperties: false,
      required: ['text', 'class', 'level', 'kind', 'via', 'line', 'column', 'range'],
      properties: {
        text: { type: 'string', description: 'The matched phrase as written.' },
        class: { $ref: '#/definitions/askClass' },
        level: { type: 'integer', minimum: 0, maximum: 6, description: 'The trust level the ask needs.' },
        kind: { type: 'string', enum: ['link', 'button', 'sentence', 'question', 'ps', 'url'], description: 'What kind of text holds the ask.' },
        via: { type: 'string', description: 'The lexicon entry or pattern that matched: why it was classified so.' },
        line: { type: 'integer', minimum: 1 },
        column: { type: 'integer', minimum: 1 },
        range: { $ref: '#/definitions/range' },
      },
    },
    finding: {
      type: 'object', additionalProperties: false,
      required: ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'range', 'data'],
      properties: {
        rule: { type: 'string', enum: [...CHECK_IDS, MAX_FINDINGS_NOTE, UNREAD_BLOCK], description: `The check id; its page is docs/rules/<rule>.md. ${MAX_FINDINGS_NOTE} and ${UNREAD_BLOCK} are not checks: ${MAX_FINDINGS_NOTE} is the one note on a draft with more than maxFindings findings, saying how many were left out; ${UNREAD_BLOCK} is the one finding on a block the markdown parser was not given (it would have taken too long), saying why.` },
        severity: { $ref: '#/definitions/severity' },
        message: { type: 'string' },
        line: { type: 'integer', minimum: 1, description: '1-based start line.' },
        column: { type: 'integer', minimum: 1, description: '1-based start column (UTF-16 code units).' },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1, description: '1-based, exclusive.' },
        range: { $ref: '#/definitions/range' },
        data: { type: 'object', required: ['check'], properties: { check: { type: 'string' } }, description: 'What code actions need: the ask, its class and level, the audience level, the gap; varies by check.' },
      },
    },
    problem: {
      type: 'object', additionalProperties: false, required: ['path', 'message', 'kind'],
      properties: {
        path: { type: 'string' },
        message: { type: 'string' },
        kind: { type: 'string', enum: ['error', 'skipped'], description: 'error: could not be read (exit 2); skipped: nothing to lint (binary, too large, over the time budget, vanished, a symlink loop, a link out of the project).' },
      },
    },
  },
};

/** Replace what sits between `<!-- generated: NAME... -->` and the next `<!-- /generated -->`. */
function between(text: string, name: string, content: string, file: string): string {
  const open = text.indexOf(`<!-- generated: ${name}`);
  const openEnd = open < 0 ? -1 : text.indexOf('-->', open) + 3;
  const close = openEnd < 3 ? -1 : text.indexOf('<!-- /generated -->', openEnd);
  if (close < 0) throw new Error(`${file}: no <!-- generated: ${name} --> ... <!-- /generated --> markers`);
  return text.slice(0, openEnd) + content + text.slice(close);
}

const severityText = (c: (typeof CHECKS)[number]) => c.severityNote ?? c.defaultSeverity;
const idList = CHECKS.map((c) => `\`${c.id}\``).join(', ');

const manifest = JSON.parse(read('package.json'));
manifest.contributes.configuration.properties['trustline.checks'].properties = Object.fromEntries(
  CHECKS.map((c) => [c.id, { type: 'string', enum: [...SEVERITY_SETTINGS], markdownDescription: `${c.description} Default: \`${severityText(c)}\`. See \`docs/rules/${c.id}.md\`.` }]),
);
const table = ['| id | default severity | what it reports |', '|---|---|---|', ...CHECKS.map((c) => `| [${c.id}](${c.id}.md) | ${severityText(c)} | ${c.description} |`)].join('\n');

const outputs: Record<string, string> = {
  'schemas/trustline-config.schema.json': JSON.stringify(schema, null, 2) + '\n',
  'schemas/trustline-report.schema.json': JSON.stringify(report, null, 2) + '\n',
  'package.json': JSON.stringify(manifest, null, 2) + '\n',
  'docs/config.md': between(read('docs/config.md'), 'check ids', idList, 'docs/config.md'),
  'docs/settings.md': between(read('docs/settings.md'), 'check ids', idList, 'docs/settings.md'),
  'docs/rules/README.md': between(read('docs/rules/README.md'), 'checks table', `\n${table}\n`, 'docs/rules/README.md'),
};
const stale = Object.keys(outputs).filter((rel) => read(rel) !== outputs[rel]);
if (check) {
  if (stale.length > 0) {
    console.error(`Out of step with the check registry and the core's data: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
} else {
  for (const rel of stale) fs.writeFileSync(path.join(root, rel), outputs[rel]!);
  const wrote = [...(registry !== registryText ? [REGISTRY] : []), ...stale];
  console.log(wrote.length > 0 ? `Wrote ${wrote.join(', ')}.` : 'Everything was in step.');
}
