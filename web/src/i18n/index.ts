// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Languages of the interface. Every string the user reads comes from a
// message catalogue (en.ts, es.ts, fr.ts); dates and numbers are formatted by
// Intl for the chosen locale. The language is chosen, in order, by `?lang=` in
// the URL, the user's earlier choice (localStorage), then the browser's
// preferred languages (the same list it sends as Accept-Language).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';

export type { MessageKey };
export type Locale = 'en' | 'es' | 'fr';
export const kLocales: readonly Locale[] = ['en', 'es', 'fr'];
// Each language named in itself, for the switcher.
export const kLocaleNames: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

const kCatalogues: Record<Locale, Record<MessageKey, string>> = { en, es, fr };
const kStorageKey = 'onestory.lang';

export type Params = Record<string, string | number>;

function asLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (kLocales as readonly string[]).includes(base) ? (base as Locale) : null;
}

function readStored(): Locale | null {
  try {
    return asLocale(localStorage.getItem(kStorageKey));
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(kStorageKey, locale);
  } catch {
    // Storage may be unavailable (private modes); the choice then lasts for this page only.
  }
}

// The locale for this page load. A `?lang=` choice is remembered.
export function initialLocale(search: string, preferred: readonly string[]): Locale {
  const fromUrl = asLocale(new URLSearchParams(search).get('lang'));
  if (fromUrl) {
    rememberLocale(fromUrl);
    return fromUrl;
  }
  const stored = readStored();
  if (stored) return stored;
  for (const tag of preferred) {
    const l = asLocale(tag);
    if (l) return l;
  }
  return 'en';
}

function interpolate(text: string, params?: Params, format?: (n: number) => string): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' && format ? format(v) : String(v);
  });
}

// The browser's own variant of the chosen language (en-GB, es-MX, fr-CA…)
// for dates and numbers, if it prefers one; else the language itself.
export function formattingLocale(locale: Locale, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (asLocale(tag) !== locale) continue;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? locale;
    } catch {
      return locale;
    }
  }
  return locale;
}

// Everything a component needs to speak the user's language.
export class I18n {
  readonly locale: Locale;
  readonly formatting: string;
  private readonly messages: Record<MessageKey, string>;
  private readonly numbers: Intl.NumberFormat;
  private readonly plurals: Intl.PluralRules;
  private readonly dates: Intl.DateTimeFormat;
  private readonly dateTimes: Intl.DateTimeFormat;
  private readonly times: Intl.DateTimeFormat;

  constructor(locale: Locale, preferred: readonly string[] = []) {
    this.locale = locale;
    this.formatting = formattingLocale(locale, preferred);
    const f = this.formatting;
    this.messages = kCatalogues[locale];
    this.numbers = new Intl.NumberFormat(f);
    this.plurals = new Intl.PluralRules(locale);
    // Dates without a time are calendar dates: shown as stored, in UTC.
    this.dates = new Intl.DateTimeFormat(f, { dateStyle: 'medium', timeZone: 'UTC' });
    this.dateTimes = new Intl.DateTimeFormat(f, { dateStyle: 'medium', timeStyle: 'short' });
    this.times = new Intl.DateTimeFormat(f, { timeStyle: 'short' });
  }

  t = (key: MessageKey, params?: Params): string =>
    interpolate(this.messages[key] ?? en[key] ?? key, params, (n) => this.numbers.format(n));

  // Plural-aware: looks up `key_one`, `key_other`, ... for the count.
  tn = (key: string, count: number, params?: Params): string => {
    const rule = this.plurals.select(count);
    const k = (`${key}_${rule}` in this.messages ? `${key}_${rule}` : `${key}_other`) as MessageKey;
    return this.t(k, { count, ...params });
  };

  has = (key: string): key is MessageKey => key in this.messages;

  number = (n: number): string => this.numbers.format(n);

  // A calendar date `YYYY-MM-DD`.
  date = (iso: string | null | undefined): string => {
    if (!iso) return '';
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : this.dates.format(d);
  };

  // An instant (RFC 3339), shown in the browser's time zone.
  dateTime = (iso: string | Date | null | undefined): string => {
    if (!iso) return '';
    const d = iso instanceof Date ? iso : new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : this.dateTimes.format(d);
  };

  time = (d: Date): string => this.times.format(d);

  // A language (ISO 639) or country (ISO 3166) code in words, if the browser knows it.
  languageName = (code: string): string => displayName(this.formatting, 'language', code);
  regionName = (code: string): string => displayName(this.formatting, 'region', code);
}

function displayName(locale: string, type: 'language' | 'region', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(type === 'region' ? code.toUpperCase() : code) ?? code;
  } catch {
    return code;
  }
}

export const I18nContext = createContext<I18n>(new I18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
