// Ask extraction and classification: the lexicon (core/src/data/lexicon.json) run
// through the real pipeline (Analyzer -> blocks -> lexicon), on labelled phrasings.
//
// Most phrasings are paraphrased from real B2B copy (cold and nurture emails, breakup emails,
// LinkedIn posts and CTA libraries, landing pages, webinar invitations, upsell, referral and
// review requests), not written to fit the lexicon. Every case is [markdown, expected class or
// null, expected underlined text (optional)]. A case passes when the draft holds asks of exactly
// the expected class (or none for null), and the first ask underlines exactly the given text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';
import { parseBlock } from '../../core/src/blocks';
import { DEFAULT_LEXICON_DATA, Lexicon, defaultLexiconInstance, type LexiconData } from '../../core/src/lexicon';
import { LineIndex } from '../../core/src/text';
import type { Ask, AskClass } from '../../core/src/types';

type Case = [markdown: string, expected: AskClass | null, underlined?: string];

function asksOf(markdown: string): Ask[] {
  // The rules' reading of each phrasing: the trained reader weighs a sentence in its whole draft
  // (test/unit/learned.test.ts), which a one-line draft does not have.
  return new Analyzer().analyze(markdown, { force: true, askModel: null }).asks;
}

// ---------------------------------------------------------------------------------------------
// The labelled table, grouped by class.
// ---------------------------------------------------------------------------------------------

const CONSUME: Case[] = [
  ['[Read the full teardown](https://dockwise.example/teardowns/cold-ridge)', 'consume', 'Read the full teardown'],
  ['See how Cold Ridge cut truck wait times from two hours to 26 minutes.', 'consume', 'See how'],
  ['Learn more about how we route inbound leads.', 'consume', 'Learn more'],
  ['Watch the 3-minute product tour.', 'consume', 'Watch the 3-minute product tour'],
  ['Check out our latest case study on churn.', 'consume', 'Check out our latest case study'],
  ['Give the episode a listen on your commute.', 'consume'],
  ['Dive into the 2025 State of RevOps report.', 'consume'],
  ['Read on for the three routing rules that mattered.', 'consume', 'Read on'],
  ['Listen to the full interview with Sam on Spotify.', 'consume'],
  ['Browse the template library.', 'consume'],
  ['See it in action.', 'consume', 'See it in action'],
  // A template's slot for the address: the label, or the clause before it, names what is asked.
  ['Video tutorial: [LINK]', 'consume', 'Video tutorial'],
  // Words that name nothing more specific take the class of where the link goes; words that do keep theirs.
  ['[Click here](https://forms.gle/abc123) to tell us what you need.', 'exchange', 'Click here'],
  ['Read [our pricing guide](https://acme.example/blog/pricing-guide).', 'consume'],
  ['I recorded a 30-second walkthrough in a demo project: {loom_link}.', 'consume', 'I recorded a 30-second walkthrough in a demo project'],
  ['Skim the highlights if you are short on time.', 'consume'],
  ['No demo needed, just read the guide.', 'consume', 'read the guide'],
  // Trust model 2a: a link offered as something to go to, such as a list of recommended posts,
  // is an ask (consume), even when its title opens with a verb.
  ['- [Build a content calendar in five steps](https://acme.example/blog/calendar)', 'consume', 'Build a content calendar in five steps'],
  ['Not ready for a demo? Read the guide.', 'consume', 'Read the guide'],
  ['Visit our resource hub for more examples.', 'consume'],
  ['Explore the interactive tour.', 'consume'],
  ['Find out how Acme halved onboarding time.', 'consume', 'Find out how'],
  ['Catch the replay on YouTube.', 'consume'],
  ['I wrote up the full playbook. Link in the comments.', 'consume', 'Link in the comments'],
  ['👉 Read the breakdown here', 'consume', 'Read the breakdown'],
  ['Have a look at the examples below.', 'consume'],
  ['Start with the checklist on page 2.', 'consume'],
  ['Read how Acme cut churn in half without adding headcount.', 'consume', 'Read how'],
  ['[Watch the 2-minute Shiftwise tour](https://shiftwise.example/tour) before you read on.', 'consume', 'Watch the 2-minute Shiftwise tour'],
  ['Take the product tour.', 'consume'],
  ['In the meantime, [read our blog](https://kestrel.example/blog) for more ideas.', 'consume', 'read our blog'],
  ['Skip the demo and watch the 3-minute video instead.', 'consume', 'watch the 3-minute video'],
  ['Watch the demo video (4 minutes, no sign-up).', 'consume'],
  // Pronoun objects, named pointers, soft pointers, link pointers.
  ['Read it before your next pipeline review.', 'consume', 'Read it'],
  ['Watch this before you hire your next SDR.', 'consume', 'Watch this'],
  ['If you need a scheduling tool, check out SavvyCal.', 'consume', 'check out SavvyCal'],
  ['Worth a click if you run RevOps.', 'consume', 'Worth a click'],
  ["You'll have to click through to see the numbers.", 'consume', 'click through to see'],
  ['[Here are the templates we use every week](https://acme.example/templates) if you want to copy them.', 'consume', 'Here are the templates we use every week'],
];

const ENGAGE: Case[] = [
  // Elliptical welcomes, and a conversation joined by a hashtag.
  ['Feedback welcome! 🙌', 'engage', 'Feedback welcome'],
  ['Open to feedback and contributions! MIT licensed.', 'engage', 'Open to feedback and contributions'],
  ['Join the global conversation using #DevDays.', 'engage'],
  ["What's your take?", 'engage', "What's your take"],
  ['Worth a look?', 'engage', 'Worth a look'],
  ['Thoughts?', 'engage', 'Thoughts'],
  ['Agree or disagree?', 'engage'],
  ['Follow me for more posts on RevOps.', 'engage', 'Follow me for more'],
  ['Subscribe to the newsletter for one tactic a week.', 'engage'],
  ['Join 12,000+ RevOps leaders who read it every Tuesday.', 'engage'],
  ["Hit reply and tell me what you'd change.", 'engage', 'Hit reply'],
  ["Reply 'yes' and I'll send it over.", 'engage', 'Reply'],
  ['Mind if I send over a 2-minute video?', 'engage', 'Mind if I send'],
  ['Open to learning more?', 'engage', 'Open to learning more'],
  ['Is this a priority for you right now?', 'engage', 'Is this a priority'],
  ["Is outbound pipeline something you're focused on this quarter?", 'engage'],
  ["Who's the right person to talk to about payroll at Acme?", 'engage', "Who's the right person"],
  ['Would you mind pointing me to whoever handles procurement?', 'engage'],
  ['Drop your biggest hiring mistake in the comments.', 'engage'],
  ['Repost ♻️ if this helped.', 'advocate', 'Repost'], // trust model 2a: sharing vouches
  ['Save this for your next QBR.', 'engage'],
  ['Tag someone who needs to hear this.', 'advocate'],
  ["Comment 'GUIDE' and I'll DM you the template.", 'engage', 'Comment'],
  ["Curious how you're handling this today?", 'engage'],
  ['Does this resonate?', 'engage'],
  ['Let me know what you think.', 'engage', 'Let me know'],
  ['Interested?', 'engage', 'Interested'],
  ['Want me to send the slides?', 'engage'],
  ["Happy to share the playbook if it's useful.", 'engage'],
  ['Know someone dealing with this? Send this their way.', 'advocate'],
  ["Connect with me if you're building a RevOps team.", 'engage', 'Connect with me'],
  ['Would this be useful for your team?', 'engage'],
  ['What would you add to this list?', 'engage'],
  ["Feel free to reach out if anything's unclear.", 'engage', 'reach out if'],
  ['Any thoughts on this?', 'engage'],
  ['Shall I send over the one-pager?', 'engage'],
  ["Forward this to the right person if it isn't you.", 'advocate'],
  ['Join our Slack community of 4,000 ops leaders.', 'engage'],
  ['Which of these resonates most with you?', 'engage'],
  ['How are you handling territory rules today?', 'engage'],
  ['Should I close your file, or check back next quarter? Just reply with a number.', 'engage'],
  ['Give us a star on GitHub.', 'engage', 'Give us a star'],
  ['Go give Priya a follow, her posts on pricing are great.', 'engage'],
  ['[Send us a text message](sms:+15550100)', 'engage', 'Send us a text message'],
  ['Join the conversation on our LinkedIn page.', 'engage', 'Join the conversation'],
  ['Want the template?', 'engage', 'Want the template'],
  ['If you decided not to go ahead with us please let me know so I can close the ticket.', 'engage', 'let me know'],
];

