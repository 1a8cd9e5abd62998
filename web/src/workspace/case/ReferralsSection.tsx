// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Closed-loop referrals: the case's referrals with their state and history,
// the next step each may take, and a new one found in the service directory
// (by service, language and age). Sharing parts of the record with another
// agency needs the survivor's consent; the server says which parts are not
// covered, and the form shows it.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as care from '../../api/care';
import { kCategories, type Category } from '../../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { CheckboxesField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { dayFromToday, referralStatusLabel, serviceLabel } from '../careLabels';
import { categoriesInWords, categoryLabel } from '../labels';
import type { CaseSectionProps } from './sections';

function StepForm({ referral, onDone }: { referral: care.Referral; onDone: (r: care.Referral) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const next = care.kNextStates[referral.status];
  const [to, setTo] = useState<care.ReferralStatus>(next[0]);
  const [note, setNote] = useState('');
  const [declineReason, setDeclineReason] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (next.length === 0) return null;
  const chosen = next.includes(to) ? to : next[0];
  const prefix = `step-${referral.id}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    setMissing(chosen === 'declined' && !declineReason.trim());
    if (chosen === 'declined' && !declineReason.trim()) return;
    setBusy(true);
    try {
      const step: care.Transition = { to: chosen };
      if (note.trim()) step.note = note.trim();
      if (chosen === 'declined') step.decline_reason = declineReason.trim();
      onDone(await care.transitionReferral(referral.id, step));
      setNote('');
      setDeclineReason('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} noValidate>
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div class="row">
        <SelectField
          id={`${prefix}-to`}
          label={t('referrals.nextStep')}
          value={chosen}
          onValue={(v) => setTo(v as care.ReferralStatus)}
          options={next.map((s) => ({ value: s, label: referralStatusLabel(i18n, s) }))}
        />
        {chosen === 'declined' && (
          <TextField
            id={`${prefix}-decline`}
            label={t('referrals.declineReason')}
            value={declineReason}
            onValue={setDeclineReason}
            error={missing ? t('referrals.error.declineReason') : null}
          />
        )}
      </div>
      <TextAreaField
        id={`${prefix}-note`}
        label={t('referrals.note')}
        optional={t('common.optional')}
        value={note}
        onValue={setNote}
        rows={2}
      />
      <button type="submit" class="button button-secondary" disabled={busy}>
        {t('referrals.recordStep')}
      </button>
    </form>
  );
}

function ReferralCard({ referral, onChanged }: { referral: care.Referral; onChanged: (r: care.Referral) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [moved, setMoved] = useState(false);
  return (
    <article class="card referral" aria-labelledby={`referral-${referral.id}`}>
      <h3 id={`referral-${referral.id}`}>
        {referral.provider_name} · {serviceLabel(i18n, referral.service_type)}
      </h3>
      <p>
        <span class={`badge badge-referral-${referral.status}`}>{referralStatusLabel(i18n, referral.status)}</span>
      </p>
      <dl class="summary compact">
        <div>
          <dt>{t('referrals.reason')}</dt>
          <dd class="protected-text">{referral.reason}</dd>
        </div>
        {referral.share_categories.length > 0 && (
          <div>
            <dt>{t('referrals.shared')}</dt>
            <dd>{categoriesInWords(i18n, referral.share_categories)}</dd>
          </div>
        )}
        <div>
          <dt>{t('referrals.followUpBy')}</dt>
          <dd>{i18n.date(referral.follow_up_by)}</dd>
        </div>
        {referral.complete_by && (
          <div>
            <dt>{t('referrals.completeBy')}</dt>
            <dd>{i18n.date(referral.complete_by)}</dd>
          </div>
        )}
        {referral.decline_reason && (
          <div>
            <dt>{t('referrals.declineReason')}</dt>
            <dd>{referral.decline_reason}</dd>
          </div>
        )}
      </dl>
      <details>
        <summary>{t('referrals.history', { count: referral.transitions.length })}</summary>
        <ol class="plain history">
          {referral.transitions.map((s, n) => (
            <li key={n}>
              {i18n.dateTime(s.at)}: {referralStatusLabel(i18n, s.to)}
              {s.note && ` · ${s.note}`}
            </li>
          ))}
        </ol>
      </details>
      {moved && (
        <Notice tone="success">
          <p>{t('referrals.moved', { status: referralStatusLabel(i18n, referral.status) })}</p>
        </Notice>
      )}
      <StepForm
        referral={referral}
        onDone={(r) => {
          setMoved(true);
          onChanged(r);
        }}
      />
    </article>
  );
}

function ProviderSummary({ p }: { p: care.Provider }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ages =
    p.ages_served.min === null && p.ages_served.max === null
      ? t('providers.allAges')
      : t('providers.ages', { min: p.ages_served.min ?? 0, max: p.ages_served.max ?? '…' });
  const parts = [
    i18n.list(p.service_types.map((s) => serviceLabel(i18n, s))),
    p.languages.length ? i18n.list(p.languages.map((l) => i18n.languageName(l))) : '',
    ages,
    p.location_area ?? '',
    p.agency_id ? '' : t('providers.outside'),
  ].filter(Boolean);
  return <span class="checkbox-hint">{parts.join(' · ')}</span>;
}

function NewReferralForm({ caseId, onCreated }: { caseId: string; onCreated: (r: care.Referral) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [serviceType, setServiceType] = useState<care.ServiceType | ''>('');
  const [language, setLanguage] = useState('');
  const [age, setAge] = useState('');
  const [search, setSearch] = useState<care.ProviderSearch>({});
  const found = useAsync(() => care.providers(search), [search]);
  const [providerId, setProviderId] = useState('');
  const [reason, setReason] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [followUp, setFollowUp] = useState(dayFromToday(14));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const provider = found.data?.find((p) => p.id === providerId);
  const chosenService = serviceType || provider?.service_types[0] || '';

  const runSearch = (e: Event) => {
    e.preventDefault();
    setSearch({ service_type: serviceType, language: language.trim().toLowerCase(), age: age.trim() });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (!provider) list.push({ field: 'referral-providers', message: t('referrals.error.provider') });
    if (!reason.trim()) list.push({ field: 'referral-reason', message: t('referrals.error.reason') });
    if (!followUp) list.push({ field: 'referral-follow-up', message: t('referrals.error.followUp') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length || !provider) return;
    setBusy(true);
    try {
      const created = await care.createReferral(caseId, {
        provider_id: provider.id,
        service_type: (chosenService || provider.service_types[0]) as care.ServiceType,
        reason: reason.trim(),
        share_categories: categories,
        follow_up_by: followUp,
      });
      setReason('');
      setCategories([]);
      setProviderId('');
      onCreated(created);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const uncovered = failure instanceof ApiError && failure.code === 'no_consent' ? failure.list('uncovered') : [];
  return (
    <div class="card" aria-labelledby="new-referral-heading">
      <h3 id="new-referral-heading">{t('referrals.newTitle')}</h3>
      <form onSubmit={runSearch} class="directory-search" aria-label={t('providers.searchLabel')}>
        <div class="row">
          <SelectField
            id="directory-service"
            label={t('providers.service')}
            value={serviceType}
            onValue={(v) => setServiceType(v as care.ServiceType | '')}
            options={[
              { value: '', label: t('providers.anyService') },
              ...care.kServiceTypes.map((s) => ({ value: s, label: serviceLabel(i18n, s) })),
            ]}
          />
          <TextField
            id="directory-language"
            label={t('providers.language')}
            hint={t('providers.languageHint')}
            value={language}
            onValue={setLanguage}
            maxLength={2}
            autoCapitalize="none"
          />
          <TextField id="directory-age" label={t('providers.age')} value={age} onValue={setAge} maxLength={3} />
        </div>
        <button type="submit" class="button button-secondary">
          {t('providers.search')}
        </button>
      </form>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} round={round} />
        {failure !== undefined && uncovered.length === 0 && <ErrorNotice error={failure} />}
        {uncovered.length > 0 && (
          <Notice tone="warning" focus title={t('referrals.noConsentTitle')}>
            <p>
              {t('referrals.noConsent', {
                parts: categoriesInWords(
                  i18n,
                  uncovered.filter((c): c is Category => (kCategories as readonly string[]).includes(c)),
                ),
              })}
            </p>
          </Notice>
        )}
        {found.loading && <Loading />}
        {found.error !== undefined && <ErrorNotice error={found.error} focus={false} />}
        {found.data && (
          <fieldset
            id="referral-providers"
            class={`field radios${errorFor(errors, 'referral-providers') ? ' field-error' : ''}`}
            tabIndex={-1}
          >
            <legend>{t('providers.found', { count: found.data.length })}</legend>
            {errorFor(errors, 'referral-providers') && (
              <p class="error-text">{errorFor(errors, 'referral-providers')}</p>
            )}
            {found.data.length === 0 && <p>{t('providers.none')}</p>}
            {found.data.map((p) => (
              <div class="checkbox" key={p.id}>
                <input
                  type="radio"
                  id={`provider-${p.id}`}
                  name="referral-provider"
                  value={p.id}
                  checked={providerId === p.id}
                  onChange={() => setProviderId(p.id)}
                  aria-describedby={`provider-${p.id}-hint`}
                />
                <label for={`provider-${p.id}`}>{p.name}</label>
                <span id={`provider-${p.id}-hint`}>
                  <ProviderSummary p={p} />
                </span>
              </div>
            ))}
          </fieldset>
        )}
        {provider && provider.service_types.length > 1 && !serviceType && (
          <SelectField
            id="referral-service"
            label={t('providers.service')}
            value={chosenService}
            onValue={(v) => setServiceType(v as care.ServiceType)}
            options={provider.service_types.map((s) => ({ value: s, label: serviceLabel(i18n, s) }))}
          />
        )}
        <TextAreaField
          id="referral-reason"
          label={t('referrals.reason')}
          hint={t('referrals.reasonHint')}
          value={reason}
          onValue={setReason}
          rows={3}
          error={errorFor(errors, 'referral-reason')}
        />
        <CheckboxesField
          id="referral-categories"
          legend={t('referrals.shareLegend')}
          hint={t('referrals.shareHint')}
          values={categories}
          onValues={(v) => setCategories(v as Category[])}
          options={kCategories.map((x) => ({ value: x, label: categoryLabel(i18n, x) }))}
          small
        />
        <TextField
          id="referral-follow-up"
          type="date"
          label={t('referrals.followUpBy')}
          hint={t('referrals.followUpHint')}
          value={followUp}
          onValue={setFollowUp}
          error={errorFor(errors, 'referral-follow-up')}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('referrals.propose')}
        </button>
      </form>
    </div>
  );
}

export function ReferralsSection({ kase }: CaseSectionProps) {
  const { t } = useI18n();
  const list = useAsync(() => care.referrals(kase.id), [kase.id]);
  const [created, setCreated] = useState(false);
  const items = list.data ?? [];
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t('case.section.referrals')}</h2>
      <p class="hint">{t('referrals.intro')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} focus={false} />}
      {created && (
        <Notice tone="success" focus>
          <p>{t('referrals.created')}</p>
        </Notice>
      )}
      {list.data && items.length === 0 && <p>{t('referrals.empty')}</p>}
      {items.map((r) => (
        <ReferralCard key={r.id} referral={r} onChanged={(n) => list.set(items.map((x) => (x.id === n.id ? n : x)))} />
      ))}
      <NewReferralForm
        caseId={kase.id}
        onCreated={(r) => {
          setCreated(true);
          list.set([r, ...items]);
        }}
      />
    </section>
  );
}
