// Pressure that is pressure (issue: flag hard sell and manufactured scarcity, not ordinary words).
//
// Each phrasing is put in a cold email (trust: unknown, where pressure-before-trust applies) and
// the test asserts whether the check fires and on which words. REAL phrasings are copied from the
// licensed dev set (test/corpus-dev/, the file named beside each holds its source, commit and
// licence). Real copy under a licence that allows copying turned out to hold few hard-sell lines,
// so most positives are WRITTEN by the team in the style of the fixtures; they are marked so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';

type Case = [text: string, pressure: string[] | null, source: string];

/** The words flagged as pressure in a cold email holding `text`, or [] for none. */
function pressureIn(text: string): string[] {
  const draft = `---\ntype: email\ntrust: unknown\n---\n\n${text}\n`;
  const a = new Analyzer().analyze(draft, { force: true });
  const lines = draft.split('\n');
  return a.findings
    .filter((f) => f.rule === 'pressure-before-trust')
    .map((f) => lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character));
}

const REAL: Case[] = [
  // Pressure in real copy.
  ["Don't miss out!", ["Don't miss out"], 'dev-c-036-init-event-ticket.md'],
  ['Subject: Last chance to keep your [Product] account active', ['Last chance'], 'dev-c-054-dunning-final-warning.md'],
  ['* MORE COMING SOON!', ['MORE COMING SOON'], 'dev-b-025-clickhouse-readme-community-events.md'],
  // Plain dates, deadlines and expiries stated as facts.
  ['Subject: Your card ending in 4242 expires soon', null, 'dev-c-061-card-expiring-email.md'],
  ['The card on file for your [Product] subscription expires on [date].', null, 'dev-c-061-card-expiring-email.md'],
  ['# Your card expires soon', null, 'dev-a-020-card-expiring-update-payment.md'],
  ['Your {brandLabel} card ending in {last4} that pays for your {productList} subscription will expire soon ({expiration_date}).', null, 'dev-a-020-card-expiring-update-payment.md'],
  ['This invitation will expire on {{ expiry_datetime }}.', null, 'dev-a-026-team-invite-join-now.md'],
  ['This is usually an expired card or a temporary bank hold.', null, 'dev-a-027-payment-failed-update-card.md'],
  ['If a user clicks "logout" or you need to revoke access, the token is still valid until it expires.', null, 'dev-a-055-build-log-newsletter.md'],
  ['[MesosCon](http://www.mesoscon.org) is less than a month away, and the standard registration fee of $399 expires July 31, 2015.', null, 'dev-b-012-mesoscon-register-save-100.md'],
  ['* Early bird registration closes: 24 August 2015', null, 'dev-b-013-mesoscon-europe-announce.md'],
  ['* CfP deadline: 25 August 2015', null, 'dev-b-013-mesoscon-europe-announce.md'],
  ['The cost of early-bird registration is US$299.', null, 'dev-b-014-mesoscon-earlybird-tickets.md'],
  ['### Your <%= Pay.business_name %> trial is ending soon', null, 'dev-b-018-pay-trial-ending-reminder.md'],
  ['This is just a friendly reminder that your <%= Pay.business_name %> trial will be ending soon.', null, 'dev-b-018-pay-trial-ending-reminder.md'],
  ['Please [submit your proposals](https://penta.fosdem.org/submission/FOSDEM22) before **December 26th 2021**.', null, 'dev-c-048-devroom-cfp.md'],
  ['This is our last reminder.', null, 'dev-c-054-dunning-final-warning.md'],
  ['• Ingestion will soon be suspended and incoming observations, traces, and scores will be dropped unless you upgrade', null, 'dev-a-022-free-tier-threshold-upgrade.md'],
  // Real capacity and limits stated plainly.
  ['With thousands of contributors and only 300 spots, we', null, 'dev-b-006-k8s-contributor-summit-register.md'],
  ['We’re opening a limited number of paid pilots this quarter.', null, 'dev-a-052-paid-pilot-slots-reply.md'],
  ['We currently have limited shipping options, and delivery can take some time.', null, 'dev-c-001-swag-store-launch.md'],
  ['- Swag is limited.', null, 'dev-c-001-swag-store-launch.md'],
  ['We do limited production runs, usually to around 100 t-shirts at a time 👕', null, 'dev-c-001-swag-store-launch.md'],
  ['As always, you\'ll have the chance to win extremely limited Supabase Swag,', null, 'dev-c-005-hackathon-wrap-up.md'],
  ['* **Lighting Talk:** 10 minute presentation, limited to 1 speaker', null, 'dev-b-010-istiocon-2022-cfp.md'],
  ['- Unlimited search history', null, 'dev-b-009-zulip-cloud-pricing-cards.md'],
  ['[Early-bird registration is open today](http://events.linuxfoundation.org/events/mesoscon/attend/register) to the first 140 attendees / through February 14th, 2015.', null, 'dev-b-014-mesoscon-earlybird-tickets.md'],
  ['To join the program, you must be VC-backed or have a $500k ARR, and your company has to be established within the last decade.', null, 'dev-c-022-startups-program-apply.md'],
  // "Don't miss" as a convenience, "missed" in a heading, "coming soon" in a feature list.
  ["Add your credit card now to upgrade your account to a premium plan to ensure you don't miss out on any reports.", null, 'dev-a-021-limit-alert-upgrade.md'],
  ['In case you missed it, we’re still accepting speaker submissions!', null, 'dev-b-037-virtual-gatsby-days-register.md'],
  ['## In case you missed it', null, 'dev-c-060-newsletter-icymi.md'],
  ['- 🛡 Built-in protection for missing variables (Coming Soon)', null, 'dev-c-056-readme-why-features.md'],
  ['[Request Early Access](https://novu.co/novu-echo-coming-soon/?utm_campaign=github)', null, 'dev-c-040-readme-early-access.md'],
  // "Today", "now" and enthusiasm are not urgency.
  ["If you do, I'll deploy it today.", null, 'dev-a-010-cold-email-built-bot-pay.md'],
  ['[Register today](http://events.linuxfoundation.org/events/mesoscon/attend/register).', null, 'dev-b-012-mesoscon-register-save-100.md'],
  ['## Try out Gatsby Cloud today!', null, 'dev-b-039-gatsby-cloud-launch-try-today.md'],
  ['Go to [gatsbyjs.com](https://www.gatsbyjs.com/) to start using Gatsby Cloud today!', null, 'dev-b-039-gatsby-cloud-launch-try-today.md'],
  ['• Upgrade now for unlimited events and premium features', null, 'dev-a-022-free-tier-threshold-upgrade.md'],
  ['Talk submissions and sponsorship opportunities are now open for the conference!', null, 'dev-b-011-mesoscon-2018-cfp-sponsor.md'],
  ['→ 7 working code examples you can use today', null, 'dev-c-017-linkedin-open-source-launch.md'],
  ['Everything you need to start automating today.', null, 'dev-c-020-x-thread-closing.md'],
  ['Whether or not you use Rust today, we want to know your opinions.', null, 'dev-b-008-rust-survey-launch.md'],
  ['If you have any idea of a talk fitting into the topic of the devroom, please don\'t hesitate to make a submission!', null, 'dev-c-048-devroom-cfp.md'],
  ["I saw you attended [Event] last week—hope you found it valuable!", null, 'dev-a-042-trade-show-cool-lead.md'],
  ['I wanted to share one last thing with you: a few tips about topics, since mastering topics is a key part of being a Zulip power user.', null, 'dev-b-004-zulip-topics-tips-email-day2.md'],
  ['* **Sunday** is the last day of the conference and the most insightful for me.', null, 'dev-c-052-event-recap-reasons.md'],
  ['You will soon get more information about the time and the room in which your presentation will be held!', null, 'dev-a-033-talk-accepted-no-ask.md'],
  // Capitals that are labels, identifiers and acronyms, not shouting.
  ['BONUS REPLY (Post this as a reply to Tweet 1):', null, 'dev-c-020-x-thread-closing.md'],
  ['**[END SCREEN: Subscribe button, related video suggestions]**', null, 'dev-a-062-video-script-wrapup-subscribe.md'],
  ['**[ON SCREEN: Comparison - before/after UI]**', null, 'dev-a-062-video-script-wrapup-subscribe.md'],
  ['1. You can participate in the [**working groups**](https://github.com/istio/community/blob/master/WORKING-GROUPS.md) which focus on particular areas of interest, such as docs, security, and networking.', null, 'dev-b-051-istio-become-contributor.md'],
];

