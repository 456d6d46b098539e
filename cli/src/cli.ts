/**
 * The `trustline` command: the same core and the same config resolution as the language server,
 * for CI and the terminal.
 *
 *   trustline lint [paths | dirs | globs | -] [options]
 *   trustline explain FILE [options]
 *
 * Exit codes follow markdownlint-cli2: 0 no errors (and warnings within --max-warnings),
 * 1 findings over the threshold, 2 bad usage, a config error or a file that could not be read;
 * every non-zero exit prints a one-line reason on stderr.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  Analyzer,
  CHANNELS,
  CONFIG_FILE_NAMES,
  DEFAULT_SETTINGS,
  DRAFT_TYPES,
  configToSettings,
  mergeSettings,
  parseChannel,
  parseDraftType,
  parseTrust,
  type Channel,
  type DraftType,
  type TrustlineSettings,
} from '../../core/src/index';
import { nodeHost } from '../../core/node/index';
import { colors, useColor } from './color';
import { explainText } from './explain';
import { expandInputs, relativeTo, toPosix } from './files';
import { FORMATS, plural, type FormatName, type Formatter, type FormatterContext } from './formatters/formatter';
import { github } from './formatters/github';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import { lintTask, type LintOptions, type LintTask } from './lintFile';
import { VERSION } from './meta';
import { WorkerPool, runWorkerIfWorker } from './pool';
import { Progress } from './progress';
import { loadConfig } from './projectConfig';
import { countFindings, emptySummary, type FileNote, type FileOutcome } from './report';

/** Below this many files one thread is faster than starting workers. */
const WORKER_THRESHOLD = 200;
/** Files in flight at once: bounds memory while keeping the workers busy and the output in order. */
const WINDOW = 64;

const HELP = `Usage: trustline <command> [options]

Commands:
  lint [inputs...]   Lint drafts: files, directories, globs, or - for stdin (default: .)
  explain FILE       Show the draft's profile and every ask with the reason it was classified so

Lint options:
  --format NAME        stylish (default), json, sarif or github
  --type TYPE          draft type for files that do not declare one (${DRAFT_TYPES.map((t) => t.id).join(', ')})
  --channel CHANNEL    channel for files that do not declare one (${CHANNELS.map((c) => c.id).join(', ')})
  --trust LEVEL        trust assumed for files that do not declare it (0-6 or a stage name)
  --config FILE        use this config file instead of searching for .trustline.yaml/.yml/.json
  --max-warnings N     exit 1 when there are more than N warnings (default: no limit)
  --quiet              report errors only
  --no-color           no colours (also NO_COLOR=1); --color forces them
  --stdin-filename P   the path stdin stands for (draft globs, type hints)
  --allow-empty        exit 0 when the inputs match no file at all
  --threads N          worker threads for large runs (default: 2 when there are many files; 1: none)
  -h, --help           show this help
  -v, --version        show the version

Directories and globs lint drafts only (front matter with type: or trust:, or a path matching the
draft globs); a file named explicitly is always linted. Exit codes: 0 ok, 1 findings over the
threshold, 2 bad usage, config errors or unreadable files. Docs: docs/cli.md.`;

class UsageError extends Error {}

interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** The script that starts a worker (this bundle). */
  script: string;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const err = (line: string) => io.stderr.write(`trustline: ${line}\n`);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'lint') return await lint(rest, io);
    if (command === 'explain') return await explain(rest, io);
    throw new UsageError(`unknown command "${command}": use lint or explain (trustline --help)`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')}`);
      return 2;
    }
    err(`internal error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}

const OPTIONS = {
  format: { type: 'string' },
  type: { type: 'string' },
  channel: { type: 'string' },
  trust: { type: 'string' },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Common {
  inputs: string[];
  format: string;
  settings: TrustlineSettings;
  lintOptions: LintOptions;
  root: string;
  reportRoot: string;
  color: boolean;
  values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
}

/** Parse the flags shared by lint and explain, and resolve the config. Returns an exit code on config errors. */
function prepare(args: string[], io: Io, defaultFormat: string, formats: readonly string[]): Common | number {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const format = values.format ?? defaultFormat;
  if (!formats.includes(format)) throw new UsageError(`unknown format "${format}": use ${formats.join(', ')}`);
  let type: DraftType | undefined;
  let channel: Channel | undefined;
  const cli: Partial<TrustlineSettings> = {};
  if (values.type !== undefined) {
    type = parseDraftType(values.type);
    if (!type) throw new UsageError(`unknown --type "${values.type}": use ${DRAFT_TYPES.map((t) => t.id).join(', ')}`);
  }
  if (values.channel !== undefined) {
    channel = parseChannel(values.channel);
    if (!channel) throw new UsageError(`unknown --channel "${values.channel}": use ${CHANNELS.map((c) => c.id).join(', ')}`);
  }
  if (values.trust !== undefined) {
    const level = parseTrust(values.trust);
    if (level === undefined) throw new UsageError(`--trust "${values.trust}" is not a trust level: use 0-6 or a stage name (unknown, aware, interested, engaged, trusting, customer, advocate)`);
    cli.defaultTrust = level;
  }

  const gitRoot = nodeHost.findGitRoot(io.cwd);
  const configFile = values.config !== undefined ? path.resolve(io.cwd, values.config) : nodeHost.discoverConfigFile(io.cwd, gitRoot);
  let layer: Partial<TrustlineSettings> = {};
  // The repository, else the working folder: links that lead out of it are not followed.
  const projectRoot = gitRoot ?? io.cwd;
  if (configFile) {
    const display = path.relative(io.cwd, configFile) || configFile;
    if (nodeHost.linksOutside(configFile, projectRoot)) {
      // Not read, so none of its text can reach an error message.
      io.stderr.write(`trustline: ${display} is a symbolic link to a file outside the project; it is not read (copy the settings into the project instead)\n`);
      return 2;
    }
    let loaded;
    try {
      loaded = loadConfig(configFile, display);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(`trustline: cannot read config ${display}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 2;
    }
    if (loaded.problems.length) {
      for (const p of loaded.problems) io.stderr.write(`${p}\n`);
      // A verdict computed from a half-read config is not one CI should trust.
      io.stderr.write(`trustline: ${plural(loaded.problems.length, 'problem')} in ${display}; fix the config first (docs/config.md)\n`);
      return 2;
    }
    layer = configToSettings(loaded.config);
    // Two config files in one folder: the editor warns about the ignored one, and so do we.
    for (const other of CONFIG_FILE_NAMES) {
      const p = path.join(path.dirname(configFile), other);
      if (p !== configFile && values.config === undefined && nodeHost.isFile(p)) io.stderr.write(`trustline: ${path.relative(io.cwd, p) || other} is ignored: ${display} is used (merge them and delete one)\n`);
    }
  }
  // Precedence: defaults < project config < CLI flags (docs/config.md).
  const settings = mergeSettings(DEFAULT_SETTINGS, layer, cli);
  // Draft globs are relative to the config file that states them; reports to the checkout (git root).
  const reportRoot = gitRoot ?? io.cwd;
  const root = configFile ? path.dirname(configFile) : reportRoot;
  const color = useColor(values['no-color'] ?? false, values.color ?? false, io.stdout.isTTY === true, io.env);
  const lintOptions: LintOptions = { settings, quiet: values.quiet ?? false, projectRoot };
  if (type) lintOptions.type = type;
  if (channel) lintOptions.channel = channel;
  return { inputs: positionals, format, settings, lintOptions, root, reportRoot, color, values };
}

/**
 * All of `stream` as text, or undefined as soon as it holds more than `limit` bytes: reading
 * stops there (600 MB piped in used to crash with ERR_STRING_TOO_LONG after reading it all).
 */
