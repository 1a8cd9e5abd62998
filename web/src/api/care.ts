// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Care coordination in the API: the service directory, referrals,
// commitments, the safety plan, hearings, case reviews and outcome
// assessments (docs/api.md, "Care coordination"), and acknowledging alerts.
import { call, get, getAll, type Answer } from './client';
import type { Category, Gender } from './types';

const v1 = '/api/v1';
const id = encodeURIComponent;

export type ServiceType =
  | 'shelter'
  | 'medical'
  | 'mental_health'
  | 'legal_aid'
  | 'livelihood'
  | 'education'
  | 'family_tracing'
  | 'repatriation'
  | 'peer_support'
  | 'interpretation';
export const kServiceTypes: readonly ServiceType[] = [
  'shelter',
  'medical',
  'mental_health',
  'legal_aid',
  'livelihood',
  'education',
  'family_tracing',
  'repatriation',
  'peer_support',
  'interpretation',
];
export type ReferralStatus = 'proposed' | 'sent' | 'accepted' | 'declined' | 'in_service' | 'completed' | 'closed';
export type CommitmentStatus = 'open' | 'kept' | 'changed' | 'missed';
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export const kRiskLevels: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];
export type SafetyItemKind =
  | 'warning_sign'
  | 'coping_strategy'
  | 'trusted_person'
  | 'safe_place'
  | 'professional_contact'
  | 'emergency_step'
  | 'other';
export const kSafetyItemKinds: readonly SafetyItemKind[] = [
  'warning_sign',
  'coping_strategy',
  'trusted_person',
  'safe_place',
  'professional_contact',
  'emergency_step',
  'other',
];
export type HearingKind =
  | 'first_appearance'
  | 'bail'
  | 'pre_trial'
  | 'trial'
  | 'testimony'
  | 'sentencing'
  | 'appeal'
  | 'other';
export const kHearingKinds: readonly HearingKind[] = [
  'first_appearance',
  'bail',
  'pre_trial',
  'trial',
  'testimony',
  'sentencing',
  'appeal',
  'other',
];
export type CourtAccommodation =
  | 'screen'
  | 'video_link'
  | 'closed_court'
  | 'support_person'
  | 'pre_trial_visit'
  | 'interpreter';
export const kCourtAccommodations: readonly CourtAccommodation[] = [
  'screen',
  'video_link',
  'closed_court',
  'support_person',
  'pre_trial_visit',
  'interpreter',
];
export type HearingOutcome = 'held' | 'adjourned' | 'conviction' | 'acquittal' | 'dismissed' | 'withdrawn' | 'other';
export const kHearingOutcomes: readonly HearingOutcome[] = [
  'held',
  'adjourned',
  'conviction',
  'acquittal',
  'dismissed',
  'withdrawn',
  'other',
];
export type AssessmentKind = 'intake' | 'six_months' | 'yearly';

export interface Provider {
  id: string;
  name: string;
  agency_id: string | null;
  service_types: ServiceType[];
  languages: string[];
  ages_served: { min: number | null; max: number | null };
  genders_served: Gender[];
  capacity: number | null;
  location_area: string | null;
  contact: string | null;
  version: number;
}

export interface ReferralTransition {
  from: ReferralStatus | null;
  to: ReferralStatus;
  note: string | null;
  by_staff: string;
  by_agency: string;
  at: string;
}

export interface Referral {
  id: string;
  case_id: string;
  survivor_code_name: string;
  provider_id: string;
  provider_name: string;
  recipient_agency_id: string | null;
  service_type: ServiceType;
  reason: string;
  share_categories: Category[];
  consent_status: string | null;
  follow_up_by: string;
  complete_by: string | null;
  status: ReferralStatus;
  decline_reason: string | null;
  transitions: ReferralTransition[];
  created_at: string;
  updated_at: string;
  version: number;
}

export interface NewReferral {
  provider_id: string;
  service_type: ServiceType;
  reason: string;
  share_categories: Category[];
  follow_up_by: string;
}

