// Consistency checks for the skills library (skills/*/SKILL.md, skills/inventory.json,
// skills/trees.json). The engine loads these files as data, so a typo in a skill name or a
// broken link would only show up at run time in the Recommend-skill walk; these tests catch it
// when the content is edited.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { CHECK_IDS as REGISTRY_IDS } from '../../core/src/checks/index';
import { ROOT } from '../support/root';

const SKILLS_DIR = path.join(ROOT, 'skills');
const RULES_DIR = path.join(ROOT, 'docs', 'rules');

const HUB = 'orchestrating-marketing';
// `trust-range`, not `trust`: a `trust:` key would make every SKILL.md look like a draft to Trustline.
const FRONT_MATTER_KEYS = ['name', 'description', 'tier', 'trust-range', 'channels', 'checks'];
const HEADINGS = [
  'When to use it',
  'Trust stages it serves',
  'Checklist',
  'Trust-matched asks by stage',
  'Mistakes it prevents',
  'Related Trustline checks',
  'Related skills',
];
const CHANNELS = new Set([
  'seo', 'content', 'linkedin-organic', 'linkedin-paid', 'email',
  'abm', 'events', 'partners', 'champions', 'paid-search',
]);
const CHECK_IDS = new Set(REGISTRY_IDS);
const DRAFT_TYPES = new Set(['email', 'landing-page', 'ad', 'blog', 'social', 'sales', 'lead-magnet', 'event']);
const ASK_CLASSES = ['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate'];

interface FrontMatter {
  name: string;
  description: string;
  tier: number;
  'trust-range': { from: number; to: number };
  channels: string[];
  checks: string[];
}
interface Skill {
  folder: string;
  file: string;
  text: string;
  body: string;
  fm: FrontMatter;
}
interface Option {
  label: string;
  detail?: string;
  draftTypes?: string[];
  skills?: string[];
  also?: string[];
  why?: string;
  next?: { question: string; options: Option[] };
}
interface Tree {
  id: string;
  title: string;
  question: string;
  options: Option[];
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(SKILLS_DIR, file), 'utf8'));
}

