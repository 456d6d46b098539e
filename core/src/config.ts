/**
 * The project config file (`.trustline.yaml`, `.trustline.yml` or `.trustline.json`):
 * parsing, validation and merging into settings. Pure: the host reads the file and
 * hands over its text, so the language server and the CLI resolve configuration the
 * same way (issue 3: the editor and CI must never disagree).
 *
 * Every mistake becomes a ConfigProblem with an exact offset range into the text, and
 * everything that is valid still applies: a typo in one check id must not switch the
 * whole file off while the writer is editing it.
 *
 * Precedence (lowest first, documented in docs/config.md):
 *   built-in defaults < VS Code user/workspace settings < project config file < CLI flags
 * The project file beats editor settings because it is what CI reads: a writer's
 * personal settings must not make the editor disagree with the pipeline.
 */
import { globProblem } from './glob';
import { parseDocument, isMap, isScalar, isSeq, isPair, type Node, type Pair } from 'yaml';
import { CHECK_IDS } from './checks/index';
import { ASK_CLASSES, CHANNELS, MAX_LEVEL, parseChannel, parseTrust, suggest, type ChannelOverrides } from './model';
import type { ExtraPhrasing } from './lexicon';
import { maxFileSizeProblem, maxFindingsProblem, timeBudgetProblem, type TrustlineSettings } from './settings';
import type { AskClass, Channel, SeveritySetting } from './types';

/** Names searched for, in this order, in each folder from the start folder upwards. */
export const CONFIG_FILE_NAMES = ['.trustline.yaml', '.trustline.yml', '.trustline.json'] as const;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Longest literal phrase accepted in `asks:` / `pressure:` (longer is a paste mistake). */
export const MAX_PHRASE_LENGTH = 200;

/** The config file's content, already validated. Absent keys were absent (or invalid) in the file. */
export interface ProjectConfig {
  /** Severity per check id. */
  checks?: Record<string, SeveritySetting>;
  /** Trust level (0-6) assumed when a draft declares none. */
  defaultTrust?: number;
  /** Draft globs; replace the built-in list. */
  drafts?: string[];
  /** Lint every markdown file, not only drafts. */
  lintAll?: boolean;
  /** Extra ask phrasings, literal text. */
  asks?: ExtraPhrasing[];
  /** Extra pressure phrasings, literal text. */
  pressure?: string[];
  /** Channel trust ranges `[from, to]`. */
  channels?: ChannelOverrides;
  /** Documents longer than this many characters are skipped. */
  maxFileSize?: number;
  /** Milliseconds one document's analysis may take before it is skipped. */
  timeBudgetMs?: number;
  /** Findings per document at most; the rest are cut with one note. */
  maxFindings?: number;
}

/** One mistake in a config file; `start`/`end` are offsets into the file's text. */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
  /** `warning` for things that are ignored harmlessly (unknown keys), `error` otherwise. */
  severity: 'error' | 'warning';
}

export interface ParsedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

const KEYS = ['checks', 'defaultTrust', 'drafts', 'lintAll', 'asks', 'pressure', 'channels', 'maxFileSize', 'timeBudgetMs', 'maxFindings'] as const;
/** Names people reach for (from the VS Code settings or other linters), mapped to ours. */
const KEY_ALIASES: Record<string, string> = {
  draftglobs: 'drafts',
  globs: 'drafts',
  include: 'drafts',
  lintallmarkdown: 'lintAll',
  all: 'lintAll',
  rules: 'checks',
  severity: 'checks',
  severities: 'checks',
  trust: 'defaultTrust',
  maxfilesize: 'maxFileSize',
  timebudget: 'timeBudgetMs',
  timeout: 'timeBudgetMs',
  maxproblems: 'maxFindings',
  maxnumberofproblems: 'maxFindings',
  phrases: 'asks',
  urgency: 'pressure',
};