export interface Transition {
  to: ReferralStatus;
  note?: string;
  decline_reason?: string;
  complete_by?: string;
}

// The steps the closed loop allows from each state (the server decides who
// may take them, and answers 409 with the allowed ones otherwise).
export const kNextStates: Record<ReferralStatus, ReferralStatus[]> = {
  proposed: ['sent', 'closed'],
  sent: ['accepted', 'declined', 'closed'],
  accepted: ['in_service', 'closed'],
  declined: ['closed'],
  in_service: ['completed', 'closed'],
  completed: [],
  closed: [],
};

export interface Commitment {
  id: string;
  case_id: string;
  to_survivor: boolean;
  review_id: string | null;
  what: string;
  owner_id: string;
  owner_name: string;
  due: string;
  status: CommitmentStatus;
  note: string | null;
  survivor_told: string | null;
  resolved_at: string | null;
  kept_on_time: boolean | null;
  overdue: boolean;
  version: number;
}

export interface CommitmentPatch {
  status?: CommitmentStatus;
  note?: string | null;
  survivor_told?: string | null;
  due?: string;
}

export interface SafetyItem {
  kind: SafetyItemKind;
  text: string;
}

export interface SafetyPlan {
  case_id: string;
  risk_level: RiskLevel;
  items: SafetyItem[];
  review_by: string;
  review_overdue: boolean;
  updated_by: string;
  updated_at: string;
  version: number;
}

export interface NewSafetyPlan {
  risk_level: RiskLevel;
  items: SafetyItem[];
  review_by: string;
}

export interface Hearing {
  id: string;
  case_id: string;
  court: string;
  scheduled_at: string;
  kind: HearingKind;
  charges: string[];
  accommodations_requested: CourtAccommodation[];
  accommodations_granted: CourtAccommodation[];
  survivor_notified_at: string | null;
  notified_by: string | null;
  outcome: HearingOutcome | null;
  notes: string | null;
  notice_due: boolean;
  version: number;
}

export interface NewHearing {
  court: string;
  scheduled_at: string;
  kind: HearingKind;
  charges: string[];
  accommodations_requested: CourtAccommodation[];
  accommodations_granted: CourtAccommodation[];
  notes?: string;
}

export type HearingPatch = Partial<{
  accommodations_granted: CourtAccommodation[];
  survivor_notified_at: string | null;
  notified_by: string | null;
  outcome: HearingOutcome | null;
}>;

export interface CaseReview {
  id: string;
  held_at: string;
  attendees: string[];
  agencies: string[];
  decisions: { text: string; owner_id: string | null; due: string | null; commitment_id: string | null }[];
  created_at: string;
}

export interface NewCaseReview {
  held_at: string;
  attendees: string[];
  decisions: { text: string; owner_id?: string; due?: string }[];
}

export interface Instrument {
  name: string;
  version: string;
  domains: { key: string; label: string; sub_domains: { key: string; label: string }[] }[];
  score_range: { min: number; max: number };
  restoration_rule: { min_domain_score: number; domains: string[] };
}

export interface Assessment {
  id: string;
  assessed_on: string;
  kind: AssessmentKind;
  instrument: string;
  scores: Record<string, Record<string, number>>;
  domain_scores: Record<string, number>;
  restored: boolean;
  notes: string | null;
}

export interface Trend {
  domains: { key: string; label: string }[];
  points: {
    assessment_id: string;
    assessed_on: string;
    kind: AssessmentKind;
    domain_scores: Record<string, number>;
    restored: boolean;
  }[];
  next_due: { kind: AssessmentKind; due: string } | null;
}

export interface ProviderSearch {
  service_type?: ServiceType | '';
  language?: string;
  age?: string;
}

export function providers(search: ProviderSearch = {}): Promise<Provider[]> {
  const q = new URLSearchParams();
  if (search.service_type) q.set('service_type', search.service_type);
  if (search.language) q.set('language', search.language);
  if (search.age) q.set('age', search.age);
  const query = q.toString();
  return getAll<Provider>(`${v1}/providers${query ? `?${query}` : ''}`, 500);
}

