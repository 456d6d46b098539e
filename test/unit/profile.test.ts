// The draft profile: type, channel and trust, each declared or inferred/assumed, and the
// source of every answer always reported in words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type AnalyzeOptions } from '../../core/src/analyze';
import { emptyStats, inferProfile, isDraft } from '../../core/src/profile';
import { splitFrontMatter } from '../../core/src/frontmatter';
import { DEFAULT_SETTINGS, matchesDraftGlobs, type TrustlineSettings } from '../../core/src/settings';
import type { Profile } from '../../core/src/types';

function profile(text: string, options: AnalyzeOptions = {}): Profile {
  const a = new Analyzer().analyze(text, { force: true, ...options });
  assert.ok(a.profile);
  // The source is always reported, in words.
  for (const part of [a.profile.type, a.profile.channel, a.profile.trust]) assert.ok(part.detail.length > 5, `empty detail: ${JSON.stringify(part)}`);
  return a.profile;
}

function problems(text: string): string[] {
  return new Analyzer().analyze(text, { force: true }).findings.filter((f) => f.rule === 'front-matter-invalid').map((f) => f.message);
}

const fm = (fields: string, body = 'Hi Tom,\n\nA short note with something useful in it.\n') => `---\n${fields}\n---\n\n${body}`;

describe('type', () => {
  test('declared, canonical or an alias', () => {
    const cases: [string, string][] = [
      ['email', 'email'],
      ['landing-page', 'landing-page'],
      ['Landing Page', 'landing-page'],
      ['linkedin-post', 'social'],
      ['post', 'social'],
      ['article', 'blog'],
      ['one-pager', 'sales'],
      ['ebook', 'lead-magnet'],
      ['webinar', 'event'],
      ['search-ad', 'ad'],
    ];
    for (const [raw, want] of cases) {
      const p = profile(fm(`type: ${raw}\ntrust: 1`));
      assert.equal(p.type.value, want, raw);
      assert.equal(p.type.source, 'declared');
      assert.ok(p.type.range, 'a declared value has a range');
    }
  });

  test('an unknown type is a problem with a suggestion, and the type is then inferred', () => {
    const text = fm('type: newsleter\ntrust: 1\nsubject: Issue 14');
    assert.match(problems(text)[0]!, /"newsleter" is not a draft type.*did you mean "newsletter"/);
    const p = profile(text);
    assert.equal(p.type.value, 'email');
    assert.equal(p.type.source, 'inferred');
  });

  const body = {
    subjectLine: 'Subject: Your close benchmark\n\nHi Priya,\n\nYour team closes in seven days.\n',
    hashtags: 'Detention fell 9% in May at the 40 yards we track.\n\nWhat would you add?\n\n#Logistics #Yards\n',
    landing: '# Multi-state payroll without the paperwork\n\nTallyroll registers you in every state you hire in.\n\n[Get the checklist](https://x.example/c)\n\n## What is inside\n\nFourteen filings.\n',
    ad: 'Headline 1: Dock Scheduling\nHeadline 2: Carriers Book Their Own Slots\nDescription: Cut wait times.\n\n[Start a trial](https://x.example/t)\n',
    event: '# Breakfast with Ledgerline\n\n**When:** Thursday 12 June, 8:00\n**Where:** The Rookery, Chicago\n\nThe room holds 24.\n',
    greeting: 'Hi Tom,\n\nA quick note after Tuesday: the templates are attached.\n\nMaya\n',
    blog: `# The dock appointment is the contract\n\n${'## A section\n\nSome useful paragraph about dock scheduling and carriers, with enough words to count as an article section in a long read.\n\n'.repeat(30)}`,
  };

  test('inferred from the text, with the reason in words', () => {
    const cases: [string, string, RegExp][] = [
      [fm('trust: 2\nsubject: Your close benchmark'), 'email', /subject: field/],
      [fm('trust: 2', body.subjectLine), 'email', /Subject: line/],
      [fm('trust: 1', body.hashtags), 'social', /hashtags/],
      [fm('trust: 1', body.landing), 'landing-page', /hero heading with button-like links/],
      [fm('trust: 4', body.ad), 'ad', /Headline/],
      [fm('trust: 2', body.event), 'event', /When:\/Where:/],
      [fm('trust: 1', body.greeting), 'email', /greeting/],
      [fm('trust: 0', body.blog), 'blog', /long article with sections/],
    ];
    for (const [text, want, why] of cases) {
      const p = profile(text);
      assert.equal(p.type.value, want, text.slice(0, 80));
      assert.equal(p.type.source, 'inferred');
      assert.match(p.type.detail, why);
    }
  });

  test('a blog post ending on one button is still a blog post, not a landing page', () => {
    const p = profile(fm('trust: 0', `${body.blog}\n[Get the checklist](https://x.example/c)\n`));
    assert.equal(p.type.value, 'blog');
  });

  test('inferred from the file name as a last resort', () => {
    const cases: [string, string][] = [
      ['campaigns/q3/reno.email.md', 'email'],
      ['drafts/linkedin-post-detention.md', 'social'],
      ['drafts/landing-payroll.md', 'landing-page'],
      ['drafts/q3-search-ad.md', 'ad'],
      ['drafts/hotel-one-pager.md', 'sales'],
      ['drafts/breakfast-invite.md', 'event'],
    ];
    for (const [path, want] of cases) {
      const p = profile('Something we learned this quarter, written up in a few plain words.\n', { path });
      assert.equal(p.type.value, want, path);
      assert.match(p.type.detail, /file name/);
    }
  });

  test('nothing to go on: unknown, and it says so', () => {
    const p = profile('Something we learned this quarter, written up in a few plain words.\n');
    assert.equal(p.type.value, null);
    assert.equal(p.type.source, 'unknown');
    assert.match(p.type.detail, /not declared/);
  });
});