/** Parse and validate a config file's text. Never throws. */
export function parseConfigText(text: string, fileName: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = {};
  // Editors hide a byte order mark; offsets must still point into the text as given.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const isJson = /\.json$/i.test(fileName);
  const report = (message: string, range: readonly number[] | null | undefined, severity: 'error' | 'warning' = 'error') => {
    let s = (range?.[0] ?? 0) + bom;
    let e = (range?.[1] ?? range?.[0] ?? 0) + bom;
    // An error at the very end (an unclosed bracket) still gets a visible character.
    if (s >= text.length && text.length > 0) s = text.length - 1;
    e = Math.min(text.length, Math.max(e, s + 1));
    problems.push({ message, start: s, end: e, severity });
  };

  if (body.trim() === '') return { config, problems };

  // Duplicate keys are found below (with a clearer message), so the parser allows them.
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: false, strict: false });
  let firstError = Infinity;
  for (const err of doc.errors) {
    const firstLine = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    report(`${isJson ? 'Not valid JSON' : 'Not valid YAML'}: ${firstLine}`, err.pos);
    firstError = Math.min(firstError, err.pos[0]);
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    report('A Trustline config file must be a mapping of settings (for example `checks:`, `defaultTrust:`, `drafts:`).', (root as Node).range);
    return { config, problems };
  }

  const seen = new Set<string>();
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as Node | null;
    // After a syntax error the parser's recovery may have misread the rest: keep only
    // the settings that end before the first error (the valid part), drop the others.
    const itemEnd = (item.value as Node | null)?.range?.[2] ?? keyNode?.range?.[2] ?? Infinity;
    if (itemEnd >= firstError) continue;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyRange = keyNode?.range;
    if (key === undefined) {
      report('Config keys must be plain names.', keyRange);
      continue;
    }
    if (seen.has(key)) {
      report(`"${key}" is set twice; the first one applies. Remove one of them.`, keyRange);
      continue;
    }
    seen.add(key);
    if (key === '$schema') continue; // JSON files may point at schemas/trustline-config.schema.json.
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = suggest(key, KEYS, KEY_ALIASES);
      report(`Unknown setting "${key}"${hint ? `: did you mean "${hint}"?` : '.'} Known settings: ${KEYS.join(', ')}.`, keyRange, 'warning');
      continue;
    }
    const value = item.value as Node | null;
    const valueRange = value?.range ?? keyRange;
    switch (key as (typeof KEYS)[number]) {
      case 'checks':
        readChecks(item, value, valueRange, config, report);
        break;
      case 'defaultTrust': {
        const raw = isScalar(value) ? value.value : undefined;
        const level = raw === null || raw === undefined ? undefined : parseTrust(typeof raw === 'number' ? raw : String(raw));
        if (level === undefined) report(`defaultTrust must be a trust level: 0-${MAX_LEVEL}, "5+" or a stage name (unknown, aware, interested, engaged, trusting, customer, advocate).`, valueRange);
        else config.defaultTrust = level;
        break;
      }
      case 'drafts': {
        const globs = readStringList(value, valueRange, 'drafts', 'a glob such as "**/emails/**"', report, false, globProblem);
        if (globs) config.drafts = globs;
        break;
      }
      case 'lintAll':
        if (isScalar(value) && typeof value.value === 'boolean') config.lintAll = value.value;
        else report('lintAll must be true or false.', valueRange);
        break;
      case 'maxFileSize':
      {
        const why = maxFileSizeProblem(isScalar(value) ? value.value : undefined);
        if (why === undefined) config.maxFileSize = (value as { value: number }).value;
        else report(`maxFileSize ${why}`, valueRange);
      }
        break;
      case 'timeBudgetMs':
      case 'maxFindings': {
        const why = (key === 'timeBudgetMs' ? timeBudgetProblem : maxFindingsProblem)(isScalar(value) ? value.value : undefined);
        if (why === undefined) config[key as 'timeBudgetMs' | 'maxFindings'] = (value as { value: number }).value;
        else report(`${key} ${why}`, valueRange);
        break;
      }
      case 'pressure': {
        const phrases = readStringList(value, valueRange, 'pressure', 'a literal phrase such as "offer ends Friday"', report, true);
        if (phrases) config.pressure = phrases;
        break;
      }
      case 'asks':
        readAsks(value, valueRange, config, report);
        break;
      case 'channels':
        readChannels(value, valueRange, config, report);
        break;
    }
  }
  return { config, problems };
}

type Reporter = (message: string, range: readonly number[] | null | undefined, severity?: 'error' | 'warning') => void;

function readChecks(_pair: Pair, value: Node | null, valueRange: readonly number[] | null | undefined, config: ProjectConfig, report: Reporter): void {
  if (!isMap(value)) {
    report(`checks must map check ids to a severity, for example \`ask-exceeds-trust: error\`. Check ids: ${CHECK_IDS.join(', ')}.`, valueRange);
    return;
  }
  const checks: Record<string, SeveritySetting> = {};
  for (const it of value.items) {
    if (!isPair(it)) continue;
    const k = it.key as Node | null;
    const id = isScalar(k) ? String(k.value) : '';
    if (id in checks) {
      report(`${id} is set twice; the first one applies.`, k?.range);
      continue;
    }
    if (!CHECK_IDS.includes(id)) {
      const hint = suggest(id, CHECK_IDS);
      report(`Unknown check id "${id}"${hint ? `: did you mean "${hint}"?` : '.'} Check ids: ${CHECK_IDS.join(', ')}.`, k?.range);
      continue;
    }
    const v = it.value as Node | null;
    // YAML 1.2 (the `yaml` default) reads a bare `off` as the string "off", not a boolean.
    const raw = isScalar(v) ? v.value : undefined;
    const sev = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    if (sev && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) checks[id] = sev as SeveritySetting;
    else {
      const hint = typeof raw === 'string' ? suggest(raw, SEVERITY_SETTINGS, { info: 'information', warn: 'warning', err: 'error', none: 'off', disabled: 'off' }) : undefined;
      report(
        `Bad severity ${JSON.stringify(raw ?? null)} for ${id}${hint ? `: did you mean "${hint}"?` : '.'} Use one of ${SEVERITY_SETTINGS.join(', ')}.`,
        v?.range ?? k?.range,
      );
    }
  }
  config.checks = checks;
}

