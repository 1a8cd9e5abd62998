// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The API routes the workspace uses, one function each.
import { call, get, getAll, setCsrfToken, type Answer } from './client';
import type {
  Agency,
  Case,
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
export const getCase = (caseId: string): Promise<Answer<Case>> => call<Case>('GET', `${v1}/cases/${id(caseId)}`);
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
