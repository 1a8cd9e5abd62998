// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The case at a glance, and its stage and status. A change is sent with the
// version it was made from (If-Match); if someone else saved in between, the
// server answers 409 and this section shows their change beside yours and
// lets you choose. Nothing is ever overwritten silently.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { kStages, kStatuses, type Case, type CasePatch, type CaseStatus, type Stage } from '../../api/types';
import { SelectField } from '../../components/fields';
import { ErrorNotice, Notice } from '../../components/messages';
import { useI18n, type I18n } from '../../i18n';
import { exploitationLabel, stageLabel, statusLabel } from '../labels';
import type { CaseSectionProps } from './sections';

interface Draft {
  stage: Stage;
  status: CaseStatus;
}

interface Conflict {
  base: Case; // what you were editing
  theirs: Case; // what is saved now
  mine: CasePatch; // only the fields you changed
}

type Field = keyof Draft;
const kFields: Field[] = ['stage', 'status'];

function changes(from: Draft, to: Draft): CasePatch {
  const patch: CasePatch = {};
  if (from.stage !== to.stage) patch.stage = to.stage;
  if (from.status !== to.status) patch.status = to.status;
  return patch;
}

function label(i18n: I18n, field: Field, value: string | undefined): string {
  if (value === undefined) return i18n.t('conflict.noChange');
  return field === 'stage' ? stageLabel(i18n, value as Stage) : statusLabel(i18n, value as CaseStatus);
}

export function OverviewSection({ kase, onCase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  // The version the form was filled from; a save sends it as If-Match.
  const [base, setBase] = useState<Case>(kase);
  const [draft, setDraft] = useState<Draft>({ stage: kase.stage, status: kase.status });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | 'kept_theirs' | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A different case: start afresh.
    if (kase.id !== base.id) {
      setBase(kase);
      setDraft({ stage: kase.stage, status: kase.status });
      setConflict(null);
    }
  }, [kase.id]);

  // Sends `patch` as a change of version `from`.
  const save = async (from: Case, patch: CasePatch) => {
    setFailure(undefined);
    setOutcome(null);
    if (Object.keys(patch).length === 0 || kFields.every((f) => patch[f] === undefined || patch[f] === from[f])) {
      setConflict(null);
      setOutcome('unchanged');
      return;
    }
    setBusy(true);
    try {
      const { data } = await api.patchCase(from.id, from.version, patch);
      setBase(data);
      setDraft({ stage: data.stage, status: data.status });
      setConflict(null);
      setOutcome('saved');
      onCase(data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        try {
          const { data: theirs } = await api.getCase(from.id);
          setConflict({ base: from, theirs, mine: patch });
          onCase(theirs);
        } catch (reload) {
          setFailure(reload);
        }
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const keepTheirs = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setDraft({ stage: conflict.theirs.stage, status: conflict.theirs.status });
    setConflict(null);
    setOutcome('kept_theirs');
  };

  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('case.section.overview')}</h2>
      <dl class="summary">
        <div>
          <dt>{t('case.codeName')}</dt>
          <dd>{kase.survivor_code_name}</dd>
        </div>
        <div>
          <dt>{t('case.stage')}</dt>
          <dd>{stageLabel(i18n, kase.stage)}</dd>
        </div>
        <div>
          <dt>{t('case.status')}</dt>
          <dd>{statusLabel(i18n, kase.status)}</dd>
        </div>
        <div>
          <dt>{t('case.exploitation')}</dt>
          <dd>
            {kase.exploitation_types.length
              ? kase.exploitation_types.map((e) => exploitationLabel(i18n, e)).join(', ')
              : t('common.notRecorded')}
          </dd>
        </div>
        <div>
          <dt>{t('case.opened')}</dt>
          <dd>{i18n.dateTime(kase.created_at)}</dd>
        </div>
        <div>
          <dt>{t('case.updated')}</dt>
          <dd>{i18n.dateTime(kase.updated_at)}</dd>
        </div>
      </dl>

      {conflict && (
        <Notice tone="warning" focus title={t('conflict.title')} id="conflict">
          <p>{t('conflict.body', { time: i18n.dateTime(conflict.theirs.updated_at) })}</p>
          <table class="table compare">
            <caption class="visually-hidden">{t('conflict.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.before')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t('conflict.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {kFields.map((f) => (
                <tr key={f} class={conflict.base[f] !== conflict.theirs[f] ? 'changed' : undefined}>
                  <th scope="row">{t(`case.${f}`)}</th>
                  <td>{label(i18n, f, conflict.base[f])}</td>
                  <td>{conflict.base[f] !== conflict.theirs[f] ? label(i18n, f, conflict.theirs[f]) : label(i18n, f, undefined)}</td>
                  <td>{label(i18n, f, conflict.mine[f])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="button" class="button button-secondary" onClick={keepTheirs} disabled={busy}>
              {t('conflict.keepTheirs')}
            </button>
            <button type="button" class="button" onClick={() => save(conflict.theirs, conflict.mine)} disabled={busy}>
              {t('conflict.applyMine')}
            </button>
          </div>
        </Notice>
      )}
      {outcome === 'saved' && (
        <Notice tone="success">
          <p>{t('case.saved')}</p>
        </Notice>
      )}
      {outcome === 'unchanged' && (
        <Notice tone="info">
          <p>{t('case.unchanged')}</p>
        </Notice>
      )}
      {outcome === 'kept_theirs' && (
        <Notice tone="info">
          <p>{t('conflict.keptTheirs')}</p>
        </Notice>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}

      {!conflict && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void save(base, changes({ stage: base.stage, status: base.status }, draft));
          }}
        >
          <h3>{t('case.changeTitle')}</h3>
          <div class="row">
            <SelectField
              id="case-stage"
              label={t('case.stage')}
              value={draft.stage}
              onValue={(v) => setDraft({ ...draft, stage: v as Stage })}
              options={kStages.map((s) => ({ value: s, label: stageLabel(i18n, s) }))}
            />
            <SelectField
              id="case-status"
              label={t('case.status')}
              value={draft.status}
              onValue={(v) => setDraft({ ...draft, status: v as CaseStatus })}
              options={kStatuses.map((s) => ({ value: s, label: statusLabel(i18n, s) }))}
            />
          </div>
          <button type="submit" class="button" disabled={busy}>
            {t('case.save')}
          </button>
        </form>
      )}
    </section>
  );
}