function readStringList(
  value: Node | null,
  valueRange: readonly number[] | null | undefined,
  key: string,
  example: string,
  report: Reporter,
  phrase = false,
  problem?: (item: string) => string | undefined,
): string[] | undefined {
  if (!isSeq(value)) {
    report(`${key} must be a list, each item ${example}.`, valueRange);
    return undefined;
  }
  const out: string[] = [];
  for (const it of value.items) {
    const n = it as Node | null;
    if (!isScalar(n) || typeof n.value !== 'string' || n.value.trim() === '') {
      report(`Each item of ${key} must be ${example}.`, n?.range ?? valueRange);
      continue;
    }
    if (phrase && n.value.length > MAX_PHRASE_LENGTH) {
      report(`This phrase is ${n.value.length} characters long; phrases are limited to ${MAX_PHRASE_LENGTH}.`, n.range);
      continue;
    }
    const why = problem?.(n.value);
    if (why !== undefined) {
      report(`${why} This item is ignored.`, n.range);
      continue;
    }
    out.push(n.value);
  }
  return out;
}

function readAsks(value: Node | null, valueRange: readonly number[] | null | undefined, config: ProjectConfig, report: Reporter): void {
  if (!isSeq(value)) {
    report('asks must be a list of `{ phrase: "...", class: ... }` entries.', valueRange);
    return;
  }
  const asks: ExtraPhrasing[] = [];
  for (const it of value.items) {
    const n = it as Node | null;
    if (!isMap(n)) {
      report(`Each ask must be a mapping with phrase and class, for example \`{ phrase: "grab a slot", class: meeting }\`.`, n?.range ?? valueRange);
      continue;
    }
    let phrase: string | undefined;
    let cls: AskClass | undefined;
    let ok = true;
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const k = p.key as Node | null;
      const name = isScalar(k) ? String(k.value) : '';
      const v = p.value as Node | null;
      if (name === 'phrase') {
        if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '') {
          report('phrase must be literal text (not a pattern), for example "grab a slot".', v?.range ?? k?.range);
          ok = false;
        } else if (v.value.length > MAX_PHRASE_LENGTH) {
          report(`This phrase is ${v.value.length} characters long; phrases are limited to ${MAX_PHRASE_LENGTH}.`, v.range);
          ok = false;
        } else phrase = v.value;
      } else if (name === 'class') {
        const raw = isScalar(v) && typeof v.value === 'string' ? v.value.trim().toLowerCase() : undefined;
        if (raw && (ASK_CLASSES as string[]).includes(raw)) cls = raw as AskClass;
        else {
          const hint = raw ? suggest(raw, ASK_CLASSES) : undefined;
          report(`Unknown ask class ${JSON.stringify(isScalar(v) ? v.value : null)}${hint ? `: did you mean "${hint}"?` : '.'} Use one of ${ASK_CLASSES.join(', ')}.`, v?.range ?? k?.range);
          ok = false;
        }
      } else {
        const hint = suggest(name, ['phrase', 'class']);
        report(`Unknown field "${name}" in an ask${hint ? `: did you mean "${hint}"?` : '.'} An ask has phrase and class.`, k?.range, 'warning');
      }
    }
    if (ok && (phrase === undefined || cls === undefined)) {
      report(`This ask needs ${phrase === undefined && cls === undefined ? 'a phrase and a class' : phrase === undefined ? 'a phrase' : 'a class'}.`, n.range);
      continue;
    }
    if (ok && phrase !== undefined && cls !== undefined) asks.push({ phrase, class: cls });
  }
  config.asks = asks;
}

