// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// One entry of a survivor's access log as a sentence in the reader's
// language, built from the entry's parts (who, what was done, to what). The
// server's own English sentence (`summary`) is the fallback for an action
// this catalogue does not know yet.
import type { AccessLogEntry, Category, Role, Topic } from '../api/types';
import type { I18n, MessageKey } from '../i18n';
import { categoriesInWords, roleLabel, topicsInWords } from '../workspace/labels';

function fieldWord(i18n: I18n, name: string): string {
  const key = name.startsWith('preferences.') ? 'field.preferences' : `field.${name}`;
  return i18n.has(key) ? i18n.t(key as MessageKey) : name.replace(/[_.]/g, ' ');
}

function who(i18n: I18n, e: AccessLogEntry): string {
  if (e.who.kind === 'survivor') return i18n.t('log.who.you');
  if (e.who.kind === 'system') return i18n.t('log.who.system');
  if (e.who.kind === 'anonymous' || !e.who.display_name) return i18n.t('log.who.someone');
  const roles = i18n.list(e.who.roles.map((r) => (i18n.has(`role.${r}`) ? roleLabel(i18n, r as Role) : r)));
  const parts = [roles, e.who.agency_name].filter(Boolean).join(', ');
  return parts ? i18n.t('log.who.staff', { name: e.who.display_name, about: parts }) : e.who.display_name;
}

export function describeAccess(i18n: I18n, e: AccessLogEntry): string {
  const topics = e.what.topics as Topic[];
  const categories = e.what.categories as Category[];
  let what = '';
  if (topics.length) {
    what = i18n.t('log.detail', { detail: topicsInWords(i18n, topics) });
  } else if (e.what.fields.length && e.action !== 'passage.list' && e.action !== 'passage.read') {
    what = i18n.t('log.detail', { detail: i18n.list([...new Set(e.what.fields.map((f) => fieldWord(i18n, f)))]) });
  }
  const passages = i18n.tn('log.passages', e.what.passages ?? 1);
  const sharedParts: string[] = [];
  if (e.what.passages) {
    sharedParts.push(
      topics.length
        ? i18n.tn('log.sharedPassagesAbout', e.what.passages, { topics: topicsInWords(i18n, topics) })
        : i18n.tn('log.sharedPassages', e.what.passages),
    );
  }
  if (categories.length) sharedParts.push(i18n.t('log.sharedRecord', { categories: categoriesInWords(i18n, categories) }));
  const params = {
    what,
    passages,
    shared: sharedParts.length ? i18n.list(sharedParts) : i18n.t('log.partsOfYourStory'),
    recipient: e.what.recipient_agency_name || i18n.t('log.anotherAgency'),
    status: e.what.status && i18n.has(`log.status.${e.what.status}`) ? i18n.t(`log.status.${e.what.status}` as MessageKey) : '',
  };
  if (e.who.kind === 'survivor' && e.outcome !== 'denied' && i18n.has(`log.own.${e.action}`)) {
    return i18n.t(`log.own.${e.action}` as MessageKey, params);
  }
  const person = who(i18n, e);
  if (e.outcome === 'denied') {
    const key = i18n.has(`log.refused.${e.action}`) ? `log.refused.${e.action}` : 'log.refused.other';
    return i18n.t(key as MessageKey, { ...params, who: person });
  }
  if (!i18n.has(`log.action.${e.action}`)) return e.summary;
  return i18n.t('log.sentence', { who: person, action: i18n.t(`log.action.${e.action}` as MessageKey, params) });
}
