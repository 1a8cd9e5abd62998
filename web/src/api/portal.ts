// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal's routes (/api/v1/portal/…). The portal's session is
// its own cookie, sent by the browser to these routes only.
import type { CommitmentStatus, CourtAccommodation, HearingKind } from './care';
import { call, csrfHeader, get, setCsrfToken } from './client';
import type {
  AccessLogEntry,
  Accommodations,
  Category,
  ConsentStatus,
  GivenAs,
  Page,
  Passage,
  Purpose,
  Topic,
  VenueFeature,
  AgencyKind,
} from './types';

const p = '/api/v1/portal';
const id = encodeURIComponent;

export interface PortalSurvivor {
  survivor_id: string;
  code_name: string;
  languages: string[];
  agency_id: string;
  agency_name: string;
}

interface SessionAnswer {
  token: string;
  csrf_token: string;
  survivor: PortalSurvivor;
}

export interface AgencyRef {
  id: string;
  name: string;
  kind: AgencyKind;
}

export interface PortalMe {
  survivor: PortalSurvivor;
  team: { display_name: string; case_role: string; agency_name: string }[];
}

export interface PortalDisclosure {
  id: string;
  recipient: AgencyRef;
  shared_by: AgencyRef;
  purpose: Purpose;
  topics: Topic[];
  categories: Category[];
  passages: number;
  consent_id: string;
  consent_status: ConsentStatus;
  created_at: string;
}

export interface PortalConsent {
  id: string;
  recipient: AgencyRef;
  purpose: Purpose;
  scope: { topics: Topic[]; categories: Category[] };
  valid_from: string;
  valid_until: string;
  given_as: GivenAs;
  language: string;
  created_at: string;
  status: ConsentStatus;
  revoked_at: string | null;
  withdrawn_by_you: boolean;
  version: number;
}

export interface PortalInterview {
  id: string;
  case_id: string;
  purpose: Purpose;
  topics: Topic[];
  scheduled_at: string;
  venue: { name: string; features: VenueFeature[] } | null;
  interviewer_name: string;
  accommodations: Accommodations;
  topics_shared_at: string | null;
  survivor_acknowledged: boolean;
}

export const config = (): Promise<{ exit_url: string }> => get(`${p}/config`);

async function startSession(path: string, body: unknown): Promise<PortalSurvivor> {
  const { data } = await call<SessionAnswer>('POST', path, { body, expectUnauthenticated: true });
  // The token is not kept: the browser holds the session as an HttpOnly cookie.
  setCsrfToken(data.csrf_token);
  return data.survivor;
}

export const activate = (code: string, username: string, passphrase: string): Promise<PortalSurvivor> =>
  startSession(`${p}/activate`, { code, username, passphrase });
export const login = (username: string, passphrase: string): Promise<PortalSurvivor> =>
  startSession(`${p}/login`, { username, passphrase });

export async function logout(): Promise<void> {
  try {
    await call<void>('POST', `${p}/logout`, { expectUnauthenticated: true });
  } finally {
    setCsrfToken(null);
  }
}

// Ends the session while the page is already going away (quick exit): the
// request outlives the page, and the token is forgotten at once.
export function logoutWhileLeaving(): void {
  const headers = csrfHeader();
  setCsrfToken(null);
  try {
    void fetch(`${p}/logout`, { method: 'POST', headers, credentials: 'same-origin', keepalive: true }).catch(
      () => undefined,
    );
  } catch {
    // Leaving matters more than tidying up.
  }
}

export const me = async (): Promise<PortalMe> =>
  (await call<PortalMe>('GET', `${p}/me`, { expectUnauthenticated: true })).data;
export const disclosures = async (): Promise<PortalDisclosure[]> =>
  (await get<Page<PortalDisclosure>>(`${p}/disclosures`)).items;
export const consents = async (): Promise<PortalConsent[]> => (await get<Page<PortalConsent>>(`${p}/consents`)).items;
export const withdraw = async (consentId: string, reason: string | null): Promise<PortalConsent> =>
  (await call<PortalConsent>('POST', `${p}/consents/${id(consentId)}/withdraw`, { body: reason ? { reason } : {} }))
    .data;
export const passages = async (): Promise<Passage[]> => (await get<Page<Passage>>(`${p}/passages`)).items;
export const review = async (
  passageId: string,
  r: { status: 'confirmed' | 'corrected'; corrected_text?: string; comment?: string },
): Promise<Passage> => (await call<Passage>('POST', `${p}/passages/${id(passageId)}/review`, { body: r })).data;
export const comment = async (passageId: string, text: string): Promise<Passage> =>
  (await call<Passage>('POST', `${p}/passages/${id(passageId)}/comment`, { body: { comment: text } })).data;
export const interviews = async (): Promise<PortalInterview[]> =>
  (await get<Page<PortalInterview>>(`${p}/interviews`)).items;
export const accessLog = async (): Promise<AccessLogEntry[]> =>
  (await get<Page<AccessLogEntry>>(`${p}/access-log?limit=200`)).items;

// A promise made to the survivor: what, by whom, by when, and what became of it.
export interface PortalPromise {
  id: string;
  case_id: string;
  what: string;
  owner_name: string;
  due: string;
  status: CommitmentStatus;
  overdue: boolean;
  kept_on_time: boolean | null;
  resolved_at: string | null;
  survivor_told: string | null;
}

// A court hearing to come, with the support asked for and granted.
export interface PortalHearing {
  id: string;
  case_id: string;
  court: string;
  scheduled_at: string;
  kind: HearingKind;
  accommodations_requested: CourtAccommodation[];
  accommodations_granted: CourtAccommodation[];
  survivor_notified_at: string | null;
}

export const promises = async (): Promise<PortalPromise[]> => (await get<Page<PortalPromise>>(`${p}/promises`)).items;
export const hearings = async (): Promise<PortalHearing[]> => (await get<Page<PortalHearing>>(`${p}/hearings`)).items;
