// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Registering a survivor, in two steps. First the duplicate check: the legal
// name and birth date are compared through blind indexes (POST
// /survivors/match) so that one person is not registered twice; nothing is
// stored at this step. Then the record itself, with a chosen code name, and a
// case opened for it with the registrant as lead.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import * as api from '../api/endpoints';
import { kGenders, kStages, type Case, type Gender, type Stage, type SurvivorMatch } from '../api/types';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ErrorNotice, Notice } from '../components/messages';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { genderLabel, stageLabel } from './labels';

type Step = 'check' | 'matches' | 'details';

interface MatchView {
  match: SurvivorMatch;
  cases: Case[];
}

// The server's field names, mapped to this form's controls.
const kFieldIds: Record<string, string> = {
  code_name: 'code-name',
  legal_name: 'legal-name',
  birth_date: 'birth-date',
  languages: 'languages',
  nationality: 'nationality',
  contact: 'contact',
  address: 'address',
  gender: 'gender',
};

export function RegisterSurvivorPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const agencies = useAsync(api.agencies, []);
  const [step, setStep] = useState<Step>('check');
  const [legalName, setLegalName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [checked, setChecked] = useState<'none' | 'skipped' | 'different' | null>(null);
  const [matches, setMatches] = useState<MatchView[]>([]);
  const [codeName, setCodeName] = useState('');
  const [gender, setGender] = useState('');
  const [languages, setLanguages] = useState('');
  const [nationality, setNationality] = useState('');
  const [contact, setContact] = useState('');
  const [address, setAddress] = useState('');
  const [stage, setStage] = useState<Stage>('identification');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const fail = (list: FieldError[]) => {
    setErrors(list);
    setRound((r) => r + 1);
  };
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');

  const check = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    if (!legalName.trim()) list.push({ field: 'legal-name', message: t('register.error.legalName') });
    if (!birthDate) list.push({ field: 'birth-date', message: t('register.error.birthDateForCheck') });
    fail(list);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const found = await api.matchSurvivors(legalName.trim(), birthDate);
      const views = await Promise.all(
        found.map(async (match) => ({ match, cases: await api.casesOfSurvivor(match.id).catch(() => []) })),
      );
      setMatches(views);
      if (views.length) {
        setStep('matches');
      } else {
        setChecked('none');
        setStep('details');
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const skipCheck = () => {
    const list: FieldError[] = [];
    if (!legalName.trim()) list.push({ field: 'legal-name', message: t('register.error.legalName') });
    fail(list);
    if (list.length) return;
    setBirthDate('');
    setChecked('skipped');
    setStep('details');
  };

  const register = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    const code = codeName.trim();
    if (!code) list.push({ field: 'code-name', message: t('register.error.codeName') });
    else if (code.toLocaleLowerCase() === legalName.trim().toLocaleLowerCase())
      list.push({ field: 'code-name', message: t('register.error.codeNameIsLegalName') });
    const langs = languages
      .split(/[\s,;]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    if (langs.some((l) => !/^[a-z]{2,3}$/.test(l)))
      list.push({ field: 'languages', message: t('register.error.languages') });
    const nat = nationality.trim().toUpperCase();
    if (nat && !/^[A-Z]{2}$/.test(nat)) list.push({ field: 'nationality', message: t('register.error.nationality') });
    fail(list);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      const survivor = await api.registerSurvivor({
        code_name: code,
        legal_name: legalName.trim(),
        birth_date: birthDate || null,
        gender: (gender || null) as Gender | null,
        languages: [...new Set(langs)],
        nationality: nat || null,
        contact: contact.trim() || null,
        address: address.trim() || null,
      });
      const opened = await api.openCase(survivor.id, stage);
      navigate(`/cases/${encodeURIComponent(opened.id)}?registered=1`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.field && kFieldIds[error.field]) {
        fail([{ field: kFieldIds[error.field], message: t('error.invalidValue') }]);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('register.title')}>
      <ol class="steps" aria-label={t('register.stepsLabel')}>
        <li aria-current={step !== 'details' ? 'step' : undefined}>{t('register.step1')}</li>
        <li aria-current={step === 'details' ? 'step' : undefined}>{t('register.step2')}</li>
      </ol>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}

      {step === 'check' && (
        <form onSubmit={check} noValidate class="card">
          <h2>{t('register.checkTitle')}</h2>
          <p>{t('register.checkExplained')}</p>
          <TextField
            id="legal-name"
            label={t('register.legalName')}
            hint={t('register.legalNameHint')}
            value={legalName}
            onValue={setLegalName}
            error={errorFor(errors, 'legal-name')}
            autoComplete="off"
            spellcheck={false}
          />
          <TextField
            id="birth-date"
            type="date"
            label={t('register.birthDate')}
            value={birthDate}
            onValue={setBirthDate}
            error={errorFor(errors, 'birth-date')}
            autoComplete="off"
          />
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('register.check')}
            </button>
            <button type="button" class="button button-secondary" onClick={skipCheck} disabled={busy}>
              {t('register.birthDateUnknown')}
            </button>
          </div>
        </form>
      )}

      {step === 'matches' && (
        <Notice tone="warning" focus title={t('register.matchTitle')}>
          <p>{i18n.tn('register.matchBody', matches.length)}</p>
          <ul class="matches">
            {matches.map(({ match, cases }) => (
              <li key={match.id}>
                <strong>{match.code_name}</strong> · {t('register.registeredBy', { agency: agencyName(match.agency_id) })}
                {cases.map((c) => (
                  <span key={c.id}>
                    {' · '}
                    <Link href={`/cases/${encodeURIComponent(c.id)}`}>{t('register.openTheirCase')}</Link>
                  </span>
                ))}
                {cases.length === 0 && <> · {t('register.noVisibleCase')}</>}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setChecked('different');
                setStep('details');
              }}
            >
              {t('register.differentPerson')}
            </button>
            <button type="button" class="button-link" onClick={() => setStep('check')}>
              {t('register.changeNameOrDate')}
            </button>
          </div>
        </Notice>
      )}

      {step === 'details' && (
        <form onSubmit={register} noValidate class="card">
          {checked === 'none' && (
            <Notice tone="success">
              <p>{t('register.noMatch')}</p>
            </Notice>
          )}
          {checked === 'skipped' && (
            <Notice tone="info">
              <p>{t('register.checkSkipped')}</p>
            </Notice>
          )}
          {checked === 'different' && (
            <Notice tone="info">
              <p>{t('register.continuingDespiteMatch')}</p>
            </Notice>
          )}
          <h2>{t('register.detailsTitle')}</h2>
          <dl class="summary">
            <div>
              <dt>{t('register.legalName')}</dt>
              <dd>{legalName}</dd>
            </div>
            <div>
              <dt>{t('register.birthDate')}</dt>
              <dd>{birthDate ? i18n.date(birthDate) : t('common.notKnown')}</dd>
            </div>
          </dl>
          <p>
            <button type="button" class="button-link" onClick={() => setStep('check')}>
              {t('register.changeNameOrDate')}
            </button>
          </p>
          <TextField
            id="code-name"
            label={t('register.codeName')}
            hint={t('register.codeNameHint')}
            value={codeName}
            onValue={setCodeName}
            error={errorFor(errors, 'code-name')}
            autoComplete="off"
            maxLength={80}
          />
          <SelectField
            id="gender"
            label={t('register.gender')}
            optional={t('common.optional')}
            value={gender}
            onValue={setGender}
            error={errorFor(errors, 'gender')}
            options={[
              { value: '', label: t('common.notRecorded') },
              ...kGenders.map((g) => ({ value: g, label: genderLabel(i18n, g) })),
            ]}
          />
          <TextField
            id="languages"
            label={t('register.languages')}
            hint={t('register.languagesHint')}
            optional={t('common.optional')}
            value={languages}
            onValue={setLanguages}
            error={errorFor(errors, 'languages')}
            autoComplete="off"
            spellcheck={false}
          />
          <TextField
            id="nationality"
            label={t('register.nationality')}
            hint={t('register.nationalityHint')}
            optional={t('common.optional')}
            value={nationality}
            onValue={setNationality}
            error={errorFor(errors, 'nationality')}
            autoComplete="off"
            maxLength={2}
            spellcheck={false}
          />
          <TextField
            id="contact"
            label={t('register.contact')}
            hint={t('register.protectedHint')}
            optional={t('common.optional')}
            value={contact}
            onValue={setContact}
            error={errorFor(errors, 'contact')}
            autoComplete="off"
          />
          <TextField
            id="address"
            label={t('register.address')}
            hint={t('register.protectedHint')}
            optional={t('common.optional')}
            value={address}
            onValue={setAddress}
            error={errorFor(errors, 'address')}
            autoComplete="off"
          />
          <SelectField
            id="stage"
            label={t('register.stage')}
            value={stage}
            onValue={(v) => setStage(v as Stage)}
            options={kStages.filter((s) => s !== 'closed').map((s) => ({ value: s, label: stageLabel(i18n, s) }))}
          />
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('register.submit')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