const EXCHANGE: Case[] = [
  // "Take a moment to" leads into the imperative; a bracketed slot for the survey's address.
  ['Please take a moment to complete the post-workshop survey at [ link to survey ].', 'exchange'],
  ['[Download the 2025 benchmark report](https://routeline.example/benchmark)', 'exchange', 'Download the 2025 benchmark report'],
  ['Get the checklist.', 'exchange', 'Get the checklist'],
  ['Grab your free copy of the playbook.', 'exchange'],
  ["Register for Thursday's webinar.", 'exchange', "Register for Thursday's webinar"],
  ['Save your seat for the live workshop.', 'exchange', 'Save your seat'],
  ['Grab a spot.', 'exchange', 'Grab a spot'],
  ['Reserve your spot →', 'exchange', 'Reserve your spot'],
  ['Take the 2-minute pipeline assessment.', 'exchange'],
  ['How strong is your pipeline? Score it in 2 minutes →', 'exchange'],
  ['Claim your seat at the roundtable.', 'exchange'],
  ['RSVP by Friday.', 'exchange', 'RSVP'],
  ['Join us live on March 6 at 11am ET.', 'exchange'],
  ["Can't make it live? Register anyway and we'll send the recording.", 'exchange', 'Register'],
  ['Sign up for the 5-day email course.', 'exchange'],
  ['Steal my outbound templates.', 'exchange'],
  ['Fill out the form to get the full report.', 'exchange'],
  ['Get instant access to the recording.', 'exchange'],
  ['[Download the security whitepaper](https://sentrybay.example/whitepaper)', 'exchange'],
  ['Join the waitlist.', 'exchange'],
  ['Unlock the full report →', 'exchange'],
  ['[Send me the guide](https://acme.example/guide)', 'exchange'],
  ['Get your free benchmark report', 'exchange'],
  ['Come see us at booth 412 at SaaStr.', 'exchange'],
  ['Attend the summit in Chicago on May 4.', 'exchange'],
  ['Apply for early access.', 'exchange'],
  ['[Register for the breakfast](https://spendlens.example/events/chicago)', 'exchange'],
  ['Bring a colleague to the workshop: two seats per company.', 'exchange'],
  ['Get the multi-state payroll checklist', 'exchange'],
  ["There's still time to join, by registering now.", 'exchange'],
  ["The session has started, but there's still time to jump in.", 'exchange', 'still time to jump in'],
  ['Registering now takes 30 seconds.', 'exchange', 'Registering now'],
  ['[Run your free site audit →](https://acme.example/audit) for a 60-second snapshot.', 'exchange', 'Run your free site audit'],
  ['Get your free "Pipeline Math for Founders" cheat sheet!', 'exchange'],
  ['Register for "The Future of RevOps" live session.', 'exchange', 'Register for "The Future of RevOps" live session'],
  ['Grab the free content calendar infographic.', 'exchange'],
];

const MEETING: Case[] = [
  ['Worth a quick chat?', 'meeting', 'Worth a quick chat'],
  ['Open to a 20-minute call next Tuesday or Wednesday?', 'meeting', 'Open to a 20-minute call'],
  ['Would it be worth a 10-minute call to see if something similar could work for your team?', 'meeting'],
  ['Book a call with our team.', 'meeting', 'Book a call'],
  // Near miss of the help offers: a condition about the reader's plans is an invitation.
  ["If you're planning next year's rollout, reach out to us.", 'meeting', 'reach out to us'],
  ['Grab time on my calendar: https://calendly.com/maya-okafor/30min', 'meeting'],
  ['Are you free Tuesday afternoon?', 'meeting', 'Are you free'],
  ['15 minutes next week?', 'meeting', '15 minutes next week'],
  ['Can we hop on a quick call Thursday?', 'meeting'],
  ["Let's find 20 minutes this week.", 'meeting'],
  ['[Talk to sales](https://acme.example/contact)', 'meeting', 'Talk to sales'],
  ['[Contact us](https://acme.example/contact)', 'meeting', 'Contact us'],
  ['Would a 15-minute call make sense?', 'meeting'],
  ['Want to compare notes over a quick call?', 'meeting'],
  ['Would it make sense to compare notes?', 'meeting', 'compare notes'],
  ['Worth a conversation?', 'meeting', 'Worth a conversation'],
  ['Do you have 15 minutes this week?', 'meeting'],
  ['Happy to walk you through it.', 'meeting'],
  ['Pick a time that works for you here.', 'meeting'],
  ["Let's chat.", 'meeting', "Let's chat"],
  ['How does Thursday look?', 'meeting'],
  ['Does 2pm work?', 'meeting'],
  ['Get in touch with our team.', 'meeting', 'Get in touch'],
  ['Speak with a specialist.', 'meeting'],
  ['Would you be open to a brief conversation?', 'meeting'],
  ['Book your free consultation.', 'meeting'],
  ['Schedule a 30-minute discovery call.', 'meeting'],
  ['Request a callback.', 'meeting'],
  ['[Pick a slot](https://cal.com/jo/intro)', 'meeting', 'Pick a slot'],
  ['Still interested in a brief conversation?', 'meeting'],
  ['Grab 15 minutes with me here: calendly.com/jo-ito', 'meeting'],
  ['Want to chat about this next week?', 'meeting'],
  ['Give us a call on 0800 123 456.', 'meeting'],
  ['Let me know when works best for you.', 'meeting'],
  ['Are you around Thursday for a quick sync?', 'meeting'],
  ['As I take over your account, it would help a lot if we could schedule a quick 20-minute intro call.', 'meeting', 'schedule a quick 20-minute intro call'],
  ['It would be great if we could find 20 minutes next week.', 'meeting'],
];

const EVALUATE: Case[] = [
  ['[Book a demo](https://acme.example/demo)', 'evaluate', 'Book a demo'],
  ['Could we book a 30-minute demo next week?', 'evaluate', 'book a 30-minute demo'],
  ['[Start your 14-day free trial](https://acme.example/trial)', 'evaluate', 'Start your 14-day free trial'],
  ['Start your free trial — no credit card required.', 'evaluate', 'Start your free trial'],
  ['Get a personalized walkthrough.', 'evaluate', 'Get a personalized walkthrough'],
  ['Claim your free audit.', 'evaluate', 'Claim your free audit'],
  ['Request an assessment of your vendor risk program.', 'evaluate'],
  ['Run a 30-day pilot on Lines 3 and 4.', 'evaluate', 'Run a 30-day pilot'],
  ['Try it free for 14 days.', 'evaluate'],
  ['[Get started](https://acme.example/signup)', 'evaluate', 'Get started'],
  ['Would you be interested in a quick demo?', 'evaluate'],
  ["I'd love to show you how it works.", 'evaluate'],
  ['See a demo.', 'evaluate', 'See a demo'],
  ['Watch a live demo on Thursday at noon.', 'evaluate'],
  ['Create your free account.', 'evaluate'],
  ['[Sign up free](https://acme.example/signup)', 'evaluate', 'Sign up free'],
  ['Try Acme free', 'evaluate'],
  ['Take it for a test drive.', 'evaluate'],
  ["Let's scope a pilot for Q3.", 'evaluate'],
  ['Spin up a sandbox in two minutes.', 'evaluate'],
  ['Open to a quick demo?', 'evaluate'],
  ['Request a demo', 'evaluate', 'Request a demo'],
  ['Want a demo?', 'evaluate'],
  ['Join the beta.', 'evaluate'],
  ['Open a free account in two minutes.', 'evaluate'],
  ['Start for free', 'evaluate'],
  ['Let me show you around.', 'evaluate'],
  ['Want me to send a 2-minute demo video, or set up a live demo?', 'evaluate', 'set up a live demo'],
  ['Interested in seeing a demo?', 'evaluate'],
  // A bare product-action button (evaluate.product-button) and trial mechanics.
  ['[Find verified phone numbers](https://acme.example/app)', 'evaluate', 'Find verified phone numbers'],
  ['Most reps give up after one follow-up. [Build your first sequence ->](https://acme.example/app)', 'evaluate', 'Build your first sequence'],
  ['[Try Acme](https://acme.example/signup)', 'evaluate', 'Try Acme'],
  ['Need a few more days? Request an extension here.', 'evaluate', 'Request an extension'],
  ['Ask for a trial extension if your team needs another week.', 'evaluate', 'Ask for a trial extension'],
  ['Your workspace is almost ready. Finish setting up here.', 'evaluate', 'Finish setting up'],
  ['One step is still open. Complete it here: https://acme.example/setup', 'evaluate', 'Complete it here'],
];

