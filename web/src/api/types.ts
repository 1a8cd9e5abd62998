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
