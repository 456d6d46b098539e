// Recommend skill, Open skill... and Set audience trust... as the client renders them, without
// VS Code: each core walk state as quick-pick items, and whole walks driven the way a writer picks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECOMMENDED_ICON, reasonOf, skillPickView, trustPickView, walkView, type PickItem, type PickView } from '../../client/src/logic/walk';
import { Analyzer } from '../../core/src/analyze';
import { SKILLS } from '../../core/src/skills';
import { back, choose, recommend, start, type WalkState } from '../../core/src/recommend';

const COLD_EMAIL = `---\ntype: email\ntrust: 0\n---\n\nHi Tom,\n\nCold Ridge Foods cut average truck wait time from two hours to 26 minutes.\n\nCould we book a 30-minute demo next week?\n`;

const pickable = (v: PickView) => v.items.filter((i) => !i.separator);
const labels = (items: PickItem[]) => items.map((i) => i.label);

/** Pick the item with this label (as a writer would click it), or fail listing what there was. */
function pick(state: WalkState, label: string, view = walkView(state)): WalkState {
  const item = view.items.find((i) => i.label === label || i.label === `${RECOMMENDED_ICON} ${label}`);
  assert.ok(item, `"${label}" among ${JSON.stringify(labels(view.items))}`);
  assert.equal(item.action.kind, 'choose');
  return choose(state, (item.action as { index: number }).index);
}

describe('Recommend skill: the walk as quick picks', () => {
  const text = COLD_EMAIL;
  const rec = recommend({ analysis: new Analyzer().analyze(text) });

  test('with a draft open, the recommendation comes first, with why, then the trees with the fitting one starred', () => {
    const view = walkView(rec.walk, rec);
    assert.equal(view.title, 'Trustline: Recommend Skill');
    assert.equal(view.placeholder, 'What do you need?');
    assert.equal(view.canGoBack, false);
    assert.deepEqual(
      view.items.map((i) => [i.separator ? '---' : '', i.label, i.description ?? '', i.detail ?? '']),
      [
        ['---', 'Recommended for this draft', '', ''],
        ['', '$(star-full) writing-b2b-emails', '', "This is an email (declared); 1 ask exceeds the audience's trust"],
        ['', '$(checklist) trust-building-principles', 'and check', 'The ask must match the trust level. Required for all other skills.'],
        ['---', 'Or walk the playbook', '', ''],
        ['', '$(star-full) I need to write something', 'fits this draft', 'What type?'],
        ['', 'I need to generate pipeline', '', 'Targeting named accounts?'],
        ['', 'Conversion is low', '', 'Where?'],
        ['', 'I want to...', '', 'Pick a goal from the quick reference'],
      ],
    );
    assert.deepEqual(view.items[1]!.action, { kind: 'open', skill: 'writing-b2b-emails' });
  });

  test('the reason is the explanation without its "→ skill" tail', () => {
    assert.equal(reasonOf('This is an email (declared); no trust problems found → writing-b2b-emails'), 'This is an email (declared); no trust problems found');
    assert.equal(reasonOf('No draft is open: start from what you need to do.'), 'No draft is open: start from what you need to do.');
  });

  test('following the stars from the root lands on writing-b2b-emails', () => {
    let state: WalkState = rec.walk;
    const trail: string[] = [];
    while (state.kind === 'question') {
      const star = pickable(walkView(state)).find((i) => i.label.startsWith(RECOMMENDED_ICON) && i.action.kind === 'choose');
      assert.ok(star, `a starred option at "${state.question}"`);
      trail.push(star.label);
      state = choose(state, (star.action as { index: number }).index);
    }
    assert.deepEqual(trail, ['$(star-full) I need to write something', '$(star-full) Email']);
    assert.deepEqual(state.skills, ['writing-b2b-emails']);
    // One skill and nothing beside it: the client opens it without another pick.
    assert.deepEqual(state.also, []);
  });

  test('a leaf naming several skills is a last pick, first one first, with why', () => {
    let state: WalkState = start();
    state = pick(state, 'I need to write something');
    state = pick(state, 'Landing page/ad');
    const options = labels(pickable(walkView(state)));
    assert.ok(options.length >= 2, `sub-options: ${options.join(', ')}`);
    // Walk down to a leaf with more than one skill, whichever the data has.
    const multi = findLeaf(state, (s) => s.skills.length + s.also.length > 1);
    assert.ok(multi, 'some landing page/ad leaf names more than one skill');
    const view = walkView(multi);
    assert.equal(view.placeholder, 'Open a skill in the preview');
    assert.equal(view.canGoBack, true);
    assert.ok(view.title.startsWith('Trustline: Recommend Skill › I need to write something › Landing page/ad'));
    const items = pickable(view);
    assert.equal(items[0]!.description, 'open first');
    assert.equal(items[0]!.detail, multi.why);
    assert.deepEqual(
      items.map((i) => i.action),
      [...multi.skills, ...multi.also].map((skill) => ({ kind: 'open', skill })),
    );
  });

  test('Back returns to the question before, and the root has no Back', () => {
    const root = start();
    const q = pick(root, 'Conversion is low');
    assert.equal(walkView(q).canGoBack, true);
    const up = back(q);
    assert.deepEqual(walkView(up), walkView(root));
  });

  test('"I want to..." lists the quick reference with each skill, the recommended ones starred', () => {
    const q = pick(rec.walk, 'I want to...', walkView(rec.walk, rec));
    const view = walkView(q, rec);
    assert.equal(view.title, 'Trustline: Recommend Skill › I want to...');
    const items = pickable(view);
    assert.equal(items.length, 12);
    assert.deepEqual(items[0], { label: `${RECOMMENDED_ICON} Calibrate my CTA`, description: 'fits this draft', detail: 'trust-building-principles', action: { kind: 'choose', index: 0 } });
    const result = choose(q, 0);
    assert.equal(result.kind, 'result');
    assert.deepEqual(result.kind === 'result' ? result.skills : [], ['trust-building-principles']);
  });

  test('without a draft: no recommendation, nothing starred', () => {
    const view = walkView(start(), null);
    assert.deepEqual(labels(view.items), ['I need to write something', 'I need to generate pipeline', 'Conversion is low', 'I want to...']);
  });
});

