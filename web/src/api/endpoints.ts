// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The API routes the workspace uses, one function each.
import { call, get, getAll, setCsrfToken, type Answer } from './client';
import type {
  AccessLogEntry,
  Agency,
  Alert,
  BreakGlassGrant,
  Case,
  CaseWithCounts,
  Consent,
  Coverage,
  Disclosure,
  Interview,
  NewConsent,
  NewInterview,
  Page,
  Passage,
  PortalInvite,
  Purpose,
  Review,
  Sensitivity,
  Topic,
  Category,
  Venue,
  CasePatch,
  LoginResult,
  NewSurvivor,
  ReadPurpose,
  Stage,
  Staff,
  Survivor,
  SurvivorMatch,
  SurvivorSummary,
  TeamMember,
  CaseRole,
} from './types';

const v1 = '/api/v1';
const id = encodeURIComponent;

export async function login(username: string, password: string): Promise<Staff> {
  const { data } = await call<LoginResult>('POST', `${v1}/login`, {
    body: { username, password },
    expectUnauthenticated: true,
  });
  // The bearer token is not kept: the browser holds the session as an HttpOnly cookie.
  setCsrfToken(data.csrf_token);
  return data.staff;
}

export async function logout(): Promise<void> {
  try {
    await call<void>('POST', `${v1}/logout`, { expectUnauthenticated: true });
  } finally {
    setCsrfToken(null);
  }
}

export const me = async (): Promise<Staff> => (await call<Staff>('GET', `${v1}/me`, { expectUnauthenticated: true })).data;
export const agencies = (): Promise<Agency[]> => getAll<Agency>(`${v1}/agencies`);
export const staffOf = (agencyId: string): Promise<Staff[]> => getAll<Staff>(`${v1}/staff?agency_id=${id(agencyId)}`);

export const cases = (): Promise<Case[]> => getAll<Case>(`${v1}/cases`);
export const casesOfSurvivor = (survivorId: string): Promise<Case[]> =>
  getAll<Case>(`${v1}/cases?survivor_id=${id(survivorId)}`);
export const getCase = (caseId: string): Promise<Answer<CaseWithCounts>> =>
  call<CaseWithCounts>('GET', `${v1}/cases/${id(caseId)}`);
export const patchCase = (caseId: string, version: number, patch: CasePatch): Promise<Answer<Case>> =>
  call<Case>('PATCH', `${v1}/cases/${id(caseId)}`, { body: patch, ifMatch: version });
export const openCase = async (survivorId: string, stage: Stage): Promise<Case> =>
  (await call<Case>('POST', `${v1}/cases`, { body: { survivor_id: survivorId, stage } })).data;

export const team = async (caseId: string): Promise<TeamMember[]> =>
  (await get<{ items: TeamMember[] }>(`${v1}/cases/${id(caseId)}/team`)).items;
export const addTeamMember = async (caseId: string, staffId: string, caseRole: CaseRole): Promise<TeamMember> =>
  (await call<TeamMember>('POST', `${v1}/cases/${id(caseId)}/team`, { body: { staff_id: staffId, case_role: caseRole } }))
    .data;

export const matchSurvivors = async (legalName: string, birthDate: string): Promise<SurvivorMatch[]> =>
  (
    await call<{ matches: SurvivorMatch[] }>('POST', `${v1}/survivors/match`, {
      body: { legal_name: legalName, birth_date: birthDate },
    })
  ).data.matches;
export const registerSurvivor = async (s: NewSurvivor): Promise<SurvivorSummary> =>
  (await call<SurvivorSummary>('POST', `${v1}/survivors`, { body: s })).data;
// An audited read of the survivor's identity, for the stated purpose.
export const readSurvivor = (survivorId: string, purpose: ReadPurpose): Promise<Survivor> =>
  get<Survivor>(`${v1}/survivors/${id(survivorId)}?purpose=${purpose}`);

// Tell it once.
export const consents = (survivorId: string): Promise<Consent[]> =>
  getAll<Consent>(`${v1}/survivors/${id(survivorId)}/consents`);
export const grantConsent = async (survivorId: string, c: NewConsent): Promise<Consent> =>
  (await call<Consent>('POST', `${v1}/survivors/${id(survivorId)}/consents`, { body: c })).data;
export const revokeConsent = async (consentId: string, reason: string | null): Promise<Consent> =>
  (await call<Consent>('POST', `${v1}/consents/${id(consentId)}/revoke`, { body: reason ? { reason } : {} })).data;

export const venues = (): Promise<Venue[]> => getAll<Venue>(`${v1}/venues`);
export const interviews = (caseId: string): Promise<Interview[]> =>
  getAll<Interview>(`${v1}/cases/${id(caseId)}/interviews`);
export const coverage = (caseId: string): Promise<Coverage> => get<Coverage>(`${v1}/cases/${id(caseId)}/coverage`);
export const planInterview = async (caseId: string, plan: NewInterview): Promise<Interview> =>
  (await call<Interview>('POST', `${v1}/cases/${id(caseId)}/interviews`, { body: plan })).data;

export const passages = (caseId: string): Promise<Passage[]> => getAll<Passage>(`${v1}/cases/${id(caseId)}/passages`);
export const addPassage = async (
  caseId: string,
  p: { interview_id: string; topic: Topic; text: string; sensitivity: Sensitivity },
): Promise<Passage> => (await call<Passage>('POST', `${v1}/cases/${id(caseId)}/passages`, { body: p })).data;
export const reviewPassage = async (passageId: string, review: Review): Promise<Passage> =>
  (await call<Passage>('POST', `${v1}/passages/${id(passageId)}/review`, { body: review })).data;

export const caseDisclosures = (caseId: string): Promise<Disclosure[]> =>
  getAll<Disclosure>(`${v1}/cases/${id(caseId)}/disclosures`);
export const disclose = async (
  caseId: string,
  d: { recipient_agency_id: string; purpose: Purpose; passage_ids: string[]; categories: Category[] },
): Promise<Disclosure> => (await call<Disclosure>('POST', `${v1}/cases/${id(caseId)}/disclosures`, { body: d })).data;
export const receivedDisclosures = (): Promise<Disclosure[]> => getAll<Disclosure>(`${v1}/disclosures`);
export const readDisclosure = (disclosureId: string): Promise<Disclosure> =>
  get<Disclosure>(`${v1}/disclosures/${id(disclosureId)}`);

export const accessLog = async (survivorId: string): Promise<AccessLogEntry[]> =>
  (await get<Page<AccessLogEntry>>(`${v1}/survivors/${id(survivorId)}/access-log?limit=200`)).items;

export const alerts = (): Promise<Alert[]> => getAll<Alert>(`${v1}/alerts`);
export const breakGlass = async (caseId: string, reason: string): Promise<BreakGlassGrant> =>
  (await call<BreakGlassGrant>('POST', `${v1}/cases/${id(caseId)}/break-glass`, { body: { reason } })).data;

export const invitePortal = async (survivorId: string): Promise<PortalInvite> =>
  (await call<PortalInvite>('POST', `${v1}/survivors/${id(survivorId)}/portal-invite`)).data;