describe('channel', () => {
  test('declared, canonical or an alias', () => {
    for (const [raw, want] of [['linkedin-paid', 'linkedin-paid'], ['LinkedIn', 'linkedin-organic'], ['ppc', 'paid-search'], ['webinar', 'events']] as const) {
      const p = profile(fm(`type: email\nchannel: ${raw}\ntrust: 2`));
      assert.equal(p.channel.value, want, raw);
      assert.equal(p.channel.source, 'declared');
    }
  });

  test('follows from the type where that is obvious, and says so', () => {
    for (const [type, want] of [['email', 'email'], ['social', 'linkedin-organic'], ['blog', 'seo']] as const) {
      const p = profile(fm(`type: ${type}\ntrust: 2`));
      assert.equal(p.channel.value, want, type);
      assert.equal(p.channel.source, 'inferred');
      assert.match(p.channel.detail, new RegExp(`follows from the draft type, ${type}`));
    }
  });

  test('no channel for a landing page or an ad unless declared', () => {
    for (const type of ['landing-page', 'ad']) {
      const p = profile(fm(`type: ${type}\ntrust: 2`));
      assert.equal(p.channel.value, null);
      assert.equal(p.channel.source, 'unknown');
    }
  });

  test('an unknown channel is a problem with a suggestion', () => {
    assert.match(problems(fm('type: email\nchannel: linkdin\ntrust: 2'))[0]!, /"linkdin" is not a channel.*did you mean "linkedin"/);
  });
});