describe('Open skill...', () => {
  test('every skill once, grouped by tier in playbook order, each with its trust range and purpose', () => {
    const view = skillPickView();
    assert.deepEqual(
      view.items.filter((i) => i.separator).map((i) => i.label),
      ['The hub', 'Tier 1 · foundation', 'Tier 2 · strategic', 'Tier 3 · channel execution', 'Tier 4 · tactical'],
    );
    const items = pickable(view);
    assert.equal(items.length, 14);
    assert.deepEqual(
      items.map((i) => (i.action as { skill: string }).skill).sort(),
      SKILLS.map((s) => s.name).sort(),
    );
    const emails = items.find((i) => i.label === 'writing-b2b-emails')!;
    assert.deepEqual(emails, { label: 'writing-b2b-emails', description: 'trust 2 INTERESTED to 4 TRUSTING', detail: 'Outreach and nurture sequences', action: { kind: 'open', skill: 'writing-b2b-emails' } });
  });

  test("the open draft's skills are starred", () => {
    const starred = pickable(skillPickView(['writing-b2b-emails', 'trust-building-principles'])).filter((i) => i.label.startsWith(RECOMMENDED_ICON));
    assert.deepEqual(
      starred.map((i) => i.label),
      ['$(star-full) trust-building-principles', '$(star-full) writing-b2b-emails'],
    );
    assert.match(starred[0]!.description!, /^recommended for this draft · trust/);
  });
});

describe('Set audience trust...', () => {
  test('seven stages with their meaning and fitting ask; the current one is selected', () => {
    const view = trustPickView({ level: 2, declared: false });
    assert.deepEqual(labels(view.items), ['0 UNKNOWN', '1 AWARE', '2 INTERESTED', '3 ENGAGED', '4 TRUSTING', '5 CUSTOMER', '5+ ADVOCATE']);
    assert.deepEqual(view.items[2], {
      label: '2 INTERESTED',
      description: 'assumed now · fitting ask: exchange (contact details for an asset or event)',
      detail: 'The audience has consumed or downloaded something of yours. Moves up with email sequences, ABM warm-up, lead magnets.',
      action: { kind: 'trust', level: 2 },
      active: true,
    });
    assert.equal(view.items.filter((i) => i.active).length, 1);
    assert.equal(view.items[6]!.detail, 'The audience refers, reviews and speaks for you.');
    assert.equal(trustPickView({ level: 0, declared: true }).items[0]!.description, 'current · fitting ask: consume (read, watch, listen)');
    assert.equal(trustPickView().items.filter((i) => i.active).length, 0);
  });
});

/** The first leaf under a question (depth first) whose result matches. */
function findLeaf(state: WalkState, want: (s: Extract<WalkState, { kind: 'result' }>) => boolean): Extract<WalkState, { kind: 'result' }> | undefined {
  if (state.kind === 'result') return want(state) ? state : undefined;
  for (let i = 0; i < state.options.length; i++) {
    const hit = findLeaf(choose(state, i), want);
    if (hit) return hit;
  }
  return undefined;
}
