/**
 * Glob matching for `drafts:` in `.trustline.yaml` and the `trustline.draftGlobs` setting, in
 * time linear in practice and bounded in the worst case, whatever the glob.
 *
 * A repository's config is untrusted input: cloning one must never be enough to hang a writer's
 * editor. Glob libraries that compile to a regular expression let a glob such as
 * `**\/(([a-z0-9.-]+)+)+x` take minutes on one file name (nested quantifiers), and even plain
 * stars (`*a*a*a*a*a*b`) become polynomial under backtracking. So globs are not compiled to
 * regular expressions here. A glob is split into path segments and each segment into tokens;
 * a segment is matched by the two-pointer wildcard algorithm (at most length(pattern) x
 * length(name) steps), and `**` across segments by a table of (glob segment, path segment) pairs
 * filled once each.
 *
 * Supported: `*` (any characters but `/`), `?` (one), `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `{a,b}`
 * (not nested; at most 64 expansions), `**` as a whole segment, `\` to escape. Matching ignores
 * case and matches dot files. Everything a regular expression would add (extglobs `+(...)`,
 * `@(...)`, `!(...)`, groups, `|`) is refused by `globProblem` with a message that says so.
 */

/** One token of a glob segment. */
type Token = { kind: 'lit'; ch: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; ranges: [string, string][] };

type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

/** The longest glob accepted, and the most segments and brace expansions. */
export const MAX_GLOB_LENGTH = 512;
const MAX_SEGMENTS = 64;
const MAX_EXPANSIONS = 64;
/** Paths longer than this are compared by their last MAX_PATH characters' worth of segments. */
const MAX_PATH = 4096;

/** Why `glob` cannot be used, in words for the config file's diagnostic, or undefined. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `This glob is ${glob.length} characters long; globs are limited to ${MAX_GLOB_LENGTH}.`;
  if (/[+@!?*]\(/.test(glob.replace(/\\./g, ''))) return 'Extglob patterns such as +(...), @(...) and !(...) are not supported: use *, ?, [...], {a,b} and **.';
  if (/[()|]/.test(glob.replace(/\\./g, ''))) return 'Parentheses and | are not glob syntax here: use {a,b} for alternatives, and *, ?, [...] and **.';
  let depth = 0;
  for (const ch of glob.replace(/\\./g, '')) {
    if (ch === '{' && ++depth > 1) return 'Braces cannot be nested: write {a,b,c} once per segment.';
    if (ch === '}') depth = Math.max(0, depth - 1);
  }
  if (expand(glob).length > MAX_EXPANSIONS) return `This glob expands to more than ${MAX_EXPANSIONS} alternatives: split it into several globs.`;
  if (glob.split('/').length > MAX_SEGMENTS) return `This glob has more than ${MAX_SEGMENTS} path segments.`;
  return undefined;
}

/** `{a,b}` alternatives expanded (not nested), at most MAX_EXPANSIONS + 1 of them. */
function expand(glob: string): string[] {
  let out = [''];
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      out = out.map((o) => o + glob.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (ch === '{') {
      const close = glob.indexOf('}', i + 1);
      if (close > i) {
        const options = glob.slice(i + 1, close).split(',');
        const next: string[] = [];
        for (const o of out) {
          for (const opt of options) {
            next.push(o + opt);
            if (next.length > MAX_EXPANSIONS) return next;
          }
        }
        out = next;
        i = close + 1;
        continue;
      }
    }
    out = out.map((o) => o + ch);
    i++;
  }
  return out;
}

function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) {
      out.push({ kind: 'lit', ch: segment[++i]!.toLowerCase() });
    } else if (ch === '*') {
      // Consecutive stars are one star.
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (ch === '?') {
      out.push({ kind: 'any' });
    } else if (ch === '[' && segment.indexOf(']', i + 2) > i) {
      const close = segment.indexOf(']', i + 2);
      let body = segment.slice(i + 1, close).toLowerCase();
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      }
      out.push({ kind: 'class', negate, ranges });
      i = close;
    } else {
      out.push({ kind: 'lit', ch: ch.toLowerCase() });
    }
  }
  return out;
}

function accepts(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'lit':
      return t.ch === ch;
    case 'any':
      return true;
    case 'class': {
      const inside = t.ranges.some(([a, b]) => ch >= a && ch <= b);
      return t.negate ? !inside : inside;
    }
    default:
      return false;
  }
}

/**
 * One segment against one path segment: the two-pointer wildcard algorithm. On a mismatch it
 * goes back only to the last star, one character further, so it takes at most
 * length(tokens) x length(name) steps and never backtracks further.
 */
function segmentMatches(ts: Token[], name: string): boolean {
  let t = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const tok = ts[t];
    if (tok && tok.kind !== 'star' && accepts(tok, name[n]!)) {
      t++;
      n++;
    } else if (tok && tok.kind === 'star') {
      star = t++;
      mark = n;
    } else if (star >= 0) {
      t = star + 1;
      n = ++mark;
    } else return false;
  }
  while (ts[t]?.kind === 'star') t++;
  return t === ts.length;
}

/** A compiled glob: its expansions, each as segments. */
export interface CompiledGlob {
  alternatives: Segment[][];
}

/** Compile a glob that `globProblem` accepts (anything else matches nothing). */
export function compileGlob(glob: string): CompiledGlob {
  if (globProblem(glob) !== undefined) return { alternatives: [] };
  return {
    alternatives: expand(glob).map((g) =>
      g
        .split('/')
        .filter((s) => s !== '')
        .map((s): Segment => (s === '**' ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokens(s) })),
    ),
  };
}

/**
 * Whether `path` (slash-separated, relative or absolute) matches. `**` matches any number of
 * segments, none included; each (glob segment, path segment) pair is decided once.
 */
export function globMatches(g: CompiledGlob, path: string): boolean {
  const names = path
    .slice(-MAX_PATH)
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
  for (const segs of g.alternatives) if (segments(segs, names)) return true;
  return false;
}

function segments(segs: Segment[], names: string[]): boolean {
  // ok[i][j]: glob segments from i match path segments from j. Filled from the end.
  const rows = segs.length + 1;
  const cols = names.length + 1;
  const ok = new Uint8Array(rows * cols);
  ok[segs.length * cols + names.length] = 1;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]!;
    for (let j = names.length; j >= 0; j--) {
      let v = 0;
      if (s.kind === 'globstar') v = ok[(i + 1) * cols + j]! || (j < names.length ? ok[i * cols + j + 1]! : 0);
      else if (j < names.length && segmentMatches(s.tokens, names[j]!)) v = ok[(i + 1) * cols + j + 1]!;
      ok[i * cols + j] = v;
    }
  }
  return ok[0] === 1;
}