const COMMIT: Case[] = [
  // Money for a project: membership, donations, funds (a member of a paid programme, not a better writer).
  ['Become a member and keep the core development funded.', 'commit'],
  ["Please contact the sponsorship team if you're interested in adding funds.", 'commit'],
  ['[Get a quote](https://sentrybay.example/pricing#quote)', 'commit', 'Get a quote'],
  ['Request pricing', 'commit', 'Request pricing'],
  ['See pricing', 'commit', 'See pricing'],
  ['Upgrade to Pro', 'commit', 'Upgrade to Pro'],
  ['Upgrade now', 'commit', 'Upgrade now'],
  ['Upgrade your plan now.', 'commit'],
  ['Buy now', 'commit', 'Buy now'],
  ["Sign the order form by Friday to lock in this quarter's rate.", 'commit', 'Sign the order form'],
  ['Review the proposal and let me know if you have questions.', 'commit', 'Review the proposal'],
  ['Ready to move forward?', 'commit'],
  ['Shall I send over the contract?', 'commit'],
  ['Choose your plan.', 'commit'],
  ['Start your subscription', 'commit'],
  ['Contact sales for pricing', 'commit'],
  ['Compare plans', 'commit'],
  ['Go Pro', 'commit'],
  ['Lock in the early-bird price.', 'commit'],
  ['Check out our pricing.', 'commit'],
  ["Let's get the paperwork started.", 'commit'],
  ['Add to cart', 'commit'],
  ["Countersign the SOW and we'll kick off on Monday.", 'commit'],
  ['Want to upgrade before you hit the limit? Upgrade to Scale.', 'commit'],
  // Buying without "buy": a payment word or a price next to an imperative (commit.pay).
  ['Add a card and your workflows keep running.', 'commit', 'Add a card'],
  ['Enter your billing details to keep your projects.', 'commit', 'Enter your billing details'],
  ['Grab the complete swipe file for $49.', 'commit', 'Grab the complete swipe file for $49'],
  ['Get lifetime access for €299.', 'commit'],
  ['Join now at 30% off.', 'commit', 'Join now at 30% off'],
  ['Become a paid member for $12/month.', 'commit'],
];

const EXPAND: Case[] = [
  ['If that sounds right, add 8 seats for the merchandising team.', 'expand', 'add 8 seats'],
  ['Invite your team.', 'expand', 'Invite your team'],
  ['Roll it out to the rest of the team.', 'expand'],
  ['Renew your contract before March 31.', 'expand'],
  ['Add more seats', 'expand'],
  ['[Add seats](https://querypath.example/billing/seats)', 'expand', 'Add seats'],
  ['Expand to your other sites.', 'expand'],
  ['Upgrade your team to Enterprise.', 'expand'],
  ['Turn on the forecasting add-on.', 'expand'],
  ['Bring the finance team on board.', 'expand'],
  ['Renew now', 'expand'],
  ['Add the APAC team to your workspace.', 'expand'],
  ['Extend your subscription for another year.', 'expand'],
  ['Upgrade your current plan to unlock SSO.', 'expand'],
  ['Invite teammates', 'expand'],
  ["Lock in your renewal at this year's rate.", 'expand'],
  // Switching billing period presupposes a paid plan (docs/lexicon.md, classification decisions).
  ['Switch to annual billing and save 20%.', 'expand'],
  // Expansion copy rarely says "add seats".
  ['Time for more room?', 'expand', 'Time for more room'],
  ['Your team is growing — time for Business?', 'expand'],
  ["You've outgrown the Starter plan.", 'expand'],
  ['Need more seats?', 'expand'],
  ['Save two months by switching to yearly billing.', 'expand', 'by switching to yearly'],
  ['Go annual and save 20%.', 'expand'],
  ['Move up to the Scale plan when you pass 10 users.', 'expand'],
  ['You can review your upgrade options here.', 'expand', 'review your upgrade options'],
  ['Visit your Billing & Upgrade Center to see what changes at renewal.', 'expand'],
];

const ADVOCATE: Case[] = [
  ['Leave us a review on G2.', 'advocate', 'Leave us a review on G2'],
  ['If you have five minutes, would you leave a short review on G2?', 'advocate', 'leave a short review on G2'],
  ["Know anyone who'd benefit?", 'advocate', "Know anyone who'd benefit"],
  ['Would you be open to being featured in a case study?', 'advocate'],
  ['Refer a friend and get $100.', 'advocate', 'Refer a friend'],
  ['Could you introduce me to your head of operations?', 'advocate'],
  ['Join our customer advisory board.', 'advocate'],
  ['Would you be willing to be a reference for a prospect in your industry?', 'advocate'],
  ['Share your story in a case study.', 'advocate'],
  ['Write a quick testimonial for our site.', 'advocate'],
  ['Rate us on Capterra.', 'advocate'],
  ['Would you hop on a reference call with a prospect next week?', 'advocate'],
  ["Introduce us to someone who'd find this useful.", 'advocate'],
  ['Speak at our customer summit in May.', 'advocate'],
  ['Know someone who might be interested in Acme?', 'advocate'],
  ['Put in a good word with your peers.', 'advocate'],
  ['Refer us to a colleague.', 'advocate'],
  ['Give us a quick rating.', 'advocate'],
  // Every way of saying "refer us", and inside a referral programme the class stays advocate.
  ['Recommend our platform to agencies in your network.', 'advocate', 'Recommend our platform'],
  ['Just give us a warm intro by email and we take it from there.', 'advocate'],
  ['Share your personal invite link with your team leads.', 'advocate'],
  ['Post your referral code in your community Slack.', 'advocate'],
  ['Tell a friend!', 'advocate', 'Tell a friend'],
  ['Nominate a colleague for the RevOps awards.', 'advocate', 'Nominate a colleague'],
  ['Opt in, then sign our referral partner agreement.', 'advocate'],
  ['When your contacts book a demo or start a free trial, ask them to mention your name.', 'advocate', 'mention your name'],
  ['Click the "Write a Review" button at the top of the page.', 'advocate', 'Write a Review'],
  ['Join our affiliate program.', 'advocate'],
];

