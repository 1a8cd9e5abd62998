// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The one way this app talks to the server: same-origin fetches to /api/v1.
// The browser session is the HttpOnly cookie set at login; writes also carry
// the CSRF token the login answered (kept in localStorage so that every tab of
// this origin can write). Errors arrive as ApiError with the server's code.
import type { Page } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const kCsrfKey = 'onestory.csrf';
let csrfToken: string | null = null;
try {
  csrfToken = localStorage.getItem(kCsrfKey);
} catch {
  csrfToken = null;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) localStorage.setItem(kCsrfKey, token);
    else localStorage.removeItem(kCsrfKey);
  } catch {
    // Without storage the token lives in memory for this page only.
  }
}

// Told when the server no longer knows this session (401), with its code:
// `session_expired` after the idle timeout, else `unauthenticated`.
let onSignedOut: ((code: string) => void) | null = null;
export function whenSignedOut(listener: (code: string) => void): void {
  onSignedOut = listener;
}

export interface Answer<T> {
  data: T;
  etag: string | null;
}

interface Options {
  body?: unknown;
  ifMatch?: number;
  // A 401 here is an answer (the login form), not a lost session.
  expectUnauthenticated?: boolean;
}

export async function call<T>(method: string, path: string, options: Options = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (response.ok) {
    const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
    return { data, etag: response.headers.get('ETag') };
  }
  let code = 'http_' + response.status;
  let message = response.statusText;
  let field: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    field = body.error?.field;
  } catch {
    // Not JSON: keep the status.
  }
  const retry = Number(response.headers.get('Retry-After'));
  const error = new ApiError(response.status, code, message, field, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  if (response.status === 401 && !options.expectUnauthenticated) onSignedOut?.(code);
  throw error;
}

export async function get<T>(path: string): Promise<T> {
  return (await call<T>('GET', path)).data;
}

// Every page of a list, up to `max` items.
export async function getAll<T>(path: string, max = 2000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<T> = await get<Page<T>>(url);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}
