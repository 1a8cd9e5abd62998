// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// What this case has shared with other agencies, and sharing more. A
// disclosure goes out only when one active consent of the survivor, for that
// agency and purpose, covers every passage's topic and every part of the
// record chosen; otherwise the server refuses it and this screen says what
// no consent covers. Only passages the survivor confirmed or corrected can
// be chosen.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { kCategories, kPurposes, type Category, type Disclosure, type Purpose } from '../../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxesField, SelectField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n, type I18n } from '../../i18n';
import { session } from '../../session';
import { categoriesInWords, categoryLabel, consentStatusLabel, purposeLabel, topicLabel, topicsInWords } from '../labels';
import type { CaseSectionProps } from './sections';

// A topic or category name, in words.
function scopeWord(i18n: I18n, name: string): string {
  const topic = `topic.${name}`;
  if (i18n.has(topic)) return i18n.t(topic);
  const category = `category.${name}`;
  if (i18n.has(category)) return i18n.t(category);
  return name;
}

export function DisclosureSummary({ d, agencyName }: { d: Disclosure; agencyName: (id: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const parts = [
    d.passage_ids.length ? i18n.tn('disclosures.passagesAbout', d.passage_ids.length, { topics: topicsInWords(i18n, d.topics) }) : '',
    d.categories.length ? categoriesInWords(i18n, d.categories) : '',
  ].filter(Boolean);
  return (
    <>
      <p>{t('disclosures.what', { parts: i18n.list(parts), purpose: purposeLabel(i18n, d.purpose) })}</p>
      <p>
        <span class={`badge badge-consent-${d.consent_status}`}>{consentStatusLabel(i18n, d.consent_status)}</span>{' '}
        <span class="muted">
          {d.consent_status === 'active' ? t('disclosures.readable') : t('disclosures.notReadable')} ·{' '}
          {t('disclosures.sharedOn', { date: i18n.dateTime(d.created_at), agency: agencyName(d.agency_id) })}
        </span>
      </p>
    </>
  );
}

function DiscloseForm({ caseId, onDisclosed }: { caseId: string; onDisclosed: (d: Disclosure) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const agencies = useAsync(api.agencies, []);
  const passages = useAsync(() => api.passages(caseId), [caseId]);
  const s = session.get();
  const own = s.state === 'signed_in' ? s.me.agency_id : '';
  const others = (agencies.data ?? []).filter((a) => a.id !== own);
  const reviewed = (passages.data ?? []).filter((p) => p.review_status === 'confirmed' || p.review_status === 'corrected');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('investigation');
  const [chosen, setChosen] = useState<string[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [uncovered, setUncovered] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const chosenRecipient = recipient || others[0]?.id || '';

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (chosen.length === 0 && categories.length === 0) list.push({ field: 'disclose-passages', message: t('disclosures.error.nothing') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    setUncovered(null);
    if (list.length) return;
    setBusy(true);
    try {
      const d = await api.disclose(caseId, { recipient_agency_id: chosenRecipient, purpose, passage_ids: chosen, categories });
      setChosen([]);
      setCategories([]);
      onDisclosed(d);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'no_consent') setUncovered(error.list('uncovered'));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" id="disclose" onSubmit={submit} noValidate aria-labelledby="disclose-heading">
      <h3 id="disclose-heading">{t('disclosures.createTitle')}</h3>
      <p class="hint">{t('disclosures.createIntro')}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      {uncovered && (
        <Notice tone="error" focus title={t('disclosures.refusedTitle')} id="disclosure-refused">
          <p>
            {t('disclosures.refusedBody', {
              agency: others.find((a) => a.id === chosenRecipient)?.name ?? t('common.unknownAgency'),
              purpose: purposeLabel(i18n, purpose),
            })}
          </p>
          {uncovered.length > 0 && <p>{t('disclosures.uncovered', { items: i18n.list(uncovered.map((u) => scopeWord(i18n, u))) })}</p>}
        </Notice>
      )}
      <div class="row">
        <SelectField
          id="disclose-recipient"
          label={t('consents.recipient')}
          value={chosenRecipient}
          onValue={setRecipient}
          options={others.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          id="disclose-purpose"
          label={t('consents.purpose')}
          value={purpose}
          onValue={(v) => setPurpose(v as Purpose)}
          options={kPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))}
        />
      </div>
      {passages.loading && !passages.data && <Loading />}
      {passages.data && reviewed.length === 0 && <p>{t('disclosures.noReviewed')}</p>}
      {reviewed.length > 0 && (
        <CheckboxesField
          id="disclose-passages"
          legend={t('disclosures.passagesLegend')}
          hint={t('disclosures.passagesHint')}
          error={errorFor(errors, 'disclose-passages')}
          values={chosen}
          onValues={setChosen}
          options={reviewed.map((p) => ({
            value: p.id,
            label: `${topicLabel(i18n, p.topic)}: ${p.text.length > 70 ? `${p.text.slice(0, 70)}…` : p.text}`,
          }))}
        />
      )}
      <CheckboxesField
        id="disclose-categories"
        legend={t('disclosures.categoriesLegend')}
        values={categories}
        onValues={(v) => setCategories(v as Category[])}
        options={kCategories.map((x) => ({ value: x, label: categoryLabel(i18n, x) }))}
        small
      />
      <button type="submit" class="button" disabled={busy || !chosenRecipient}>
        {t('disclosures.create')}
      </button>
    </form>
  );
}

export function DisclosuresSection({ kase }: CaseSectionProps) {
  const { t } = useI18n();
  const disclosures = useAsync(() => api.caseDisclosures(kase.id), [kase.id]);
  const agencies = useAsync(api.agencies, []);
  const [made, setMade] = useState<Disclosure | null>(null);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const list = disclosures.data ?? [];
  return (
    <section aria-labelledby="disclosures-heading">
      <h2 id="disclosures-heading">{t('case.section.disclosures')}</h2>
      {disclosures.loading && !disclosures.data && <Loading />}
      {disclosures.error !== undefined && <ErrorNotice error={disclosures.error} focus={false} />}
      {made && (
        <Notice tone="success" focus>
          <p>{t('disclosures.made', { agency: agencyName(made.recipient_agency_id) })}</p>
        </Notice>
      )}
      {disclosures.data && list.length === 0 && <p>{t('disclosures.empty')}</p>}
      {list.map((d) => (
        <article key={d.id} class="card disclosure" aria-labelledby={`disclosure-${d.id}`}>
          <h3 id={`disclosure-${d.id}`}>{agencyName(d.recipient_agency_id)}</h3>
          <DisclosureSummary d={d} agencyName={agencyName} />
        </article>
      ))}
      <DiscloseForm
        caseId={kase.id}
        onDisclosed={(d) => {
          setMade(d);
          disclosures.set([d, ...list]);
        }}
      />
    </section>
  );
}