/** Not asks: narrative, descriptions, feature lists, quotes, code, comments, negation, conditionals. */
const NOT_ASKS: Case[] = [
  // Help offered for when the reader is unsure or stuck: a courtesy, not a request for a meeting.
  ["If you're unsure how this applies to your team, please reach out to us and we'll be happy to clarify.", null],
  ["If you don't see your question answered, feel free to contact the team.", null],
  ['If you need any clarification or find something missing, reach out to us on the community channel.', null],
  ['If you run into trouble, contact us.', null],
  ['Become a better writer with these tips.', null],
  ['We are open to new ideas in how we work.', null],
  // A slot for an account page's address is navigation; a slot alone names nothing.
  ['Unsubscribe: {{ unsubscribe_url }}', null],
  ['Website: [website link]', null],
  // A list of features where one item links its reference docs: the linked name is not a read.
  [
    '- Organise toggles by team and environment\n- Targeted releases to specific users and hosts\n- [Canary releases and gradual rollouts](https://x.example/docs/canary)\n- Audit logs for every change\n- An API for everything',
    null,
  ],
  // Text that states: a verb-shaped first word names or modifies the subject of a finite verb.
  ['Live sessions will be captioned in the box below.', null],
  ['Highlight.io will be moving our services to LaunchDarkly on February 28.', null],
  ['We booked 40 demos last quarter.', null],
  ['Our demo shows how routing works in practice.', null],
  ['Carriers book their own slots, and your team sees every truck on one board.', null],
  ['Teams that book a demo usually see ROI within a month.', null],
  ["If you book a demo, you'll get a custom report.", null],
  ['No sales call, no demo, no pressure.', null],
  ["You don't need to book a demo to try it.", null],
  ['Thanks for downloading the month-end close checklist last week.', null],
  ["Thanks for joining Tuesday's roundtable.", null],
  ['> "Just book the demo. You won\'t regret it."\n>\n> Dana Whitcombe, Director of GRC', null],
  ['```\nBook a demo\n```', null],
  ['<!-- TODO: add a Book a demo button here -->', null],
  ['---\ntype: email\ntrust: 2\nnote: book a demo next week\n---\n\nWe looked at forty teams this quarter.', null],
  ['"Book a demo" is the weakest CTA you can put in front of cold traffic.', null],
  ['Use `book_demo()` to fire the event.', null],
  ['- Schedule meetings automatically from Slack\n- Download reports as CSV\n- Invite unlimited guests', null],
  ['Our customers download the report every Monday.', null],
  ["We'll send the recording to everyone who registered.", null],
  ['The webinar registration page went live on Monday.', null],
  ['She signed the contract in March.', null],
  ['Sales calls dropped 30% after the change.', null],
  ['Demo requests doubled in Q2.', null],
  ['Reply rates went from 2% to 8%.', null],
  ['Our free trial converts at 14%.', null],
  ['The pilot ran for 30 days on two lines.', null],
  ['Renewals stop surprising you.', null],
  ['Every demo request waited for a manager to assign it.', null],
  ['→ Meetings from inbound went up 31%', null],
  ['We rolled it out to 40 teams in six weeks.', null],
  ['Most buyers read three reviews before they talk to sales.', null],
  ["I'll walk you through the approval rules Bramble uses, and you can decide whether any of it fits.", null],
  ['Free, 36 pages, no sales call afterwards.', null],
  ['No credit card required.', null],
  ["There's no need to book a call first.", null],
  ['Skip the demo.', null],
  ["You won't need to schedule a call.", null],
  ["We don't do demos.", null],
  ['Stop booking meetings nobody wants.', null],
  ['The room holds 24, so it stays a conversation rather than a panel.', null],
  ['No slides for the first hour.', null],
  ['Setup takes an afternoon: connect your CRM and import your accounts.', null],
  ['Inspectors stop sampling and start working the exceptions.', null],
  ['## How we cut onboarding from 90 days to 51', null],
  ['Pricing starts at $49 per seat per month.', null],
  ['Seats are billed monthly.', null],
  ['Our review of 1,200 cold emails found three patterns.', null],
  ['Case studies, reports and templates live in the resource hub.', null],
  ['They invited their whole team within a week.', null],
  ['Demo day is on Friday.', null],
  ['Book publishers use it too.', null],
  ['Call volumes doubled.', null],
  ['The trial period is 14 days.', null],
  ['We hosted a webinar on forecasting last week.', null],
  ['After the demo, Priya asked for a one-pager she could forward.', null],
  ['We send the questionnaire, read the SOC 2 report and flag the gaps.', null],
  ['Their operations lead wrote up exactly how they did it.', null],
  ['If you run a plant and want the same view of your presses, this is for you.', null],
  ['Get 10 hours back every week.', null],
  ['Save time on every close.', null],
  ['What happens to the 80% of prospects who never reply?', null],
  ['Did you know 73% of buyers avoid vendors who send irrelevant outreach?', null],
  ['I hope step 6 saved you at least one late night.', null],
  ['When you start a trial, you get every feature.', null],
  ['Once you download the guide, the checklist is on page 4.', null],
  ['| Plan | Price |\n|---|---|\n| Pro | $49 |', null],
  ['Not ready for a demo?', null],
  ['Fixed amounts on fixed dates outperformed the "call us to arrange something" approach.', null],
  ['Every vendor\'s review date, open findings and owner sit on one board.', null],
  ['Most of our customers find those registrations the slow way.', null],
  ['Put one experienced person on call for the busiest night of the week.', null],
  ['It takes a minute in the admin console, and I\'ll set up their workspace the same day.', null],
  ['Hi Tom,', null],
  ['Best,\nMaya Okafor\nAccount Executive, Dockwise', null],
  ['Our customers invite their whole team in the first week.', null],
  ['They signed up for the trial in June and bought in July.', null],
  ['Why we stopped asking for demos on the first call', null],
  ['Register for withholding with the Ohio Department of Taxation before your first payroll.', null],
  ['Open an unemployment account with the state within 20 days of paying wages.', null],
  ["You don't need to book a demo or talk to sales to try it.", null],
  // Support lines, mentions and near misses of the second held-out round.
  ['Questions? Reply to this email or contact support.', null],
  ['Still need help? Our support team answers within a day. Contact us', null],
  ['If this step is blocked, reply with the error and we will route it.', null],
  ['Let me know if you have any questions.', null],
  ['A good email ends with one clear ask (e.g., schedule a call).', null],
  ['For example: visit the website, download a guide, talk with sales, become a customer.', null],
  ["| Trigger | Subject line |\n|---|---|\n| Hits the limit | 'Need more room? Upgrade in 30 seconds' |", null],
  ["There's a lot more of this on the blog if you want it.", null],
  ['Read this contract carefully before you sign anything.', null],
  ['[Sign in](https://acme.example/login)', null],
  ['[Manage your subscription](https://acme.example/account)', null],
  ['Our plans start at $49 a month.', null],
  ['Add a card to the board for each open deal.', null],
  ['Their team is growing fast, so it is time to hire.', null],
  ["It's time for more focus on retention.", null],
  ['We recommend our customers start on the free plan.', null],
  ['Signing up for the webinar took our team two minutes.', null],
];

const GROUPS: [string, Case[]][] = [
  ['consume', CONSUME],
  ['engage', ENGAGE],
  ['exchange', EXCHANGE],
  ['meeting', MEETING],
  ['evaluate', EVALUATE],
  ['commit', COMMIT],
  ['expand', EXPAND],
  ['advocate', ADVOCATE],
  ['not an ask', NOT_ASKS],
];