export const referrals = (caseId: string): Promise<Referral[]> =>
  getAll<Referral>(`${v1}/cases/${id(caseId)}/referrals`);
export const createReferral = async (caseId: string, r: NewReferral): Promise<Referral> =>
  (await call<Referral>('POST', `${v1}/cases/${id(caseId)}/referrals`, { body: r })).data;
export const transitionReferral = async (referralId: string, t: Transition): Promise<Referral> =>
  (await call<Referral>('POST', `${v1}/referrals/${id(referralId)}/transition`, { body: t })).data;

export const commitments = (caseId: string): Promise<Commitment[]> =>
  getAll<Commitment>(`${v1}/cases/${id(caseId)}/commitments`);
export const createCommitment = async (
  caseId: string,
  c: { what: string; owner_id: string; due: string },
): Promise<Commitment> => (await call<Commitment>('POST', `${v1}/cases/${id(caseId)}/commitments`, { body: c })).data;
export const patchCommitment = (commitmentId: string, version: number, patch: CommitmentPatch): Promise<Answer<Commitment>> =>
  call<Commitment>('PATCH', `${v1}/commitments/${id(commitmentId)}`, { body: patch, ifMatch: version });

export const safetyPlan = (caseId: string): Promise<SafetyPlan> => get<SafetyPlan>(`${v1}/cases/${id(caseId)}/safety-plan`);
export const putSafetyPlan = async (caseId: string, plan: NewSafetyPlan, version?: number): Promise<SafetyPlan> =>
  (await call<SafetyPlan>('PUT', `${v1}/cases/${id(caseId)}/safety-plan`, { body: plan, ifMatch: version })).data;

export const hearings = (caseId: string): Promise<Hearing[]> => getAll<Hearing>(`${v1}/cases/${id(caseId)}/hearings`);
export const createHearing = async (caseId: string, h: NewHearing): Promise<Hearing> =>
  (await call<Hearing>('POST', `${v1}/cases/${id(caseId)}/hearings`, { body: h })).data;
export const patchHearing = async (hearingId: string, version: number, patch: HearingPatch): Promise<Hearing> =>
  (await call<Hearing>('PATCH', `${v1}/hearings/${id(hearingId)}`, { body: patch, ifMatch: version })).data;

export type TimelineKind =
  | 'interview'
  | 'disclosure'
  | 'referral'
  | 'referral_transition'
  | 'commitment'
  | 'commitment_resolved'
  | 'hearing'
  | 'review'
  | 'assessment';
export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  id: string;
  record_id: string;
  // Plain English words from the server; never a protected value.
  summary: string;
  status: string | null;
}
export const timeline = (caseId: string): Promise<TimelineEntry[]> =>
  getAll<TimelineEntry>(`${v1}/cases/${id(caseId)}/timeline`);

export const reviews = (caseId: string): Promise<CaseReview[]> =>
  getAll<CaseReview>(`${v1}/cases/${id(caseId)}/reviews`);
export const createReview = async (caseId: string, r: NewCaseReview): Promise<CaseReview> =>
  (await call<CaseReview>('POST', `${v1}/cases/${id(caseId)}/reviews`, { body: r })).data;

export const instrument = (): Promise<Instrument> => get<Instrument>(`${v1}/assessments/instrument`);
export const assessments = (caseId: string): Promise<Assessment[]> =>
  getAll<Assessment>(`${v1}/cases/${id(caseId)}/assessments`);
export const trend = (caseId: string): Promise<Trend> => get<Trend>(`${v1}/cases/${id(caseId)}/assessments/trend`);
export const recordAssessment = async (
  caseId: string,
  a: { assessed_on: string; scores: Record<string, Record<string, number>>; notes?: string },
): Promise<Assessment> => (await call<Assessment>('POST', `${v1}/cases/${id(caseId)}/assessments`, { body: a })).data;

export const acknowledgeAlert = async (alertId: string): Promise<void> => {
  await call<unknown>('POST', `${v1}/alerts/${id(alertId)}/acknowledge`);
};
