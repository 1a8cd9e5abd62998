// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor's identity. It is protected: nothing is fetched until the
// reader states a purpose and asks, because every read is written to the
// audit log and to the survivor's own access log. The details live only in
// this screen's memory and go when it is left or hidden.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import { kReadPurposes, type ReadPurpose, type Survivor } from '../../api/types';
import { SelectField } from '../../components/fields';
import { ErrorNotice, Notice } from '../../components/messages';
import { useI18n } from '../../i18n';
import { genderLabel, purposeLabel } from '../labels';
import type { CaseSectionProps } from './sections';

interface Reading {
  survivor: Survivor;
  at: Date;
  purpose: ReadPurpose;
}

export function SurvivorSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [purpose, setPurpose] = useState<ReadPurpose>('case_work');
  const [reading, setReading] = useState<Reading | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const show = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    setBusy(true);
    try {
      const survivor = await api.readSurvivor(kase.survivor_id, purpose);
      setReading({ survivor, at: new Date(), purpose });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const notRecorded = t('common.notRecorded');
  return (
    <section aria-labelledby="survivor-heading">
      <h2 id="survivor-heading">{t('survivor.title')}</h2>
      {!reading && (
        <form class="card" onSubmit={show}>
          <Notice tone="info" title={t('survivor.auditedTitle')}>
            <p>{t('survivor.auditedBody')}</p>
          </Notice>
          <SelectField
            id="read-purpose"
            label={t('survivor.purpose')}
            value={purpose}
            onValue={(v) => setPurpose(v as ReadPurpose)}
            options={kReadPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))}
          />
          <button type="submit" class="button" disabled={busy}>
            {t('survivor.show')}
          </button>
        </form>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}
      {reading && (
        <>
          <Notice tone="info" title={t('survivor.recordedTitle')}>
            <p>
              {t('survivor.recordedBody', {
                time: i18n.dateTime(reading.at),
                purpose: purposeLabel(i18n, reading.purpose),
              })}
            </p>
          </Notice>
          <dl class="summary protected" aria-label={t('survivor.title')}>
            <div>
              <dt>{t('case.codeName')}</dt>
              <dd>{reading.survivor.code_name}</dd>
            </div>
            <div>
              <dt>{t('register.legalName')}</dt>
              <dd>{reading.survivor.legal_name || notRecorded}</dd>
            </div>
            <div>
              <dt>{t('register.birthDate')}</dt>
              <dd>{reading.survivor.birth_date ? i18n.date(reading.survivor.birth_date) : notRecorded}</dd>
            </div>
            <div>
              <dt>{t('survivor.ageBand')}</dt>
              <dd>{reading.survivor.age_band ?? notRecorded}</dd>
            </div>
            <div>
              <dt>{t('register.gender')}</dt>
              <dd>{reading.survivor.gender ? genderLabel(i18n, reading.survivor.gender) : notRecorded}</dd>
            </div>
            <div>
              <dt>{t('register.languages')}</dt>
              <dd>
                {reading.survivor.languages.length
                  ? reading.survivor.languages.map(i18n.languageName).join(', ')
                  : notRecorded}
              </dd>
            </div>
            <div>
              <dt>{t('register.nationality')}</dt>
              <dd>{reading.survivor.nationality ? i18n.regionName(reading.survivor.nationality) : notRecorded}</dd>
            </div>
            <div>
              <dt>{t('register.contact')}</dt>
              <dd>{reading.survivor.contact || notRecorded}</dd>
            </div>
            <div>
              <dt>{t('register.address')}</dt>
              <dd>{reading.survivor.address || notRecorded}</dd>
            </div>
          </dl>
          <button type="button" class="button button-secondary" onClick={() => setReading(null)}>
            {t('survivor.hide')}
          </button>
        </>
      )}
    </section>
  );
}
