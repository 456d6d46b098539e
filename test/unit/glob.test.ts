// Draft globs from a repository's .trustline.yaml are untrusted input (issue 11): matched
// without regular expressions, in bounded time, and refused with a message when they use syntax
// that only a regular-expression engine would give meaning to.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, globMatches, globProblem } from '../../core/src/glob';
import { matchesDraftGlobs } from '../../core/src/settings';
import { parseConfigText } from '../../core/src/config';

const matches = (glob: string, path: string) => globMatches(compileGlob(glob), path);

describe('draft globs: what they match', () => {
  test('stars, question marks, classes, braces and ** across folders, ignoring case, dot files included', () => {
    assert.equal(matches('**/emails/**', 'campaigns/emails/q3/cold.md'), true);
    assert.equal(matches('**/emails/**', 'emails/cold.md'), true);
    assert.equal(matches('**/emails/**', 'campaigns/e-mails/cold.md'), false);
    assert.equal(matches('drafts/*.md', 'drafts/launch.md'), true);
    assert.equal(matches('drafts/*.md', 'drafts/2026/launch.md'), false);
    assert.equal(matches('drafts/**/*.md', 'drafts/launch.md'), true);
    assert.equal(matches('**/*.email.md', 'a/b/Welcome.EMAIL.md'), true);
    assert.equal(matches('**/v?.md', 'x/v2.md'), true);
    assert.equal(matches('**/v?.md', 'x/v10.md'), false);
    assert.equal(matches('**/[a-c]*.md', 'x/bravo.md'), true);
    assert.equal(matches('**/[!a-c]*.md', 'x/bravo.md'), false);
    assert.equal(matches('**/*.{md,markdown}', 'x/post.markdown'), true);
    assert.equal(matches('**/*.{md,markdown}', 'x/post.txt'), false);
    assert.equal(matches('**/.drafts/*', 'repo/.drafts/x.md'), true);
    assert.equal(matches('**/a\\*b.md', 'x/a*b.md'), true);
    assert.equal(matches('**/a\\*b.md', 'x/axxb.md'), false);
  });
  test('a glob without a folder part matches in any folder; absolute and Windows paths work', () => {
    assert.equal(matchesDraftGlobs('/home/ana/repo/campaigns/launch.email.md', ['*.email.md']), true);
    assert.equal(matchesDraftGlobs('C:\\repo\\emails\\cold.md', ['**/emails/**']), true);
    assert.equal(matchesDraftGlobs('notes/todo.md', ['*.email.md']), false);
  });
});

describe('draft globs: what is refused, and how long matching may take', () => {
  test('extglobs, groups, alternation, nested braces and oversized globs are refused with a reason', () => {
    assert.match(globProblem('**/(([a-z0-9.-]+)+)+x')!, /Extglob|Parentheses/);
    assert.match(globProblem('**/+(a|b).md')!, /Extglob/);
    assert.match(globProblem('**/a|b.md')!, /\|/);
    assert.match(globProblem('**/{a,{b,c}}.md')!, /nested/);
    assert.match(globProblem('x'.repeat(600))!, /limited to 512/);
    assert.match(globProblem('{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}.md')!, /more than 64 alternatives/);
    assert.equal(globProblem('**/emails/**'), undefined);
    // A refused glob matches nothing rather than everything.
    assert.equal(matches('**/(([a-z0-9.-]+)+)+x', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax'), false);
  });
  test('the glob that froze the editor is reported on its line of .trustline.yaml and ignored', () => {
    const text = 'drafts:\n  - "**/emails/**"\n  - "**/(([a-z0-9.-]+)+)+x"\n';
    const parsed = parseConfigText(text, '.trustline.yaml');
    assert.deepEqual(parsed.config.drafts, ['**/emails/**']);
    const problem = parsed.problems.find((p) => /ignored/.test(p.message));
    assert.ok(problem, JSON.stringify(parsed.problems));
    assert.match(problem.message, /Extglob|Parentheses/);
    assert.equal(text.slice(problem.start, problem.end), '"**/(([a-z0-9.-]+)+)+x"');
  });
  test('many stars against a long name: ten times the name is about ten times the work, not a thousand', () => {
    const g = compileGlob('**/*a*a*a*a*a*a*a*a*b.md');
    const time = (n: number) => {
      const path = `x/${'a'.repeat(n)}.md`;
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        for (let k = 0; k < 20; k++) assert.equal(globMatches(g, path), false);
        runs.push(performance.now() - t0);
      }
      return Math.min(...runs);
    };
    time(50);
    const small = time(400);
    const large = time(4000);
    // The two-pointer algorithm is length(glob) x length(name) at worst: linear in the name.
    assert.ok(large / Math.max(small, 0.05) < 30, `10x the name took ${(large / small).toFixed(1)}x the time (${small.toFixed(2)} ms -> ${large.toFixed(2)} ms)`);
  });
});