function skillFolders(): string[] {
  return fs
    .readdirSync(SKILLS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function loadSkill(folder: string): Skill {
  const file = path.join(SKILLS_DIR, folder, 'SKILL.md');
  assert.ok(fs.existsSync(file), `${folder}/SKILL.md is missing`);
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  assert.ok(m, `${folder}/SKILL.md has no front matter block`);
  const fm = YAML.parse(m[1]) as FrontMatter;
  assert.equal(typeof fm, 'object', `${folder}: front matter is not a mapping`);
  return { folder, file, text, body: text.slice(m[0].length), fm };
}

/** The text under one `## ` heading, up to the next `## ` heading. */
function section(body: string, heading: string): string {
  const lines = body.split(/\r?\n/);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/** One sentence: ends with a full stop and has no sentence break inside. */
function isOneSentence(s: unknown): boolean {
  return typeof s === 'string' && s.trim().length > 20 && /\.$/.test(s.trim()) && !/[.!?]\s+[A-Z]/.test(s.trim());
}

/** Every option in a tree, leaves and inner nodes, depth first. */
function walk(options: Option[], trail: string): Array<{ option: Option; trail: string }> {
  const out: Array<{ option: Option; trail: string }> = [];
  for (const option of options) {
    const here = `${trail} > ${option.label}`;
    out.push({ option, trail: here });
    if (option.next) out.push(...walk(option.next.options, here));
  }
  return out;
}

const folders = skillFolders();
// Load every skill up front but keep going on errors, so one broken file is reported by name
// instead of aborting the whole test file.
const loadErrors: string[] = [];
const skills: Skill[] = [];
for (const folder of folders) {
  try {
    skills.push(loadSkill(folder));
  } catch (err) {
    loadErrors.push(`${folder}: ${(err as Error).message}`);
  }
}
const inventory = readJson('inventory.json');
const trees = readJson('trees.json');
const inventoryNames = new Set<string>(inventory.skills.map((s: { name: string }) => s.name));

describe('SKILL.md files', () => {
  test('there are 14 skill folders, each with a SKILL.md', () => {
    assert.equal(folders.length, 14, `found: ${folders.join(', ')}`);
    for (const folder of folders) {
      assert.ok(fs.existsSync(path.join(SKILLS_DIR, folder, 'SKILL.md')), `${folder}/SKILL.md is missing`);
    }
  });

  test('every SKILL.md has front matter that parses', () => {
    assert.deepEqual(loadErrors, []);
  });

  for (const skill of skills) {
    const { folder, fm, body } = skill;

    describe(folder, () => {
      test('front matter has exactly the required keys', () => {
        assert.deepEqual(Object.keys(fm).sort(), [...FRONT_MATTER_KEYS].sort());
      });

      test('name matches the folder', () => {
        assert.equal(fm.name, folder);
      });

      test('description is one sentence', () => {
        assert.ok(isOneSentence(fm.description), `not one sentence: ${JSON.stringify(fm.description)}`);
      });

      test('tier is 0 for the hub and 1-4 otherwise', () => {
        assert.ok(Number.isInteger(fm.tier), `tier ${fm.tier} is not an integer`);
        if (folder === HUB) assert.equal(fm.tier, 0);
        else assert.ok(fm.tier >= 1 && fm.tier <= 4, `tier ${fm.tier} out of 1-4`);
      });

      test('trust is {from, to} within 0..6 and from <= to', () => {
        assert.equal(typeof fm['trust-range'], 'object');
        assert.deepEqual(Object.keys(fm['trust-range']).sort(), ['from', 'to']);
        const { from, to } = fm['trust-range'];
        assert.ok(Number.isInteger(from) && Number.isInteger(to), 'trust levels must be integers');
        assert.ok(from >= 0 && to <= 6 && from <= to, `bad trust range ${from}..${to}`);
      });

      test('channels are known channel ids, without repeats', () => {
        assert.ok(Array.isArray(fm.channels) && fm.channels.length > 0, 'channels must be a non-empty list');
        for (const c of fm.channels) assert.ok(CHANNELS.has(c), `unknown channel ${c}`);
        assert.equal(new Set(fm.channels).size, fm.channels.length, 'repeated channel');
      });

      test('checks are known check ids, without repeats', () => {
        assert.ok(Array.isArray(fm.checks) && fm.checks.length > 0, 'checks must be a non-empty list');
        for (const c of fm.checks) assert.ok(CHECK_IDS.has(c), `unknown check ${c}`);
        assert.equal(new Set(fm.checks).size, fm.checks.length, 'repeated check');
      });

      test('has the seven required headings, once each, in order', () => {
        const found = body
          .split(/\r?\n/)
          .filter((l) => l.startsWith('## '))
          .map((l) => l.slice(3).trim());
        for (const h of HEADINGS) {
          assert.equal(found.filter((f) => f === h).length, 1, `heading "## ${h}" must appear exactly once`);
        }
        const positions = HEADINGS.map((h) => found.indexOf(h));
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'required headings are out of order');
      });

      test('checklist is a markdown task list', () => {
        const items = section(body, 'Checklist').split(/\r?\n/).filter((l) => l.startsWith('- [ ] '));
        assert.ok(items.length >= 5, `only ${items.length} "- [ ]" items in the checklist`);
      });

      test('asks table has stage | good ask | too big an ask, and rows that name ask classes', () => {
        const rows = section(body, 'Trust-matched asks by stage')
          .split(/\r?\n/)
          .filter((l) => l.startsWith('|'));
        assert.ok(rows.length >= 3, 'the asks section needs a table with a header, a rule and rows');
        const header = rows[0].split('|').map((c) => c.trim().toLowerCase()).filter(Boolean);
        assert.deepEqual(header, ['stage', 'good ask', 'too big an ask']);
        const dataRows = rows.slice(2);
        // Every stage the skill serves has a row whose stage cell starts with its level.
        const stagesWithRows = new Set(dataRows.map((r) => Number(/^\|\s*(\d)/.exec(r)?.[1])));
        for (let level = fm['trust-range'].from; level <= fm['trust-range'].to; level++) {
          assert.ok(stagesWithRows.has(level), `no asks row for stage ${level}`);
        }
        for (const row of dataRows) {
          const cells = row.split('|').map((c) => c.trim()).filter(Boolean);
          assert.equal(cells.length, 3, `row does not have 3 cells: ${row}`);
          for (const cell of cells.slice(1)) {
            assert.ok(ASK_CLASSES.some((a) => cell.includes(a)), `no ask class named in: ${cell}`);
            assert.ok(/"[^"]{10,}"/.test(cell), `no example sentence in: ${cell}`);
          }
        }
      });

      test('"Related Trustline checks" links exactly the checks in front matter', () => {
        const linked = [...section(body, 'Related Trustline checks').matchAll(/\(\.\.\/\.\.\/docs\/rules\/([a-z-]+)\.md\)/g)].map(
          (m) => m[1],
        );
        assert.deepEqual([...new Set(linked)].sort(), [...fm.checks].sort());
      });

      test('"Related skills" links only to other skills', () => {
        const linked = [...section(body, 'Related skills').matchAll(/\]\(\.\.\/([a-z0-9-]+)\/SKILL\.md\)/g)].map((m) => m[1]);
        assert.ok(linked.length > 0, 'no ../<name>/SKILL.md links');
        for (const name of linked) {
          assert.ok(inventoryNames.has(name), `links to unknown skill ${name}`);
          assert.notEqual(name, folder, 'links to itself');
        }
      });

      test('every relative link resolves', () => {
        const targets = [...skill.text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
        for (const target of targets) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
          const resolved = path.resolve(path.dirname(skill.file), target.split('#')[0]);
          // A link into docs/rules must name a real check, and its page must exist.
          if (path.dirname(resolved) === RULES_DIR) {
            const id = path.basename(resolved, '.md');
            assert.ok(resolved.endsWith('.md') && CHECK_IDS.has(id), `link to unknown rule page ${target}`);
          }
          assert.ok(fs.existsSync(resolved), `broken link ${target}`);
        }
      });
    });
  }
});

describe('skills/inventory.json', () => {
  test('has a $comment and a skills list', () => {
    assert.equal(typeof inventory.$comment, 'string');
    assert.ok(inventory.$comment.length > 20);
    assert.ok(Array.isArray(inventory.skills));
  });

  test('lists exactly the skill folders, hub first, then trust-building-principles', () => {
    const names: string[] = inventory.skills.map((s: { name: string }) => s.name);
    assert.deepEqual([...names].sort(), folders);
    assert.equal(names.length, new Set(names).size, 'a skill is listed twice');
    assert.equal(names[0], HUB);
    assert.equal(names[1], 'trust-building-principles');
  });

  test('is in tier order', () => {
    const tiers: number[] = inventory.skills.map((s: { tier: number }) => s.tier);
    assert.deepEqual(tiers, [...tiers].sort((a, b) => a - b));
  });

  test('every entry agrees with its SKILL.md front matter', () => {
    for (const entry of inventory.skills) {
      assert.deepEqual(Object.keys(entry).sort(), ['channels', 'name', 'purpose', 'tier', 'trust']);
      assert.ok(typeof entry.purpose === 'string' && entry.purpose.length > 5, `${entry.name}: empty purpose`);
      const skill = skills.find((s) => s.folder === entry.name);
      assert.ok(skill, `${entry.name} has no folder`);
      assert.equal(entry.tier, skill.fm.tier, `${entry.name}: tier`);
      assert.deepEqual(entry.trust, skill.fm['trust-range'], `${entry.name}: trust`);
      assert.deepEqual(entry.channels, skill.fm.channels, `${entry.name}: channels`);
    }
  });
});

describe('skills/trees.json', () => {
  const allTrees: Tree[] = trees.trees;
  const nodes = allTrees.flatMap((t) => walk(t.options, t.id));
  const leaves = nodes.filter((n) => !n.option.next);

  test('has a $comment, the three trees and the quick reference', () => {
    assert.equal(typeof trees.$comment, 'string');
    assert.ok(trees.$comment.length > 20);
    assert.deepEqual(
      allTrees.map((t) => t.id),
      ['write', 'pipeline', 'conversion'],
    );
    for (const t of allTrees) {
      assert.ok(t.title && t.question, `${t.id}: title and question are required`);
      assert.ok(t.options.length > 0, `${t.id}: no options`);
    }
  });

  test('every option is either a leaf or has a sub-question', () => {
    for (const { option, trail } of nodes) {
      assert.ok(option.label, `${trail}: no label`);
      if (option.next) {
        assert.ok(option.next.question, `${trail}: sub-question text missing`);
        assert.ok(option.next.options.length > 0, `${trail}: sub-question has no options`);
        assert.equal(option.skills, undefined, `${trail}: has both skills and next`);
      } else {
        assert.ok(Array.isArray(option.skills) && option.skills.length > 0, `${trail}: leaf without skills`);
        assert.ok(isOneSentence(option.why), `${trail}: why must be one sentence`);
      }
    }
  });

  test('every leaf names existing skills', () => {
    for (const { option, trail } of leaves) {
      for (const name of [...(option.skills ?? []), ...(option.also ?? [])]) {
        assert.ok(inventoryNames.has(name), `${trail}: unknown skill ${name}`);
        assert.ok(fs.existsSync(path.join(SKILLS_DIR, name, 'SKILL.md')), `${trail}: ${name} has no SKILL.md`);
      }
    }
  });

  test('draft types are canonical, and the write tree covers them all', () => {
    const covered = new Set<string>();
    for (const { option, trail } of nodes) {
      for (const t of option.draftTypes ?? []) {
        assert.ok(DRAFT_TYPES.has(t), `${trail}: unknown draft type ${t}`);
        if (trail.startsWith('write') && !option.next) covered.add(t);
      }
    }
    assert.deepEqual([...covered].sort(), [...DRAFT_TYPES].sort());
  });

  test('quick reference has the twelve rows, each naming an existing skill', () => {
    assert.equal(trees.quickReference.length, 12);
    for (const row of trees.quickReference) {
      assert.ok(typeof row.want === 'string' && row.want.length > 0, 'a row has no "want"');
      assert.ok(inventoryNames.has(row.skill), `quick reference names unknown skill ${row.skill}`);
    }
  });

  test('every skill except the hub is reachable from a leaf or the quick reference', () => {
    const reachable = new Set<string>();
    for (const { option } of leaves) for (const name of [...(option.skills ?? []), ...(option.also ?? [])]) reachable.add(name);
    for (const row of trees.quickReference) reachable.add(row.skill);
    const unreachable = [...inventoryNames].filter((n) => n !== HUB && !reachable.has(n));
    assert.deepEqual(unreachable, []);
  });
});