function readChannels(value: Node | null, valueRange: readonly number[] | null | undefined, config: ProjectConfig, report: Reporter): void {
  if (!isMap(value)) {
    report('channels must map channel ids to a trust range, for example `email: [2, 4]`.', valueRange);
    return;
  }
  const channels: ChannelOverrides = {};
  for (const it of value.items) {
    if (!isPair(it)) continue;
    const k = it.key as Node | null;
    const name = isScalar(k) ? String(k.value) : '';
    const id: Channel | undefined = parseChannel(name);
    if (!id) {
      const ids = CHANNELS.map((c) => c.id);
      const hint = suggest(name, ids);
      report(`Unknown channel "${name}"${hint ? `: did you mean "${hint}"?` : '.'} Channels: ${ids.join(', ')}.`, k?.range);
      continue;
    }
    const v = it.value as Node | null;
    const nums = isSeq(v) ? v.items.map((x) => (isScalar(x) ? parseTrust(x.value as unknown) : undefined)) : [];
    if (!isSeq(v) || nums.length !== 2 || nums.some((x) => x === undefined)) {
      report(`The ${id} range must be two trust levels [from, to], each 0-${MAX_LEVEL}, for example [2, 4].`, v?.range ?? k?.range);
      continue;
    }
    const [from, to] = nums as [number, number];
    if (from > to) {
      report(`The ${id} range starts above where it ends: write [${to}, ${from}].`, v.range);
      continue;
    }
    channels[id] = [from, to];
  }
  config.channels = channels;
}

/** The settings layer a config file contributes (only the keys it set). */
export function configToSettings(config: ProjectConfig): Partial<TrustlineSettings> {
  const s: Partial<TrustlineSettings> = {};
  if (config.checks) s.checks = config.checks;
  if (config.defaultTrust !== undefined) s.defaultTrust = config.defaultTrust;
  if (config.drafts) s.draftGlobs = config.drafts;
  if (config.lintAll !== undefined) s.lintAllMarkdown = config.lintAll;
  if (config.asks) s.asks = config.asks;
  if (config.pressure) s.pressure = config.pressure;
  if (config.channels) s.channels = config.channels;
  if (config.maxFileSize !== undefined) s.maxFileSize = config.maxFileSize;
  if (config.timeBudgetMs !== undefined) s.timeBudgetMs = config.timeBudgetMs;
  if (config.maxFindings !== undefined) s.maxFindings = config.maxFindings;
  return s;
}

/**
 * Merge settings layers, lowest precedence first (defaults, editor, project file, CLI).
 * Scalars and `draftGlobs`: the later layer wins. `checks` and `channels`: merged per key,
 * the later layer wins per key. `asks` and `pressure`: added together (they extend the
 * lexicon; no layer can remove a built-in phrasing). `undefined` values are ignored.
 */
export function mergeSettings(base: TrustlineSettings, ...layers: Partial<TrustlineSettings>[]): TrustlineSettings {
  const out: TrustlineSettings = {
    ...base,
    checks: { ...base.checks },
    channels: { ...base.channels },
    asks: [...base.asks],
    pressure: [...base.pressure],
    draftGlobs: [...base.draftGlobs],
  };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer) as [keyof TrustlineSettings, unknown][]) {
      if (v === undefined) continue;
      switch (k) {
        case 'checks':
          Object.assign(out.checks, v);
          break;
        case 'channels':
          Object.assign(out.channels, v);
          break;
        case 'asks':
          for (const a of v as ExtraPhrasing[]) if (!out.asks.some((x) => x.phrase === a.phrase && x.class === a.class)) out.asks.push(a);
          break;
        case 'pressure':
          for (const p of v as string[]) if (!out.pressure.includes(p)) out.pressure.push(p);
          break;
        case 'draftGlobs':
          out.draftGlobs = [...(v as string[])];
          break;
        default:
          (out as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }
  return out;
}

/**
 * Find the config file that applies to a folder: the first of CONFIG_FILE_NAMES in the
 * folder, then its parents, stopping after `stopAt` (the git or workspace root) returns true.
 * The host supplies `exists` (no file system access here); paths use the host's separators.
 */
export function findConfigFile(startDir: string, exists: (path: string) => boolean, stopAt: (dir: string) => boolean = () => false): string | undefined {
  const isRoot = (d: string) => d === '/' || /^[A-Za-z]:[\\/]?$/.test(d) || d === '';
  let dir = isRoot(startDir) ? startDir : startDir.replace(/[\\/]+$/, '');
  for (;;) {
    const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
    for (const name of CONFIG_FILE_NAMES) {
      const p = /[\\/]$/.test(dir) ? `${dir}${name}` : `${dir}${sep}${name}`;
      if (exists(p)) return p;
    }
    if (stopAt(dir) || isRoot(dir)) return undefined;
    const cut = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
    if (cut < 0) return undefined;
    // Keep the separator of a root: "/x" -> "/", "C:\x" -> "C:\".
    dir = cut === 0 || /^[A-Za-z]:$/.test(dir.slice(0, cut)) ? dir.slice(0, cut + 1) : dir.slice(0, cut);
  }
}
