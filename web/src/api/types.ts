// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The shapes of the onestory HTTP API this app uses (GET /api/v1/openapi.json
// describes them all).

export type Role =
  | 'admin'
  | 'supervisor'
  | 'caseworker'
  | 'counsellor'
  | 'investigator'
  | 'prosecutor'
  | 'clinician'
  | 'trainer'
  | 'analyst';
export type AgencyKind = 'ngo' | 'police' | 'prosecution' | 'court' | 'shelter' | 'health' | 'child_protection' | 'other';
export type Stage = 'identification' | 'intake' | 'investigation' | 'prosecution' | 'aftercare' | 'closed';
export type CaseStatus = 'active' | 'follow_up' | 'closed' | 'closed_referred';
export type Gender = 'female' | 'male' | 'non_binary' | 'other' | 'undisclosed';
export type CaseRole =
  | 'lead'
  | 'caseworker'
  | 'counsellor'
  | 'investigator'
  | 'prosecutor'
  | 'clinician'
  | 'supervisor'
  | 'support';
export type ReadPurpose =
  | 'case_work'
  | 'investigation'
  | 'prosecution'
  | 'aftercare'
  | 'health'
  | 'statistics'
  | 'supervision'
  | 'safety';

export const kStages: readonly Stage[] = ['identification', 'intake', 'investigation', 'prosecution', 'aftercare', 'closed'];
export const kStatuses: readonly CaseStatus[] = ['active', 'follow_up', 'closed', 'closed_referred'];
export const kGenders: readonly Gender[] = ['female', 'male', 'non_binary', 'other', 'undisclosed'];
export const kCaseRoles: readonly CaseRole[] = [
  'lead',
  'caseworker',
  'counsellor',
  'investigator',
  'prosecutor',
  'clinician',
  'supervisor',
  'support',
];
export const kReadPurposes: readonly ReadPurpose[] = [
  'case_work',
  'investigation',
  'prosecution',
  'aftercare',
  'health',
  'statistics',
  'supervision',
  'safety',
];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  country: string;
  created_at: string;
  version: number;
}

export interface Staff {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  roles: Role[];
  active: boolean;
  created_at: string;
  version: number;
}

export interface LoginResult {
  token: string;
  csrf_token: string;
  staff: Staff;
}