describe('ask classification: labelled phrasings', () => {
  test('the table is large enough and balanced', () => {
    const all = GROUPS.flatMap(([, cases]) => cases);
    assert.ok(all.length >= 200, `only ${all.length} labelled cases`);
    assert.ok(NOT_ASKS.length >= 50, `only ${NOT_ASKS.length} negatives`);
    for (const [name, cases] of GROUPS) assert.ok(cases.length >= 10, `${name} has only ${cases.length} cases`);
    // Each phrasing appears once.
    const seen = new Set<string>();
    for (const [md] of all) {
      assert.ok(!seen.has(md), `duplicate case: ${md}`);
      seen.add(md);
    }
  });

  for (const [name, cases] of GROUPS) {
    describe(name, () => {
      for (const [md, expected, underlined] of cases) {
        test(JSON.stringify(md), () => {
          const asks = asksOf(md);
          const got = [...new Set(asks.map((a) => a.class))];
          if (expected === null) {
            assert.deepEqual(
              asks.map((a) => `${a.class}: ${a.text}`),
              [],
              'expected no ask',
            );
            return;
          }
          assert.deepEqual(got, [expected], `asks found: ${asks.map((a) => `${a.class} "${a.text}" via ${a.via}`).join('; ') || 'none'}`);
          if (underlined !== undefined) assert.equal(asks[0]!.text, underlined);
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Exact ranges: UTF-16 code units on the original text, whatever the text looks like.
// ---------------------------------------------------------------------------------------------

/** The single ask of a draft (fails if there is not exactly one). */
function onlyAsk(markdown: string): Ask {
  const asks = asksOf(markdown);
  assert.equal(asks.length, 1, `expected one ask, got ${asks.map((a) => `${a.class} "${a.text}"`).join('; ') || 'none'}`);
  return asks[0]!;
}

describe('ask ranges', () => {
  test('after emoji (surrogate pairs) on the same line', () => {
    const md = '🚀🚀 Big news! 👉 Book a demo today.';
    const a = onlyAsk(md);
    // 🚀🚀 is 4 code units, "👉" 2: the phrase starts at 18.
    assert.equal(a.start, 18);
    assert.equal(a.end, 29);
    assert.deepEqual(a.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 29 } });
    assert.equal(md.slice(a.start, a.end), 'Book a demo');
  });

  test('CRLF line endings: no \r in a range, columns as in LF', () => {
    const crlf = 'Hi Renata,\r\n\r\nThanks for reading.\r\n\r\nOpen to a 20-minute call next Tuesday?\r\n';
    const lf = crlf.replace(/\r\n/g, '\n');
    const a = onlyAsk(crlf);
    const b = onlyAsk(lf);
    assert.equal(a.class, 'meeting');
    assert.deepEqual(a.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 24 } });
    assert.deepEqual(a.range, b.range);
    assert.deepEqual(a.sentenceRange, b.sentenceRange);
    assert.equal(a.text, 'Open to a 20-minute call');
    assert.ok(!crlf.slice(a.sentenceStart, a.sentenceEnd).includes('\r'));
  });

  test('a byte order mark is not counted (editors hide it)', () => {
    const a = onlyAsk('\uFEFFBook a demo.');
    assert.deepEqual(a.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    assert.equal(a.text, 'Book a demo');
  });

  test('tabs inside and before the phrase', () => {
    const md = '\tText\twith tabs.\n\nPlease\tbook a\tcall.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'meeting');
    assert.equal(a.text, 'book a\tcall');
    assert.deepEqual(a.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } });
  });

  test('NFKC: LinkedIn math-bold letters are read as plain text and the range covers whole surrogate pairs', () => {
    const md = 'If you run a plant:\n\n👉 𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼 𝗼𝗳 𝗧𝗼𝗿𝗾𝘂𝗲𝗹𝗶𝗻𝗲: https://torqueline.example/demo';
    const a = onlyAsk(md);
    assert.equal(a.class, 'evaluate');
    assert.equal(a.text, '𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼');
    // "👉 " is 3 code units; "𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" is 8 letters (16 units) and 2 spaces.
    assert.deepEqual(a.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 23 } });
    // Never half a surrogate pair at either end.
    for (const at of [a.start, a.end]) {
      const c = md.charCodeAt(at);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${at} splits a surrogate pair`);
    }
  });

  test('closing markup is not part of the phrase: **Book a demo** and [link](url)', () => {
    const bold = onlyAsk('**Book a demo** to see it on your own data.');
    assert.equal(bold.text, 'Book a demo');
    const link = onlyAsk('Ready? [Book a demo](https://acme.example/demo) today.');
    assert.equal(link.text, 'Book a demo');
    assert.equal(link.inLink, true);
  });

  test('ranges agree with a LineIndex over the same text', () => {
    const md = 'Line one.\n\nSecond para\nwith a wrap, then [get the checklist](https://x.example/c).';
    const a = onlyAsk(md);
    const li = new LineIndex(md);
    assert.deepEqual(a.range, li.range(a.start, a.end));
    assert.equal(md.slice(a.start, a.end), 'get the checklist');
  });
});

// ---------------------------------------------------------------------------------------------
// Links, buttons, calendar URLs, P.S. lines, one ask per sentence.
// ---------------------------------------------------------------------------------------------

describe('where asks are found', () => {
  test('a link whose text is the ask: inLink, and the sentence range is the link text', () => {
    const md = 'When you are ready, [start your free trial](https://acme.example/trial).';
    const a = onlyAsk(md);
    assert.equal(a.class, 'evaluate');
    assert.equal(a.inLink, true);
    assert.equal(a.kind, 'link');
    assert.equal(md.slice(a.sentenceStart, a.sentenceEnd), 'start your free trial');
    assert.equal(a.text, 'start your free trial');
  });

  test('a phrase that only starts a sentence with a link is not inLink', () => {
    const md = 'Read the [full teardown](https://x.example/t) before Thursday.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'consume');
    assert.equal(a.inLink, false);
    assert.equal(md.slice(a.sentenceStart, a.sentenceEnd), md.replace(/\n$/, ''));
  });

  test('a paragraph that is one link is a button', () => {
    const a = onlyAsk('[Get the benchmark report](https://routeline.example/benchmark-2025)');
    assert.equal(a.kind, 'button');
    assert.equal(a.inLink, true);
  });

  test('repeated buttons are separate occurrences of one ask (same key)', () => {
    const md = '[Start your free trial](https://a.example/t)\n\nSome words about the product.\n\n[Start your free trial](https://a.example/t)';
    const asks = asksOf(md);
    assert.equal(asks.length, 2);
    assert.equal(asks[0]!.key, asks[1]!.key);
    assert.notEqual(asks[0]!.start, asks[1]!.start);
  });

  test('a row of buttons on consecutive lines is one ask per button', () => {
    const md = '[Start your free trial](https://a.example/t)\n[Get a quote](https://a.example/q)\n[Download the security whitepaper](https://a.example/w)';
    assert.deepEqual(
      asksOf(md).map((a) => [a.class, a.text]),
      [
        ['evaluate', 'Start your free trial'],
        ['commit', 'Get a quote'],
        ['exchange', 'Download the security whitepaper'],
      ],
    );
  });

  test('links separated only by a symbol are separate buttons; joined by words they are one sentence', () => {
    assert.deepEqual(
      asksOf('[Start your free trial](https://a.example/t) · [Get a quote](https://a.example/q)').map((a) => a.class),
      ['evaluate', 'commit'],
    );
    assert.deepEqual(
      asksOf('[Read the guide](https://a.example/g) or [book a demo](https://a.example/d).').map((a) => a.class),
      ['evaluate'],
    );
  });

  test('a bare calendar URL is a meeting ask, with or without a scheme', () => {
    for (const md of ['Whenever suits: calendly.com/maya-okafor/30min', 'Here you go: https://calendly.com/maya/30min.', 'cal.com/jo/intro']) {
      const a = onlyAsk(md);
      assert.equal(a.class, 'meeting', md);
      assert.equal(a.kind, 'url', md);
      assert.match(a.text, /^(https:\/\/)?(calendly|cal)\.com\/[^.]+$/, md);
    }
  });

  test('a link to a booking page is a meeting ask even when its text says "here"', () => {
    const md = 'If it is easier, [here](https://calendly.com/maya/30min) is my calendar.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'meeting');
    assert.equal(a.inLink, true);
    assert.equal(a.text, 'here');
  });

  test('a URL that is not a booking page is not a meeting ask', () => {
    assert.deepEqual(asksOf('Docs are at https://acme.example/docs/calendar-sync for reference.'), []);
  });

  test('P.S. lines: the ask is found and marked as a P.S.', () => {
    const md = 'Best,\nMaya\n\nP.S. Grab a seat at Thursday\'s webinar: [register here](https://x.example/w).';
    const a = onlyAsk(md);
    assert.equal(a.class, 'exchange');
    assert.equal(a.kind, 'ps');
  });

  test('a P.S. after a line break in the sign-off, and every sentence after it, is a P.S.', () => {
    const md = 'Best,\nMaya\nP.S. We wrote up the playbook. Read it here.';
    const a = onlyAsk(md);
    assert.equal(a.class, 'consume');
    assert.equal(a.kind, 'ps');
    assert.equal(a.text, 'Read it here');
  });

  test('"P.S." is not a sentence of its own (the period does not end the sentence)', () => {
    const a = onlyAsk('PS: if a call is easier, grab 15 minutes here: https://example.com/x');
    assert.equal(a.kind, 'ps');
    assert.equal(a.class, 'meeting');
    const b = onlyAsk('P.P.S. Book a demo.');
    assert.equal(b.kind, 'ps');
  });

  test('one ask per sentence: the highest level wins', () => {
    const a = onlyAsk('Read the guide, or book a demo if you are ready.');
    assert.equal(a.class, 'evaluate');
    assert.equal(a.text, 'book a demo');
    const b = onlyAsk('Download the checklist and, if it helps, add 5 seats for the ops team.');
    assert.equal(b.class, 'expand');
  });

  test('an upgrade is commit, under its own rule id (an analyzer that knows the audience is a customer may read it as expand)', () => {
    const a = onlyAsk('Upgrade to the Enterprise plan from the billing page.');
    assert.equal(a.class, 'commit');
    assert.match(a.via, /^commit\.upgrade:/);
    // Naming the existing relationship makes it expand whatever the audience.
    assert.equal(onlyAsk('Upgrade your current plan to unlock SSO.').class, 'expand');
  });

  test('two sentences, two asks', () => {
    assert.deepEqual(
      asksOf('Read the guide. Then book a call when you are ready.').map((a) => a.class),
      ['consume', 'meeting'],
    );
  });

  test('abbreviations do not end a sentence, so "(e.g. Tuesday) or read the guide" stays in the sentence of its ask', () => {
    assert.deepEqual(asksOf('Book a demo (e.g. Tuesday at 10) or read the guide.').map((a) => a.class), ['evaluate']);
  });

  test('an ask after "e.g." or "for example" is an example being mentioned, not an ask', () => {
    assert.deepEqual(asksOf('A clear call to action tells the reader what to do next (e.g., schedule a call, visit your website).').map((a) => a.class), []);
    assert.deepEqual(asksOf('For example: visit website, download lead magnet, talk with sales rep, become customer.').map((a) => a.class), []);
    assert.deepEqual(asksOf('Pick one next step, such as booking a demo.').map((a) => a.class), []);
    // The marker must come before the phrase: the ask itself is still found.
    assert.deepEqual(asksOf('Book a demo, for example next Tuesday.').map((a) => a.class), ['evaluate']);
  });

  test('a line break before a capitalised line splits sentences in posts; a hard-wrapped email line does not', () => {
    // LinkedIn style: one sentence per line, no period.
    assert.deepEqual(asksOf('Here is the playbook we used\nGrab the template below').map((a) => a.class), ['exchange']);
    // Hard-wrapped prose continues in lower case: "customers\ndownload" is narrative, not an ask.
    assert.deepEqual(asksOf('Every Monday our customers\ndownload the report and share it.'), []);
  });

  test('headings and table cells can hold asks; blockquotes, code and comments cannot', () => {
    assert.equal(onlyAsk('## Start your free trial today').class, 'evaluate');
    assert.equal(onlyAsk('| Plan | |\n|---|---|\n| Pro | [Get a quote](https://x.example/q) |').class, 'commit');
    assert.deepEqual(asksOf('> Book a demo, it changed how we work.\n>\n> Dana, GRC lead'), []);
    assert.deepEqual(asksOf('    Book a demo (indented code)'), []);
    assert.deepEqual(asksOf('Text.\n\n<!--\nBook a demo\n-->'), []);
  });

  test('single-quoted phrases are quotations too: a table of example subject lines holds no ask', () => {
    const md = "| Trigger | Email |\n|---|---|\n| Clicks a Pro feature | 'Unlock exports — upgrade in 30 seconds' |\n| Third invite | 'Your team is growing. Time for Team?' |";
    assert.deepEqual(asksOf(md).map((a) => a.class), []);
    // An apostrophe inside a word never opens a quotation.
    assert.deepEqual(asksOf("Don't wait: you're one click away. Upgrade to Pro.").map((a) => a.class), ['commit']);
  });

  test('a support line turns the reply and contact lines after it in the paragraph into a help offer', () => {
    assert.deepEqual(asksOf('Still stuck? Our support team is online 24/7. Get in touch').map((a) => a.class), []);
    // ... but not a sales ask, and not the next paragraph.
    assert.deepEqual(asksOf('Questions about pricing? Talk to sales.').map((a) => a.class), ['meeting']);
    // (The question leads into "Let me know": one request, held by the sentence after it.)
    assert.deepEqual(asksOf('Questions? Our support team answers within a day.\n\nWhat would you add to the list? Let me know.').map((a) => a.text), ['Let me know']);
  });

  test('the highest class in a sentence wins; a closing "let me know" does not replace the meeting ask', () => {
    const asks = asksOf("It would be a big help if we could schedule a quick 15-minute intro call. Let me know if you'd be open to that.");
    assert.deepEqual(asks.map((a) => a.class), ['meeting', 'engage']);
    assert.equal(asks[0]!.text, 'schedule a quick 15-minute intro call');
  });

  test('inside a referral programme the class stays advocate: the referral agreement is not a purchase, the friend\'s demo is not the reader\'s', () => {
    assert.deepEqual(asksOf('Opt in and sign the referral agreement.').map((a) => a.class), ['advocate']);
    assert.deepEqual(asksOf('Ask them to mention your name when they sign up for a demo or free trial.').map((a) => a.class), ['advocate']);
    // The standalone button is still a trial.
    assert.deepEqual(asksOf('[Free trial](https://acme.example/trial)').map((a) => a.class), ['evaluate']);
  });

  test('a quoted phrase is an ask when "click the" introduces it', () => {
    assert.deepEqual(asksOf('Click the "Write a review" link below.').map((a) => a.class), ['advocate']);
  });

  test('a quoted testimonial paragraph is not an ask; a quoted button label after "click" is', () => {
    assert.deepEqual(asksOf('"Just book the demo. You will not regret it." — Dana Whitcombe, Lakeshore'), []);
    assert.equal(onlyAsk('Click "Start free trial" at the top of the page.').class, 'evaluate');
  });
});

// ---------------------------------------------------------------------------------------------
// The pattern language (a tiny lexicon, so each feature is tested on its own).
// ---------------------------------------------------------------------------------------------

function tinyLexicon(asks: LexiconData['asks'], extra: Partial<LexiconData> = {}): Lexicon {
  return new Lexicon({
    groups: { det: ['a', 'the', 'your'], thing: ['guide', 'cheat sheet'] },
    leadIns: ['just', 'feel free to', "don't forget to"],
    negations: ['no', 'not', "don't"],
    negationExceptions: ["don't forget to"],
    negationWindow: 4,
    blockers: ['we'],
    narrativeSubjects: ['we'],
    quoteIntroducers: ['click'],
    asks,
    pressure: [],
    calendarHosts: ['calendly.com'],
    shouting: { minRunWords: 2, minRunLetters: 8, words: [], acronyms: [] },
    ...extra,
  });
}

/** The lexicon's own matches: what the ask reader adds where the lexicon is silent (asks/reader.ts) is tested apart. */
function classify(lx: Lexicon, markdown: string): string[] {
  return parseBlock(markdown, lx).units.flatMap((u) => (u.match && !u.match.shape ? [`${u.match.class}:${markdown.slice(u.match.start, u.match.end)}`] : []));
}

describe('pattern language', () => {
  test('@group, optional slot, gap, multi-word alternatives', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['(get|grab a copy of) @det? ~2 @thing'] }]);
    assert.deepEqual(classify(lx, 'Get the free printable guide.'), ['exchange:Get the free printable guide']);
    assert.deepEqual(classify(lx, 'Grab a copy of the cheat sheet.'), ['exchange:Grab a copy of the cheat sheet']);
    // The gap is at most two words.
    assert.deepEqual(classify(lx, 'Get the very long free printable guide.'), []);
  });

  test('<n> numbers in digits and words, also inside a word', () => {
    const lx = tinyLexicon([{ id: 'm', class: 'meeting', patterns: ['book a <n>-minute call', '<n> minutes next week'], question: false, at: 'anywhere' }]);
    assert.deepEqual(classify(lx, 'Book a 15-minute call.'), ['meeting:Book a 15-minute call']);
    assert.deepEqual(classify(lx, 'Fifteen minutes next week?'), ['meeting:Fifteen minutes next week']);
  });

  test('!slot: a negative lookahead', () => {
    const lx = tinyLexicon([{ id: 'e', class: 'evaluate', patterns: ['watch @det? demo !(video|recording)'] }]);
    assert.deepEqual(classify(lx, 'Watch the demo.'), ['evaluate:Watch the demo']);
    assert.deepEqual(classify(lx, 'Watch the demo video.'), []);
  });

  test('^ and $: a whole-sentence button', () => {
    const lx = tinyLexicon([{ id: 'c', class: 'commit', patterns: ['^ buy $'] }]);
    assert.deepEqual(classify(lx, 'Buy'), ['commit:Buy']);
    assert.deepEqual(classify(lx, '👉 Buy!'), ['commit:Buy']);
    assert.deepEqual(classify(lx, 'Build or buy?'), []);
  });

  test('clause start: lead-ins are allowed, narrative subjects are not', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['get the guide'] }]);
    assert.deepEqual(classify(lx, 'Feel free to just get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, 'It is free, so get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, 'Most people get the guide.'), []);
    assert.deepEqual(classify(lx, 'We write it, get the guide approved and ship it.'), []);
  });

  test('question rules need a question mark; anywhere rules respect blockers', () => {
    const lx = tinyLexicon([{ id: 'q', class: 'engage', at: 'anywhere', question: true, patterns: ['worth a look'] }]);
    assert.deepEqual(classify(lx, 'Worth a look?'), ['engage:Worth a look']);
    assert.deepEqual(classify(lx, 'It is worth a look.'), []);
    assert.deepEqual(classify(lx, 'Do we think it is worth a look?'), ['engage:worth a look']);
    const lx2 = tinyLexicon([{ id: 'q', class: 'engage', at: 'anywhere', patterns: ['love to hear'] }]);
    assert.deepEqual(classify(lx2, 'We love to hear it.'), []);
  });

  test('negation: shortly before, within the clause, minus the exceptions', () => {
    const lx = tinyLexicon([{ id: 'x', class: 'exchange', patterns: ['get the guide'] }]);
    assert.deepEqual(classify(lx, 'No need to get the guide.'), []);
    assert.deepEqual(classify(lx, 'No demo needed, just get the guide.'), ['exchange:get the guide']);
    assert.deepEqual(classify(lx, "Don't forget to get the guide."), ['exchange:get the guide']);
  });

  test('config phrasings are literal and match anywhere', () => {
    const lx = new Lexicon(DEFAULT_LEXICON_DATA, { asks: [{ phrase: 'Claim your Fernhill credits', class: 'commit' }] });
    assert.deepEqual(classify(lx, 'Before Friday, claim your Fernhill credits.'), ['commit:claim your Fernhill credits']);
  });

  test('&slot: a positive lookahead that is not underlined; "(x|$)" allows the end of the sentence', () => {
    const lx = tinyLexicon([{ id: 'c', class: 'consume', patterns: ['read it &(before|first|$)'] }]);
    assert.deepEqual(classify(lx, 'Read it before you start.'), ['consume:Read it']);
    assert.deepEqual(classify(lx, 'Read it.'), ['consume:Read it']);
    assert.deepEqual(classify(lx, 'Read it carefully.'), []);
  });

  test('~" is a double-quoted title; a ~N gap may cross quoted words, "&" and a spaced dash', () => {
    const lx = tinyLexicon([
      { id: 'x', class: 'exchange', patterns: ['get @det? ~" @thing'] },
      { id: 'y', class: 'expand', patterns: ['visit @det? ~3 center'] },
    ]);
    assert.deepEqual(classify(lx, 'Get your "Ten Rules for Pricing Pages" cheat sheet.'), ['exchange:Get your "Ten Rules for Pricing Pages" cheat sheet']);
    assert.deepEqual(classify(lx, 'Visit the Renewal & Upgrade Center.'), ['expand:Visit the Renewal & Upgrade Center']);
    assert.deepEqual(classify(lx, 'Get your cheat sheet.'), []);
  });

  test('at "link" needs a link\'s text to start there; at "button" needs the sentence to be one link, outside lists', () => {
    const lx = tinyLexicon([
      { id: 'l', class: 'consume', at: 'link', patterns: ['here are ~3'] },
      { id: 'b', class: 'evaluate', at: 'button', patterns: ['find ~3 $'] },
    ]);
    assert.deepEqual(classify(lx, '[Here are the tools](https://x.example) we use.'), ['consume:Here are the tools']);
    assert.deepEqual(classify(lx, 'Here are the tools we use.'), []);
    assert.deepEqual(classify(lx, '[Find verified emails →](https://x.example)'), ['evaluate:Find verified emails']);
    assert.deepEqual(classify(lx, 'Find verified emails.'), []);
    assert.deepEqual(classify(lx, '- [Find verified emails](https://x.example)'), []);
  });

  test('a fallback rule is tried only when nothing else matched the sentence', () => {
    const lx = tinyLexicon([
      { id: 'f', class: 'evaluate', at: 'button', fallback: true, patterns: ['send ~3 $'] },
      { id: 'r', class: 'engage', patterns: ['send us a message'] },
    ]);
    assert.deepEqual(classify(lx, '[Send us a message](https://x.example)'), ['engage:Send us a message']);
    assert.deepEqual(classify(lx, '[Send invoices in bulk](https://x.example)'), ['evaluate:Send invoices in bulk']);
  });

  test('example markers make a phrase a mention; support lines make supportable phrases a help offer', () => {
    const lx = tinyLexicon([{ id: 'r', class: 'engage', supportable: true, patterns: ['reply'] }, { id: 'x', class: 'exchange', patterns: ['get the guide'] }], {
      examples: ['e.g.', 'for example'],
      support: ['^ questions', 'if you have ~1 questions'],
    });
    assert.deepEqual(classify(lx, 'Pick an action (e.g. get the guide).'), []);
    assert.deepEqual(classify(lx, 'Get the guide, for example.'), ['exchange:Get the guide']);
    assert.deepEqual(classify(lx, 'Questions? Reply to this email.'), []);
    assert.deepEqual(classify(lx, 'If you have any questions, reply to this email.'), []);
    assert.deepEqual(classify(lx, 'Reply with your answer.'), ['engage:Reply']);
  });

  test('a pattern that cannot be read is reported with its rule id', () => {
    assert.throws(() => tinyLexicon([{ id: 'bad.rule', class: 'engage', patterns: ['@nope'] }]), /bad\.rule.*unknown lexicon group @nope/);
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped data itself.
// ---------------------------------------------------------------------------------------------

describe('lexicon data', () => {
  const data = DEFAULT_LEXICON_DATA;

  test('every rule has a unique id, a known class and at least one pattern', () => {
    const ids = new Set<string>();
    for (const r of data.asks) {
      assert.ok(!ids.has(r.id), `duplicate rule id ${r.id}`);
      ids.add(r.id);
      assert.ok(['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate'].includes(r.class), r.id);
      assert.ok(r.patterns.length > 0, r.id);
      assert.ok(r.id.startsWith(`${r.class}.`), `rule ${r.id} should be named after its class`);
    }
  });

  test('every class has rules, and every group is used', () => {
    const classes = new Set(data.asks.map((r) => r.class));
    assert.equal(classes.size, 8);
    const text = JSON.stringify([data.asks, data.pressure, data.groups, data.leadIns, data.negations, data.negationExceptions, data.quoteIntroducers]);
    for (const g of Object.keys(data.groups)) assert.ok(new RegExp(`@${g}(?![\\w-])`).test(text), `group ${g} is never used`);
  });

  test('the default lexicon compiles quickly and nearly every pattern has anchor words', () => {
    const t = performance.now();
    const lx = new Lexicon(data);
    const ms = performance.now() - t;
    assert.ok(ms < 1500, `compiling the lexicon took ${ms.toFixed(0)} ms`);
    assert.ok(lx.patternCount > 300, `only ${lx.patternCount} patterns`);
    const unanchored = (lx as unknown as { always: unknown[] }).always.length;
    assert.ok(unanchored / lx.patternCount < 0.05, `${unanchored} of ${lx.patternCount} patterns have no anchor word and run on every sentence`);
  });

  test('the default instance is shared', () => {
    assert.equal(defaultLexiconInstance(), defaultLexiconInstance());
  });
});

describe('asks that change class for customers (lexicon toCustomers)', () => {
  const draft = (trust: string) =>
    `---\ntype: email\ntrust: ${trust}\n---\n\nSSO and audit logs are part of the Enterprise plan.\n\nUpgrade to the Enterprise plan from the billing page.\n`;
  test('an upgrade is a purchase (commit) for a reader who is not a customer yet', () => {
    const asks = new Analyzer().analyze(draft('trusting'), { force: true }).asks;
    assert.deepEqual(asks.map((a) => [a.class, a.level]), [['commit', 4]]);
  });
  test('the same upgrade is expansion (expand) for a customer, and says why', () => {
    const asks = new Analyzer().analyze(draft('customer'), { force: true }).asks;
    assert.deepEqual(asks.map((a) => [a.class, a.level]), [['expand', 5]]);
    assert.match(asks[0]!.via, /read as expand: the audience is already a customer/);
  });
});

describe('asks read from structure: links in the clause, recommendations, welcomes, lead-ins', () => {
  const found = (md: string) => asksOf(md).map((a) => `${a.class} ${a.text}`);

  test('a link in an imperative clause is where to act, for a verb that sends the reader somewhere', () => {
    assert.deepEqual(found('See [requirements](https://x.example/req) for minimum specs.'), ['consume See [requirements](https://x.example/req) for minimum specs']);
    assert.deepEqual(found('Check [node-socks-proxy-agent](https://x.example/a).'), ['consume Check [node-socks-proxy-agent']);
    assert.deepEqual(found('For details, visit https://cla.example.com.'), ['consume visit https://cla.example.com']);
    // "review" the guidelines is attention; "review us" is vouching.
    assert.deepEqual(found('Please review [Contributing guidelines](./CONTRIBUTING.md).'), ['consume Please review [Contributing guidelines']);
    // Near misses: verbs that describe using the product, and a local address in a setup step.
    assert.deepEqual(found('Run [VS Code](https://x.example/vscode) on any machine anywhere.'), []);
    assert.deepEqual(found('Organise feature toggles by [tags](https://x.example/tags).'), []);
    assert.deepEqual(found('Then visit http://localhost:3000 to view the app.'), []);
  });

  test('"consider" and a gerund recommend the verb', () => {
    assert.deepEqual(found('---\ntrust: customer\n---\n\nConsider upgrading your plan if you expect to exceed your limit.'), ['expand Consider upgrading your plan if you expect to exceed your limit']);
    assert.deepEqual(found('Please consider supporting me on Patreon.'), ['commit Please consider supporting me on Patreon']);
    // Near miss: the sender's own past deliberation.
    assert.deepEqual(found('We considered building it ourselves, then chose Acme.'), []);
  });

  test('a stated welcome is a wish that waits for the reader, classed by what is welcome', () => {
    assert.deepEqual(found('Pull requests and stars are always welcome.'), ['engage Pull requests and stars are always welcome']);
    assert.deepEqual(found('This project welcomes contributions and suggestions. Most contributions require a CLA.'), ['engage This project welcomes contributions and suggestions']);
    assert.deepEqual(found('You are also welcome to submit posters, which will be printed in large formats.'), ['exchange You are also welcome to submit posters']);
    // Near misses: a greeting, and what someone is encouraged to do (an instruction, not a welcome).
    assert.deepEqual(found('Welcome to the team!'), []);
    assert.deepEqual(found('Sponsors are encouraged to represent themselves by taking part in the sessions.'), []);
  });

  test('a link that the sentence says is now there to go to', () => {
    assert.deepEqual(found('[Videos of the talks](https://x.example/v) are now available on YouTube.'), ['consume Videos of the talks']);
    assert.deepEqual(found('We have photos from the event available in our [photo album](https://x.example/p), thanks to our photographer.'), ['consume photo album']);
    // Near miss: availability of something that is not a link.
    assert.deepEqual(found('Our new dashboard is now available to every customer.'), []);
  });

  test('a question that leads into the ask after it is its lead-in; support questions are help offered', () => {
    assert.deepEqual(found('Interested in contributing to the guide? Email us at [team@x.example](mailto:team@x.example).'), ['engage Email us at [team@x.example']);
    // Near miss: the same question closing its paragraph is the ask.
    assert.deepEqual(found('We are looking for writers.\n\nInterested in contributing to the guide?'), ['engage Interested']);
    assert.deepEqual(found('The event is next week.\n\nHave additional questions?\n\nAny doubts or comments?'), []);
    assert.deepEqual(found('Let us know if we can help out in any way by emailing [support@x.example](mailto:support@x.example).'), []);
  });
});

describe('opt-outs and help offered are not asks', () => {
  const found = (md: string) => asksOf(md).map((a) => `${a.class} ${a.text}`);
  test('an opt-out, a reply for support, and "something look off?" ask for nothing', () => {
    assert.deepEqual(found('If you do not wish to be contacted again, please reply to this email.'), []);
    assert.deepEqual(found('Please reply to this email for further support.'), []);
    assert.deepEqual(found('Something look off? Reply to this email and we’ll help sort it out.'), []);
    // Near miss: a reply asked for its own sake is an ask.
    assert.deepEqual(found('Reply to this email with the one metric you watch every Monday.'), ['engage Reply']);
  });
  test('a request to get in touch for questions or help is a courtesy, wherever the help is named', () => {
    // The help named after the request, before it, or as the reason: a support line, not a meeting.
    assert.deepEqual(found('Email the crew at [hi@x.example](mailto:hi@x.example) with any questions.'), []);
    assert.deepEqual(found('For any other questions, please contact us at [hi@x.example](mailto:hi@x.example).'), []);
    assert.deepEqual(found('For support, reach out on [our forum](https://x.example/forum).'), []);
    assert.deepEqual(found('In case of any issues, get in touch with the organisers.'), []);
    assert.deepEqual(found('Please do not hesitate to contact us should you have any concerns.'), []);
    assert.deepEqual(found('If you need further assistance, feel free to contact our team.'), []);
    assert.deepEqual(found('If you have any question please contact us.'), []);
    // Near misses: another request in a support line stays an ask, and so does contact for a purpose.
    assert.deepEqual(found('Feel free to tag us in your posts, and to reach out with questions!'), ['advocate tag us']);
    assert.deepEqual(found('Contact us to sponsor the next meetup.'), ['commit Contact us']);
  });
  test('"help us ..." takes its class from what the sender wants help with, or from the means it names', () => {
    assert.deepEqual(found('Please help us spread the word about the meetup.').map((a) => a.split(' ')[0]), ['advocate']);
    assert.deepEqual(found('Help us make the summit a success by spreading the word!').map((a) => a.split(' ')[0]), ['advocate']);
    assert.deepEqual(found('Help us get the word out.').map((a) => a.split(' ')[0]), ['advocate']);
    // Near miss: the means is a survey, so the class is the survey's.
    assert.deepEqual(found('Help us help you by sharing your thoughts in our user survey.').map((a) => a.split(' ')[0]), ['exchange']);
  });
  test('template logic kept in the copy asks nothing; the copy a template tag wraps still does', () => {
    assert.deepEqual(found('<% if @registration.comments.present? %>'), []);
    assert.deepEqual(found('{% if trial_days_left < 3 %}'), []);
    assert.deepEqual(found('{% if plan == "free" %}[Upgrade now](https://x.example/u){% endif %}'), ['commit Upgrade now']);
  });
  test('a link that only sends the reader somewhere takes its class from what the sentence says going there is for', () => {
    assert.deepEqual(found('Visit [the event page](https://x.example/e) to register for the workshop.'), ['exchange Visit [the event page']);
    assert.deepEqual(found('Head over to the billing portal to renew your plan.').map((a) => a.split(' ')[0]), ['expand']);
    // Near misses: reading how to do something is still reading, and a purpose that names nothing keeps the link's class.
    assert.deepEqual(found('Visit [the docs](https://x.example/d) to learn how to set up alerts.').map((a) => a.split(' ')[0]), ['consume']);
    assert.deepEqual(found('Visit [our blog](https://x.example/b) to see what we shipped.').map((a) => a.split(' ')[0]), ['consume']);
  });
  test('a link that opens its sentence with an imperative, and "so be sure to" clauses', () => {
    assert.deepEqual(found('[Sign-up today](https://x.example/w) to join us on July 27.'), ['exchange Sign-up today']);
    assert.deepEqual(found('Seats are limited to 40, so be sure to grab your ticket before Friday!'), ['commit grab your ticket']);
    // Near miss: a clause after a comma that is not a directive stays narrative.
    assert.deepEqual(found('Seats are limited to 40, so teams grab a ticket early.'), []);
  });
});

describe('a sentence that offers the list of reads under it', () => {
  const found = (md: string) => asksOf(md).map((a) => `${a.class} ${a.text}`);
  test('the sentence holds the one ask; a list of actions keeps an ask per item', () => {
    assert.deepEqual(
      found('Here are some blog posts and videos about the project:\n\n- [Onboard a cluster in Lens](https://x.example/1)\n- [Walkthrough of the IDE](https://x.example/2)\n'),
      ['consume Here are some blog posts and videos about the project'],
    );
    assert.deepEqual(
      found('Here are a few actions to help you get started:\n\n- [Fill out the welcome form](https://x.example/f)\n- [Join the community Slack](https://x.example/s)\n').map((t) => t.split(' ')[0]),
      ['exchange', 'engage'],
    );
  });
});

describe('labels, call-to-action fields and questions that lead into asks', () => {
  const found = (md: string) => asksOf(md).map((a) => `${a.class} ${a.text}`);
  test('an imperative label is read with its link; a field label is not; a CTA field holds button text', () => {
    assert.deepEqual(found('---\ntrust: customer\n---\n\nUpdate your payment method: [Update Payment](https://x.example/billing)'), ['expand Update your payment method: [Update Payment']);
    assert.deepEqual(found('Schedule announced: 15 September 2015'), []);
    assert.deepEqual(found('**CTA:** "Start Free Trial"'), ['evaluate Start Free Trial']);
    assert.deepEqual(found('**Call-to-Action:** Watch Free Training'), ['consume Watch Free Training']);
    // Near miss: a quotation after any other label is someone's words.
    assert.deepEqual(found('**Headline:** "Start your free trial today"'), []);
  });
  test('a question that names a bigger request than the sentence after it stays', () => {
    assert.deepEqual(found('Would a 15-minute call this week make sense? I can share the playbook that worked for them.').map((t) => t.split(' ')[0]), ['meeting', 'engage']);
    // Near miss: an interest check leads into the link after it.
    assert.deepEqual(found('Interested in contributing? [Check out our contribution page](https://x.example/c)'), ['consume Check out our contribution page']);
  });
  test('an email address is a place to act; a stated welcome of people is not a request', () => {
    assert.deepEqual(found('If you wish to join as an Associate Member, please email info@todo.example for more information.').map((t) => t.split(' ')[0]), ['engage']);
    assert.deepEqual(found('We welcome all speakers, regardless of nationality.'), []);
    assert.deepEqual(found("I'm happy to report that we received a number of responses."), []);
  });
});