function readAll(stream: NodeJS.ReadStream, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      size += b.length;
      if (size > limit) {
        stream.off('data', onData);
        stream.pause();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(b);
    };
    stream.on('data', onData);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

async function lint(args: string[], io: Io): Promise<number> {
  const prepared = prepare(args, io, 'stylish', FORMATS);
  if (typeof prepared === 'number') return prepared;
  const { values, lintOptions, root, reportRoot } = prepared;
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^-?\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number, not "${values['max-warnings']}"`);
    maxWarnings = Number(values['max-warnings']);
  }
  let cores = Math.min(2, availableParallelism());
  if (values.threads !== undefined) {
    if (!/^\d+$/.test(values.threads) || Number(values.threads) < 1) throw new UsageError(`--threads needs a whole number of at least 1, not "${values.threads}"`);
    cores = Number(values.threads);
  }
  const inputs = prepared.inputs.length ? prepared.inputs : ['.'];
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be named only once');

  const progress = new Progress(io.stderr, io.stderr.isTTY === true);
  const write = (s: string) => {
    progress.clear();
    io.stdout.write(s);
  };
  const note = (line: string) => {
    progress.clear();
    io.stderr.write(`trustline: ${line}\n`);
  };
  const ctx: FormatterContext = { write, colors: colors(prepared.color), quiet: lintOptions.quiet, version: VERSION };
  const formatter: Formatter = { stylish, json, sarif, github }[prepared.format as FormatName](ctx);

  const summary = emptySummary();
  const notes: FileNote[] = [];
  const unmatched: string[] = [];
  const addNote = (n: FileNote) => {
    notes.push(n);
    if (n.kind === 'error') summary.unreadable++;
    else summary.skipped++;
    note(`${n.path}: ${n.message}`);
  };
  const tasks = expandInputs(inputs, {
    cwd: io.cwd,
    root,
    reportRoot,
    projectRoot: lintOptions.projectRoot!,
    note: addNote,
    unmatched: (input) => {
      unmatched.push(input);
      note(`no files match "${input}"`);
    },
    // Four bytes per character at most: over that, stdin is too long whatever it holds (files are checked the same way).
    readStdin: () => readAll(io.stdin, lintOptions.settings.maxFileSize * 4),
    ...(values['stdin-filename'] !== undefined ? { stdinName: values['stdin-filename'] } : {}),
  });

  formatter.begin();
  const handle = (o: FileOutcome) => {
    progress.tick();
    if (o.kind === 'report') {
      summary.files++;
      countFindings(summary, o.report.findings, o.report.omittedFindings);
      formatter.file(o.report, o.rootPath);
    } else if (o.kind === 'out-of-scope') summary.skipped++;
    else addNote(o.note);
  };

  // Start on this thread; switch to workers only once there are enough files to pay for them.
  const head: LintTask[] = [];
  let done = false;
  while (head.length < WORKER_THRESHOLD) {
    const next = await tasks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  const analyzer = new Analyzer();
  const pool = !done && cores >= 2 ? new WorkerPool(cores, io.script, lintOptions) : undefined;
  const runOne = (t: LintTask): Promise<FileOutcome> => (pool ? pool.run(t) : Promise.resolve(lintTask(t, lintOptions, analyzer)));
  try {
    const inFlight: Promise<FileOutcome>[] = [];
    const feed = async (t: LintTask) => {
      inFlight.push(runOne(t));
      if (inFlight.length >= WINDOW) handle(await inFlight.shift()!);
    };
    for (const t of head) await feed(t);
    if (!done) for await (const t of { [Symbol.asyncIterator]: () => tasks }) await feed(t);
    while (inFlight.length) handle(await inFlight.shift()!);
  } finally {
    await pool?.close();
  }
  progress.clear();
  formatter.end(summary, notes);

  // The verdict, most serious first, with its reason on stderr.
  const found = summary.files + summary.skipped + notes.length;
  if (summary.unreadable > 0) {
    io.stderr.write(`trustline: exit 2: ${plural(summary.unreadable, 'input')} could not be read (see above)\n`);
    return 2;
  }
  if (found === 0 && !values['allow-empty']) {
    io.stderr.write(`trustline: exit 2: nothing to lint: ${inputs.map((i) => JSON.stringify(i)).join(', ')} matched no files (--allow-empty to accept that)\n`);
    return 2;
  }
  if (summary.errors > 0) {
    io.stderr.write(`trustline: exit 1: ${plural(summary.errors, 'error')} found\n`);
    return 1;
  }
  if (maxWarnings >= 0 && summary.warnings > maxWarnings) {
    io.stderr.write(`trustline: exit 1: ${plural(summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function explain(args: string[], io: Io): Promise<number> {
  const prepared = prepare(args, io, 'text', ['text', 'json']);
  if (typeof prepared === 'number') return prepared;
  if (prepared.values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (prepared.inputs.length !== 1) throw new UsageError('explain takes exactly one file (or - for stdin)');
  const input = prepared.inputs[0]!;
  const abs = input === '-' ? '' : path.resolve(io.cwd, input);
  const stdinName = prepared.values['stdin-filename'] ?? '<stdin>';
  const stdinText = input === '-' ? await readAll(io.stdin, prepared.lintOptions.settings.maxFileSize * 4) : undefined;
  if (input === '-' && stdinText === undefined) {
    io.stderr.write(`trustline: exit 2: ${stdinName}: stdin is longer than maxFileSize allows; it was not read whole\n`);
    return 2;
  }
  const task: LintTask =
    input === '-'
      ? { text: stdinText!, display: stdinName, rootPath: stdinName, draftPath: stdinName, forced: true }
      : { file: abs, display: toPosix(path.relative(io.cwd, abs)) || input, rootPath: relativeTo(prepared.reportRoot, abs), draftPath: relativeTo(prepared.root, abs), forced: true };
  const outcome = lintTask(task, prepared.lintOptions, new Analyzer());
  if (outcome.kind !== 'report') {
    const message = outcome.kind === 'note' ? outcome.note.message : 'not analysed';
    io.stderr.write(`trustline: exit 2: ${task.display}: ${message}\n`);
    return 2;
  }
  if (prepared.format === 'json') io.stdout.write(`${JSON.stringify(outcome.report, null, 2)}\n`);
  else io.stdout.write(explainText(outcome.report, colors(prepared.color)));
  return 0;
}

// Entry point: a worker serves lint tasks; the main thread runs the command.
if (!runWorkerIfWorker() && require.main === module) {
  const io: Io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, script: __filename };
  // `trustline lint | head` closes stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`trustline: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