export interface SurvivorSummary {
  id: string;
  code_name: string;
  agency_id: string;
  registered_by: string;
  gender: Gender | null;
  languages: string[];
  nationality: string | null;
  age_band: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

// With identity: an audited read.
export interface Survivor extends SurvivorSummary {
  legal_name?: string;
  birth_date?: string | null;
  contact?: string | null;
  address?: string | null;
}

export interface NewSurvivor {
  code_name: string;
  legal_name: string;
  birth_date?: string | null;
  gender?: Gender | null;
  languages?: string[];
  nationality?: string | null;
  contact?: string | null;
  address?: string | null;
}

export interface SurvivorMatch {
  id: string;
  code_name: string;
  agency_id: string;
}

export interface Case {
  id: string;
  survivor_id: string;
  survivor_code_name: string;
  agency_id: string;
  opened_by: string;
  stage: Stage;
  status: CaseStatus;
  exploitation_types: string[];
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CasePatch {
  stage?: Stage;
  status?: CaseStatus;
}

export interface TeamMember {
  staff_id: string;
  display_name: string;
  agency_id: string;
  case_role: CaseRole;
  added_by: string;
  added_at: string;
}

// Tell it once.
export type Purpose = 'investigation' | 'prosecution' | 'aftercare' | 'health' | 'statistics';
export type Topic =
  | 'background'
  | 'recruitment'
  | 'transport'
  | 'exploitation'
  | 'control'
  | 'perpetrators'
  | 'injuries'
  | 'escape'
  | 'needs'
  | 'other';
export type Category =
  | 'identity'
  | 'contact'
  | 'location'
  | 'statement'
  | 'health'
  | 'legal'
  | 'safety_plan'
  | 'counselling'
  | 'referrals'
  | 'assessments';
export type ReviewStatus = 'unreviewed' | 'read_back' | 'confirmed' | 'corrected';
export type ConsentStatus = 'active' | 'expired' | 'revoked';
export type GivenAs = 'written' | 'verbal' | 'guardian';
export type Sensitivity = 'standard' | 'sensitive' | 'highly_sensitive';
export type VenueFeature =
  | 'private_waiting_room'
  | 'separate_entrance'
  | 'one_way_room'
  | 'child_friendly'
  | 'recording_equipment'
  | 'interpreter_available';
export type Children = 'none' | 'present' | 'cared_for';
export type InterviewerGender = 'female' | 'male' | 'no_preference';

export const kPurposes: readonly Purpose[] = ['investigation', 'prosecution', 'aftercare', 'health', 'statistics'];
export const kTopics: readonly Topic[] = [
  'background',
  'recruitment',
  'transport',
  'exploitation',
  'control',
  'perpetrators',
  'injuries',
  'escape',
  'needs',
  'other',
];
export const kCategories: readonly Category[] = [
  'identity',
  'contact',
  'location',
  'statement',
  'health',
  'legal',
  'safety_plan',
  'counselling',
  'referrals',
  'assessments',
];
export const kSensitivities: readonly Sensitivity[] = ['standard', 'sensitive', 'highly_sensitive'];
export const kChildren: readonly Children[] = ['none', 'present', 'cared_for'];
export const kInterviewerGenders: readonly InterviewerGender[] = ['female', 'male', 'no_preference'];

export interface CaseWithCounts extends Case {
  interview_count?: number;
}

export interface Consent {
  id: string;
  survivor_id: string;
  agency_id: string;
  recipient_agency_id: string;
  purpose: Purpose;
  scope: { topics: Topic[]; categories: Category[] };
  valid_from: string;
  valid_until: string;
  given_as: GivenAs;
  witnessed_by: string | null;
  consent_text_version: string;
  language: string;
  guardian: string | null;
  child_assent: boolean | null;
  recorded_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  status: ConsentStatus;
  version: number;
}

export interface NewConsent {
  recipient_agency_id: string;
  purpose: Purpose;
  scope: { topics: Topic[]; categories: Category[] };
  valid_until: string;
  given_as: GivenAs;
  witnessed_by?: string | null;
  consent_text_version: string;
  language: string;
  guardian?: string | null;
  child_assent?: boolean | null;
}

export interface Venue {
  id: string;
  agency_id: string;
  name: string;
  features: VenueFeature[];
  created_by: string;
  created_at: string;
  version: number;
}

export interface Preferences {
  interviewer_gender: InterviewerGender | null;
  interpreter_language: string | null;
  support_person: string | null;
  children: Children | null;
  breaks: string | null;
  notes: string | null;
}

export interface Accommodations {
  support_person: boolean;
  children: Children;
  interpreter_language: string | null;
  interviewer_gender: InterviewerGender | null;
  breaks: boolean;
}

export interface Interview {
  id: string;
  case_id: string;
  survivor_id: string;
  agency_id: string;
  purpose: Purpose;
  topics: Topic[];
  reask_topics: Topic[];
  reask_reason: string | null;
  scheduled_at: string;
  venue: Venue | null;
  interviewer_id: string;
  interviewer_name: string;
  accommodations: Accommodations;
  preferences: Preferences;
  unmet_preferences: string[];
  survivor_interview_count: number;
  topics_shared_at: string | null;
  survivor_acknowledged: boolean;
  started_at: string | null;
  ended_at: string | null;
  debriefed_at: string | null;
  debrief_notes: string | null;
  recording_sha256: string | null;
  created_at: string;
  version: number;
}

export interface NewInterview {
  purpose: Purpose;
  topics: Topic[];
  scheduled_at: string;
  venue_id?: string | null;
  interviewer_id: string;
  accommodations: Partial<Accommodations>;
  reask_reason?: string | null;
}

export interface Coverage {
  covered: { topic: Topic; passage_ids: string[] }[];
  new: Topic[];
}

export interface SurvivorComment {
  id: string;
  passage_id: string;
  text: string;
  recorded_by: string;
  created_at: string;
}

export interface Passage {
  id: string;
  original_id: string;
  case_id: string;
  survivor_id: string;
  interview_id: string;
  topic: Topic;
  sensitivity: Sensitivity;
  text: string;
  version: number;
  review_status: ReviewStatus;
  reviewed_by: string | null;
  reviewed_at: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  survivor_comments: SurvivorComment[];
  created_by: string;
  created_at: string;
}

export interface Review {
  status: 'read_back' | 'confirmed' | 'corrected';
  corrected_text?: string;
  survivor_comment?: string;
}

export interface Disclosure {
  id: string;
  case_id: string;
  survivor_id: string;
  survivor_code_name: string;
  agency_id: string;
  recipient_agency_id: string;
  purpose: Purpose;
  consent_id: string;
  consent_status: ConsentStatus;
  topics: Topic[];
  categories: Category[];
  passage_ids: string[];
  created_by: string;
  created_at: string;
  passages?: Passage[];
  record?: {
    code_name: string;
    legal_name?: string;
    birth_date?: string | null;
    age_band?: string | null;
    gender?: Gender | null;
    nationality?: string | null;
    languages?: string[];
    contact?: string;
    address?: string;
  };
}

export interface AccessLogEntry {
  at: string;
  who: {
    kind: 'staff' | 'survivor' | 'system' | 'anonymous';
    id: string;
    display_name: string;
    agency_id: string;
    agency_name: string;
    roles: string[];
  };
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  what: {
    fields: string[];
    topics: string[];
    categories: string[];
    passages: number | null;
    recipient_agency_name?: string;
    status?: string;
  };
  purpose: string;
  summary: string;
}

export interface Alert {
  id: string;
  kind: string;
  agency_id: string;
  case_id: string | null;
  survivor_id: string | null;
  survivor_code_name: string;
  subject_staff_id: string | null;
  subject_staff_name: string;
  due_at: string | null;
  status: 'open' | 'acknowledged';
  created_at: string;
  message: string;
  reason: string | null;
  version: number;
}

export interface BreakGlassGrant {
  id: string;
  case_id: string;
  staff_id: string;
  granted_at: string;
  expires_at: string;
  alert_id: string;
}

export interface PortalInvite {
  id: string;
  survivor_id: string;
  code: string;
  created_at: string;
  expires_at: string;
}
