// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor's consents: to whom, why, what (topics of the statement and
// parts of the record), until when, how given and in which language. The
// case team records a new one; a withdrawal takes effect on the very next
// request, and never waits for anyone.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import {
  kCategories,
  kPurposes,
  kTopics,
  type Category,
  type Consent,
  type GivenAs,
  type Purpose,
  type Topic,
} from '../../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField, CheckboxesField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { session } from '../../session';
import {
  categoriesInWords,
  categoryLabel,
  consentStatusLabel,
  givenAsLabel,
  purposeLabel,
  topicLabel,
  topicsInWords,
} from '../labels';
import type { CaseSectionProps } from './sections';

// Languages a consent text is commonly given in here; any ISO 639-1 code works.
const kConsentLanguages = ['en', 'es', 'fr', 'sw', 'ar', 'am', 'so', 'pt'];

function inMonths(n: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + n);
  return d.toISOString().slice(0, 10);
}

function WithdrawForm({ consent, onDone, onCancel }: { consent: Consent; onDone: (c: Consent) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await api.revokeConsent(consent.id, reason.trim() || null));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="inline-form">
      {failure !== undefined && <ErrorNotice error={failure} />}
      <p>{t('consents.withdrawExplained')}</p>
      <TextAreaField
        id={`withdraw-${consent.id}`}
        label={t('consents.withdrawReason')}
        optional={t('common.optional')}
        hint={t('consents.withdrawReasonHint')}
        value={reason}
        onValue={setReason}
        rows={2}
      />
      <div class="actions">
        <button type="submit" class="button button-warning" disabled={busy}>
          {t('consents.withdrawConfirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ConsentCard({ consent, agencyName, onChanged }: {
  consent: Consent;
  agencyName: (id: string) => string;
  onChanged: (c: Consent) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [withdrawing, setWithdrawing] = useState(false);
  const [done, setDone] = useState(false);
  const scope = [
    consent.scope.topics.length ? t('consents.topicsOf', { topics: topicsInWords(i18n, consent.scope.topics) }) : '',
    consent.scope.categories.length ? categoriesInWords(i18n, consent.scope.categories) : '',
  ].filter(Boolean);
  return (
    <article class={`card consent consent-${consent.status}`} aria-labelledby={`consent-${consent.id}`}>
      <h3 id={`consent-${consent.id}`}>
        {agencyName(consent.recipient_agency_id)} · {purposeLabel(i18n, consent.purpose)}
      </h3>
      <p>
        <span class={`badge badge-consent-${consent.status}`}>{consentStatusLabel(i18n, consent.status)}</span>
      </p>
      <dl class="summary compact">
        <div>
          <dt>{t('consents.scope')}</dt>
          <dd>{i18n.list(scope)}</dd>
        </div>
        <div>
          <dt>{t('consents.valid')}</dt>
          <dd>{t('consents.validRange', { from: i18n.date(consent.valid_from), until: i18n.date(consent.valid_until) })}</dd>
        </div>
        <div>
          <dt>{t('consents.given')}</dt>
          <dd>
            {givenAsLabel(i18n, consent.given_as)}
            {consent.witnessed_by && ` · ${t('consents.witness', { name: consent.witnessed_by })}`}
            {consent.guardian && ` · ${t('consents.guardianName', { name: consent.guardian })}`}
            {` · ${t('consents.textIn', { version: consent.consent_text_version, language: i18n.languageName(consent.language) })}`}
          </dd>
        </div>
        {consent.revoked_at && (
          <div>
            <dt>{t('consents.withdrawn')}</dt>
            <dd>
              {i18n.dateTime(consent.revoked_at)}
              {consent.revoked_by === consent.survivor_id && ` · ${t('consents.bySurvivor')}`}
              {consent.revoke_reason && ` · “${consent.revoke_reason}”`}
            </dd>
          </div>
        )}
      </dl>
      {done && (
        <Notice tone="success" focus>
          <p>{t('consents.withdrawnNotice', { agency: agencyName(consent.recipient_agency_id) })}</p>
        </Notice>
      )}
      {consent.status === 'active' &&
        (withdrawing ? (
          <WithdrawForm
            consent={consent}
            onCancel={() => setWithdrawing(false)}
            onDone={(c) => {
              setWithdrawing(false);
              setDone(true);
              onChanged(c);
            }}
          />
        ) : (
          <button type="button" class="button button-secondary" onClick={() => setWithdrawing(true)}>
            {t('consents.withdraw')}
            <span class="visually-hidden"> · {agencyName(consent.recipient_agency_id)}</span>
          </button>
        ))}
    </article>
  );
}

function GrantForm({ survivorId, onGranted }: { survivorId: string; onGranted: (c: Consent) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const agencies = useAsync(api.agencies, []);
  const s = session.get();
  const own = s.state === 'signed_in' ? s.me.agency_id : '';
  const others = (agencies.data ?? []).filter((a) => a.id !== own);
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('investigation');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [until, setUntil] = useState(inMonths(6));
  const [givenAs, setGivenAs] = useState<GivenAs>('written');
  const [witness, setWitness] = useState('');
  const [guardian, setGuardian] = useState('');
  const [assent, setAssent] = useState(false);
  const [version, setVersion] = useState('2026-01');
  const [language, setLanguage] = useState<string>(i18n.locale);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const chosenRecipient = recipient || others[0]?.id || '';

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (topics.length === 0 && categories.length === 0) {
      list.push({ field: 'consent-topics', message: t('consents.error.scope') });
    }
    if (!until || until <= new Date().toISOString().slice(0, 10)) {
      list.push({ field: 'consent-until', message: t('consents.error.until') });
    }
    if (givenAs === 'verbal' && !witness.trim()) list.push({ field: 'consent-witness', message: t('consents.error.witness') });
    if (givenAs === 'guardian' && !guardian.trim()) list.push({ field: 'consent-guardian', message: t('consents.error.guardian') });
    if (!version.trim()) list.push({ field: 'consent-version', message: t('consents.error.version') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const granted = await api.grantConsent(survivorId, {
        recipient_agency_id: chosenRecipient,
        purpose,
        scope: { topics, categories },
        valid_until: `${until}T23:59:59Z`,
        given_as: givenAs,
        witnessed_by: givenAs === 'verbal' ? witness.trim() : null,
        guardian: givenAs === 'guardian' ? guardian.trim() : null,
        child_assent: givenAs === 'guardian' ? assent : null,
        consent_text_version: version.trim(),
        language,
      });
      setTopics([]);
      setCategories([]);
      onGranted(granted);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" id="grant-consent" onSubmit={submit} noValidate aria-labelledby="grant-heading">
      <h3 id="grant-heading">{t('consents.grantTitle')}</h3>
      <p class="hint">{t('consents.grantIntro')}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div class="row">
        <SelectField
          id="consent-recipient"
          label={t('consents.recipient')}
          value={chosenRecipient}
          onValue={setRecipient}
          options={others.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          id="consent-purpose"
          label={t('consents.purpose')}
          value={purpose}
          onValue={(v) => setPurpose(v as Purpose)}
          options={kPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))}
        />
      </div>
      <CheckboxesField
        id="consent-topics"
        legend={t('consents.topicsLegend')}
        hint={t('consents.topicsHint')}
        error={errorFor(errors, 'consent-topics')}
        values={topics}
        onValues={(v) => setTopics(v as Topic[])}
        options={kTopics.map((x) => ({ value: x, label: topicLabel(i18n, x) }))}
        small
      />
      <CheckboxesField
        id="consent-categories"
        legend={t('consents.categoriesLegend')}
        values={categories}
        onValues={(v) => setCategories(v as Category[])}
        options={kCategories.map((x) => ({ value: x, label: categoryLabel(i18n, x) }))}
        small
      />
      <div class="row">
        <TextField
          id="consent-until"
          type="date"
          label={t('consents.until')}
          hint={t('consents.untilHint')}
          value={until}
          onValue={setUntil}
          error={errorFor(errors, 'consent-until')}
        />
        <SelectField
          id="consent-language"
          label={t('consents.language')}
          hint={t('consents.languageHint')}
          value={language}
          onValue={setLanguage}
          options={kConsentLanguages.map((l) => ({ value: l, label: i18n.languageName(l) }))}
        />
        <TextField
          id="consent-version"
          label={t('consents.version')}
          value={version}
          onValue={setVersion}
          error={errorFor(errors, 'consent-version')}
        />
      </div>
      <SelectField
        id="consent-given"
        label={t('consents.givenAs')}
        value={givenAs}
        onValue={(v) => setGivenAs(v as GivenAs)}
        options={(['written', 'verbal', 'guardian'] as GivenAs[]).map((g) => ({ value: g, label: givenAsLabel(i18n, g) }))}
      />
      {givenAs === 'verbal' && (
        <TextField
          id="consent-witness"
          label={t('consents.witnessLabel')}
          hint={t('consents.protectedHint')}
          value={witness}
          onValue={setWitness}
          error={errorFor(errors, 'consent-witness')}
        />
      )}
      {givenAs === 'guardian' && (
        <>
          <TextField
            id="consent-guardian"
            label={t('consents.guardianLabel')}
            hint={t('consents.protectedHint')}
            value={guardian}
            onValue={setGuardian}
            error={errorFor(errors, 'consent-guardian')}
          />
          <CheckboxField id="consent-assent" label={t('consents.childAssent')} checked={assent} onChecked={setAssent} />
        </>
      )}
      <button type="submit" class="button" disabled={busy || !chosenRecipient}>
        {t('consents.grant')}
      </button>
    </form>
  );
}

export function ConsentsSection({ kase }: CaseSectionProps) {
  const { t } = useI18n();
  const consents = useAsync(() => api.consents(kase.survivor_id), [kase.survivor_id]);
  const agencies = useAsync(api.agencies, []);
  const [granted, setGranted] = useState<Consent | null>(null);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const list = consents.data ?? [];
  const replace = (c: Consent) => consents.set(list.map((x) => (x.id === c.id ? c : x)));
  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('case.section.consents')}</h2>
      <p class="hint">{t('consents.intro')}</p>
      {consents.loading && !consents.data && <Loading />}
      {consents.error !== undefined && <ErrorNotice error={consents.error} focus={false} />}
      {granted && (
        <Notice tone="success" focus>
          <p>{t('consents.granted', { agency: agencyName(granted.recipient_agency_id) })}</p>
        </Notice>
      )}
      {consents.data && list.length === 0 && <p>{t('consents.empty')}</p>}
      {list.map((c) => (
        <ConsentCard key={c.id} consent={c} agencyName={agencyName} onChanged={replace} />
      ))}
      <GrantForm
        survivorId={kase.survivor_id}
        onGranted={(c) => {
          setGranted(c);
          consents.set([c, ...list]);
        }}
      />
    </section>
  );
}
