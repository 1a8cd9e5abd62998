// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Who is signed in. The server decides: the app asks GET /api/v1/me at start,
// and any 401 afterwards (idle timeout, logout elsewhere) signs the app out
// with a notice the login page explains.
import { whenSignedOut } from './api/client';
import * as api from './api/endpoints';
import type { Staff } from './api/types';
import { Store } from './store';

export type Notice = 'session_expired' | 'signed_out' | 'signed_out_elsewhere' | null;

export type Session =
  | { state: 'checking' }
  | { state: 'anonymous'; notice: Notice }
  | { state: 'signed_in'; me: Staff };

export const session = new Store<Session>({ state: 'checking' });

whenSignedOut((code) => {
  if (session.get().state !== 'signed_in') return;
  session.set({ state: 'anonymous', notice: code === 'session_expired' ? 'session_expired' : 'signed_out_elsewhere' });
});

export async function checkSession(): Promise<void> {
  try {
    session.set({ state: 'signed_in', me: await api.me() });
  } catch {
    session.set({ state: 'anonymous', notice: null });
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  const me = await api.login(username, password);
  session.set({ state: 'signed_in', me });
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    session.set({ state: 'anonymous', notice: 'signed_out' });
  }
}