describe('trust', () => {
  test('declared as a number, 5+, or a stage name in any case', () => {
    const cases: [string, number][] = [
      ['0', 0],
      ['2', 2],
      ['6', 6],
      ['5+', 6],
      ['"5+"', 6],
      ['advocate', 6],
      ['Interested', 2],
      ['TRUSTING', 4],
      ['unknown', 0],
      ['customer', 5],
      ['2.0', 2],
    ];
    for (const [raw, level] of cases) {
      const p = profile(fm(`type: email\ntrust: ${raw}`));
      assert.equal(p.trust.value.level, level, raw);
      assert.equal(p.trust.source, 'declared', raw);
      assert.deepEqual(problems(fm(`type: email\ntrust: ${raw}`)), [], raw);
    }
    assert.equal(profile(fm('type: email\ntrust: 5+')).trust.value.stage, 'ADVOCATE');
  });

  test('trust: banana is an error on that line, never a crash, and says what is used meanwhile', () => {
    const text = fm('type: email\ntrust: banana');
    const a = new Analyzer().analyze(text, { force: true });
    const f = a.findings.find((x) => x.rule === 'front-matter-invalid')!;
    assert.ok(f);
    assert.equal(f.range.start.line, 2);
    assert.equal(f.range.start.character, 7);
    assert.equal(f.range.end.character, 13);
    assert.match(f.message, /"banana" is not a trust level/);
    assert.match(f.message, /Trustline assumes 2 INTERESTED/);
    assert.equal(f.data.field, 'trust');
    assert.equal(a.profile!.trust.source, 'assumed');
    // The invalid value is the error; trust-undeclared would only repeat it.
    assert.ok(!a.findings.some((x) => x.rule === 'trust-undeclared'));
  });

  test('out of range, not whole, or not a scalar: an error each', () => {
    for (const raw of ['7', '-1', '2.5', '[1, 2]', 'true', '6+', '{level: 2}']) {
      const msgs = problems(fm(`type: email\ntrust: ${raw}`));
      assert.equal(msgs.length, 1, raw);
      assert.match(msgs[0]!, /trust/, raw);
    }
    assert.match(problems(fm('type: email\ntrust: 7'))[0]!, /out of range/);
    assert.match(problems(fm('type: email\ntrust: intrested'))[0]!, /did you mean "interested"/);
  });

  test('not declared: the default setting first', () => {
    const p = profile(fm('type: email'), { settings: { defaultTrust: 1 } });
    assert.equal(p.trust.value.level, 1);
    assert.equal(p.trust.source, 'default');
    assert.match(p.trust.detail, /default trust setting/);
  });

  test("not declared, no default: the channel's entry level", () => {
    const cases: [string, number, RegExp][] = [
      ['type: email', 2, /lowest level the Email channel serves \(the channel follows from the draft type, email\)/],
      ['type: social', 1, /LinkedIn organic/],
      ['type: blog', 0, /SEO/],
      ['type: sales', 4, /Champions/],
      ['type: landing-page\nchannel: linkedin-paid', 1, /^the lowest level the LinkedIn paid channel serves$/],
    ];
    for (const [fields, level, why] of cases) {
      const p = profile(fm(fields));
      assert.equal(p.trust.value.level, level, fields);
      assert.equal(p.trust.source, 'assumed');
      assert.match(p.trust.detail, why);
    }
  });

  test("the project's channel ranges move the entry level", () => {
    const p = profile(fm('type: email'), { settings: { channels: { email: [1, 4] } } });
    assert.equal(p.trust.value.level, 1);
  });

  test('no trust, no default, no channel: 0, and it says why', () => {
    const p = profile(fm('type: landing-page'));
    assert.equal(p.trust.value.level, 0);
    assert.equal(p.trust.source, 'assumed');
    assert.match(p.trust.detail, /no trust, channel or default/);
  });

  test('an empty trust: counts as undeclared and is reported on its line', () => {
    const a = new Analyzer().analyze(fm('type: email\ntrust:'), { force: true });
    assert.equal(a.profile!.trust.source, 'assumed');
    const f = a.findings.find((x) => x.rule === 'trust-undeclared')!;
    assert.equal(f.range.start.line, 2);
  });
});

describe('inferProfile on its own', () => {
  test('takes front matter, body statistics and settings, and reports problems separately', () => {
    const text = '---\ntype: email\ntrust: 9\n---\n';
    const { profile: p, problems: found } = inferProfile(splitFrontMatter(text), emptyStats(), DEFAULT_SETTINGS, (s, e) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } }));
    assert.equal(p.type.value, 'email');
    assert.equal(p.trust.source, 'assumed');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.field, 'trust');
  });
});

