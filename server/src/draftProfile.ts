/**
 * The `trustline/profile` answer: what the draft is (type, channel, trust and
 * where each came from), the asks found, a summary of the findings, and the
 * Recommend-skill starting point. Built from the current analysis only.
 */
import { askVerdictOn, channelInfo, countMismatches, draftTypeInfo, recommend, stageLabel, stageOf, type DraftProfile, type Finding, type ProfileAsk, type ProfileFindings } from '../../core/src/index';
import type { CurrentAnalysis } from './linter';

/** The profile of a document Trustline does not check (or could not read). */
export function notADraft(uri: string, version: number, skipped: DraftProfile['skipped']): DraftProfile {
  return { uri, version, isDraft: false, ...(skipped ? { skipped } : {}), asks: [], findings: summarize([]) };
}

export function buildProfile(current: CurrentAnalysis): DraftProfile {
  const { uri, version, analysis } = current;
  if (!analysis.analysed || !analysis.profile) return notADraft(uri, version, analysis.skipped ?? 'out-of-scope');
  const p = analysis.profile;
  const audience = p.trust.value.level;
  const overrides = current.settings.analysis.channels;
  const asks: ProfileAsk[] = analysis.asks.map((a, askIndex) => {
    const finding = askVerdictOn(analysis.findings, askIndex);
    return {
      text: a.text,
      class: a.class,
      level: a.level,
      levelLabel: stageLabel(a.level),
      kind: a.kind,
      range: a.range,
      via: a.via,
      gap: a.level - audience,
      ...(finding ? { finding: finding.rule } : {}),
    };
  });
  return {
    uri,
    version,
    isDraft: true,
    type: {
      value: p.type.value,
      name: p.type.value ? draftTypeInfo(p.type.value).name : null,
      source: p.type.source,
      detail: p.type.detail,
      ...(p.type.range ? { range: p.type.range } : {}),
    },
    channel: {
      value: p.channel.value,
      name: p.channel.value ? channelInfo(p.channel.value, overrides).name : null,
      source: p.channel.source,
      detail: p.channel.detail,
      ...(p.channel.range ? { range: p.channel.range } : {}),
    },
    trust: {
      level: audience,
      stage: p.trust.value.stage,
      label: stageLabel(audience),
      meaning: stageOf(audience).meaning,
      source: p.trust.source,
      detail: p.trust.detail,
      ...(p.trust.range ? { range: p.trust.range } : {}),
    },
    asks,
    findings: summarize(analysis.findings),
    recommendation: recommend({ analysis }),
  };
}

function summarize(findings: readonly Finding[]): ProfileFindings {
  const byRule: Record<string, number> = {};
  const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  return { total: findings.length, mismatches: countMismatches(findings), byRule, bySeverity };
}