const WRITTEN: Case[] = [
  ['Hurry, only 3 seats left!!!', ['Hurry', 'only 3 seats left', '!!!'], 'written'],
  ['Offer ends tonight.', ['ends tonight'], 'written'],
  ['ACT NOW AND SAVE 50% ON YOUR FIRST YEAR', ['ACT NOW AND SAVE', 'ON YOUR FIRST YEAR'], 'written'],
  ['Last chance: the founder rate disappears at midnight.', ['Last chance'], 'written'],
  ['Only 2 spots remaining for the March cohort.', ['Only 2 spots'], 'written'],
  ['Spots are almost sold out, so grab yours.', ['almost sold out'], 'written'],
  ["Don't wait: prices go up Monday.", ["Don't wait"], 'written'],
  ['This deal expires in 48 hours.', ['expires in 48 hours'], 'written'],
  ['Results guaranteed or your money back.', ['guaranteed'], 'written'],
  ['A risk-free way to fix your close.', ['risk-free'], 'written'],
  ['What are you waiting for?', ['What are you waiting for'], 'written'],
  ['Limited-time offer for new teams.', ['Limited-time'], 'written'],
  ['Subscribe so you don\'t miss the next issue.', null, 'written'],
  ['## WHAT WE LEARNED FROM 200 CLOSES', null, 'written'],
  ['Registration closes on 14 May.', null, 'written'],
];

describe('pressure that is pressure: phrasings from real copy and written near misses', () => {
  test('the table is large enough, and real copy dominates', () => {
    assert.ok(REAL.length + WRITTEN.length >= 60, `only ${REAL.length + WRITTEN.length} phrasings`);
    assert.ok(REAL.length >= 50);
  });
  for (const [text, expected, source] of [...REAL, ...WRITTEN]) {
    test(`${JSON.stringify(text)} (${source})`, () => {
      assert.deepEqual(pressureIn(text), expected ?? []);
    });
  }
});