describe('scope: which markdown files are drafts', () => {
  const settings: TrustlineSettings = DEFAULT_SETTINGS;
  const globs = (p: string) => matchesDraftGlobs(p, settings.draftGlobs);
  const draft = (text: string, path?: string, s: TrustlineSettings = settings) => isDraft(splitFrontMatter(text), path, s, globs);

  test('front matter with type: or trust: opts in', () => {
    assert.equal(draft('---\ntype: email\n---\n', 'README.md'), true);
    assert.equal(draft('---\ntrust: 2\n---\n', 'docs/notes.md'), true);
  });

  test('a drafts folder or a *.email.md name opts in', () => {
    assert.equal(draft('Hi Tom,', 'marketing/drafts/reno.md'), true);
    assert.equal(draft('Hi Tom,', 'campaigns/q3/launch.md'), true);
    assert.equal(draft('Hi Tom,', 'notes/reno.email.md'), true);
  });

  test('a README, or front matter without type/trust, stays out', () => {
    assert.equal(draft('# Dockwise\n\nBook a demo at /demo.', 'README.md'), false);
    assert.equal(draft('---\ntitle: Changelog\n---\n', 'CHANGELOG.md'), false);
    assert.equal(draft('# Notes'), false);
  });

  test('broken front matter that meant to declare a draft still opts in, so the error is seen', () => {
    assert.equal(draft('---\ntype: email\ntrust: [2\n---\n', 'notes.md'), true);
    assert.equal(draft('---\n- type: email\n---\n', 'notes.md'), true);
  });

  test('lintAllMarkdown opts everything in; enable: false opts everything out', () => {
    assert.equal(draft('# Notes', 'README.md', { ...settings, lintAllMarkdown: true }), true);
    assert.equal(draft('---\ntype: email\n---\n', 'x.md', { ...settings, enable: false }), false);
  });

  test('an out-of-scope file is skipped with nothing else filled in', () => {
    const a = new Analyzer().analyze('# Dockwise\n\nBook a demo at /demo. LAST CHANCE!!!', { path: 'README.md' });
    assert.equal(a.analysed, false);
    assert.equal(a.skipped, 'out-of-scope');
    assert.deepEqual(a.findings, []);
  });
});

describe('profile values given to the analysis (AnalyzeOptions.defaults, the CLI’s --type and --channel)', () => {
  const defaults = { type: { value: 'email' as const, detail: 'given with --type' }, channel: { value: 'linkedin-paid' as const, detail: 'given with --channel' } };
  const body = 'Hi Tom,\n\nCold Ridge cut truck wait time from two hours to 26 minutes.\n\nCould we book a 30-minute demo next week?\n';

  test('they fill the keys a draft lacks, as declared outside the file (no range), and the checks read them so', () => {
    const p = profile(body, { defaults });
    assert.deepEqual(p.type, { value: 'email', source: 'declared', detail: 'given with --type' });
    assert.deepEqual(p.channel, { value: 'linkedin-paid', source: 'declared', detail: 'given with --channel' });
    assert.equal(p.trust.detail, 'the lowest level the LinkedIn paid channel serves');
    // A given channel that does not serve the audience is reported, at the top of the draft: it is on no line.
    const a = new Analyzer().analyze(body, { force: true, defaults, settings: { defaultTrust: 5 } });
    const mismatch = a.findings.find((f) => f.rule === 'channel-trust-mismatch');
    assert.ok(mismatch);
    assert.deepEqual(mismatch.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  test('a key in the front matter wins, even empty or invalid; the rest of the analysis is the text’s own', () => {
    assert.deepEqual(profile(fm('type: blog'), { defaults }).type.detail, 'declared in front matter');
    assert.equal(profile(fm('type:'), { defaults }).type.source, 'inferred');
    assert.equal(profile(fm('channel: fax'), { defaults }).channel.source, 'inferred');
    const plain = new Analyzer().analyze(body, { force: true });
    const given = new Analyzer().analyze(body, { force: true, defaults: { type: defaults.type } });
    assert.deepEqual(given.asks, plain.asks);
    assert.deepEqual(given.frontMatter, plain.frontMatter);
  });
});
