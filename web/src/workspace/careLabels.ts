// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Words for care coordination's enumerations, from the catalogue, and the
// calendar arithmetic its forms need (dates are `YYYY-MM-DD`, in UTC).
import type {
  AssessmentKind,
  CommitmentStatus,
  CourtAccommodation,
  HearingKind,
  HearingOutcome,
  ReferralStatus,
  RiskLevel,
  SafetyItemKind,
  ServiceType,
} from '../api/care';
import type { I18n } from '../i18n';

export const serviceLabel = (i18n: I18n, x: ServiceType) => i18n.t(`service.${x}`);
export const referralStatusLabel = (i18n: I18n, x: ReferralStatus) => i18n.t(`referralStatus.${x}`);
export const commitmentStatusLabel = (i18n: I18n, x: CommitmentStatus) => i18n.t(`commitmentStatus.${x}`);
export const riskLabel = (i18n: I18n, x: RiskLevel) => i18n.t(`risk.${x}`);
export const safetyItemLabel = (i18n: I18n, x: SafetyItemKind) => i18n.t(`safetyItem.${x}`);
export const hearingKindLabel = (i18n: I18n, x: HearingKind) => i18n.t(`hearingKind.${x}`);
export const accommodationLabel = (i18n: I18n, x: CourtAccommodation) => i18n.t(`accommodation.${x}`);
export const outcomeLabel = (i18n: I18n, x: HearingOutcome) => i18n.t(`outcome.${x}`);
export const assessmentKindLabel = (i18n: I18n, x: AssessmentKind) => i18n.t(`assessmentKind.${x}`);

// Today, or `days` from today, as a calendar date.
export function dayFromToday(days = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// An assessment domain in the reader's language, if it is one of the six;
// else the instrument's own label.
export const domainLabel = (i18n: I18n, key: string, label: string) => {
  const k = `domain.${key}`;
  return i18n.has(k) ? i18n.t(k) : label;
};
