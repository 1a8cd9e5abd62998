// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Outcome assessments: the six domains' scores over time (a chart and the
// same figures as a table), whether the survivor counts as restored under
// the programme's rule, when the next assessment is due, and a form that
// scores every sub-domain of the instrument in force, 1 to 4.
import { useState } from 'preact/hooks';
import * as care from '../../api/care';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { assessmentKindLabel, dayFromToday, domainLabel } from '../careLabels';
import { ScoreChart } from './ScoreChart';
import type { CaseSectionProps } from './sections';

function ScoreTable({ trend }: { trend: care.Trend }) {
  const i18n = useI18n();
  const { t } = i18n;
  const score = (n: number | undefined) => (n === undefined ? '—' : i18n.number(Math.round(n * 100) / 100));
  return (
    <div class="table-scroll">
      <table class="table scores">
        <caption>{t('assessments.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.domain')}</th>
            {trend.points.map((p) => (
              <th scope="col" key={p.assessment_id}>
                {i18n.date(p.assessed_on)}
                <span class="muted"> · {assessmentKindLabel(i18n, p.kind)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.domains.map((d) => (
            <tr key={d.key}>
              <th scope="row">{domainLabel(i18n, d.key, d.label)}</th>
              {trend.points.map((p) => (
                <td key={p.assessment_id}>{score(p.domain_scores[d.key])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('assessments.restored')}</th>
            {trend.points.map((p) => (
              <td key={p.assessment_id}>{p.restored ? t('common.yes') : t('common.no')}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function RecordForm({ caseId, instrument, onRecorded }: {
  caseId: string;
  instrument: care.Instrument;
  onRecorded: (a: care.Assessment) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [on, setOn] = useState(dayFromToday());
  const [scores, setScores] = useState<Record<string, Record<string, string>>>({});
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const { min, max } = instrument.score_range;
  const values: string[] = [];
  for (let s = min; s <= max; s++) values.push(String(s));
  const set = (domain: string, sub: string, v: string) =>
    setScores({ ...scores, [domain]: { ...(scores[domain] ?? {}), [sub]: v } });
  const submit = async (e: Event) => {
    e.preventDefault();
    const list: FieldError[] = [];
    const body: Record<string, Record<string, number>> = {};
    for (const d of instrument.domains) {
      body[d.key] = {};
      for (const s of d.sub_domains) {
        const v = scores[d.key]?.[s.key];
        if (!v) list.push({ field: `score-${d.key}-${s.key}`, message: t('assessments.error.score', { what: s.label }) });
        else body[d.key][s.key] = Number(v);
      }
    }
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      onRecorded(await care.recordAssessment(caseId, { assessed_on: on, scores: body, ...(notes.trim() ? { notes: notes.trim() } : {}) }));
      setScores({});
      setNotes('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-assessment-heading">
      <h3 id="new-assessment-heading">{t('assessments.newTitle')}</h3>
      <p class="hint">{t('assessments.scale', { min, max })}</p>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <TextField id="assessment-on" type="date" label={t('assessments.on')} value={on} onValue={setOn} />
      {instrument.domains.map((d) => (
        <fieldset class="field domain-scores" key={d.key}>
          <legend>{domainLabel(i18n, d.key, d.label)}</legend>
          <div class="row">
            {d.sub_domains.map((s) => (
              <SelectField
                key={s.key}
                id={`score-${d.key}-${s.key}`}
                label={s.label}
                value={scores[d.key]?.[s.key] ?? ''}
                onValue={(v) => set(d.key, s.key, v)}
                error={errors.some((e) => e.field === `score-${d.key}-${s.key}`) ? t('assessments.error.pick') : null}
                options={[{ value: '', label: t('assessments.choose') }, ...values.map((v) => ({ value: v, label: v }))]}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <TextAreaField
        id="assessment-notes"
        label={t('assessments.notes')}
        optional={t('common.optional')}
        value={notes}
        onValue={setNotes}
        rows={2}
      />
      <button type="submit" class="button" disabled={busy}>
        {t('assessments.record')}
      </button>
    </form>
  );
}

export function AssessmentsSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const instrument = useAsync(care.instrument, []);
  const trend = useAsync(() => care.trend(kase.id), [kase.id]);
  const [recorded, setRecorded] = useState<care.Assessment | null>(null);
  const data = trend.data;
  const threshold = instrument.data?.restoration_rule.min_domain_score ?? 3;
  const last = data?.points[data.points.length - 1];
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t('case.section.assessments')}</h2>
      <p class="hint">{t('assessments.intro')}</p>
      {(trend.loading || instrument.loading) && !data && <Loading />}
      {trend.error !== undefined && <ErrorNotice error={trend.error} focus={false} />}
      {instrument.error !== undefined && <ErrorNotice error={instrument.error} focus={false} />}
      {recorded && (
        <Notice tone="success" focus>
          <p>
            {t('assessments.recorded', { date: i18n.date(recorded.assessed_on) })}{' '}
            {recorded.restored ? t('assessments.restoredNow') : t('assessments.notRestoredNow')}
          </p>
        </Notice>
      )}
      {data && (
        <dl class="summary compact">
          {last && (
            <div>
              <dt>{t('assessments.latest')}</dt>
              <dd>
                {i18n.date(last.assessed_on)} ·{' '}
                {last.restored ? t('assessments.restoredNow') : t('assessments.notRestoredNow')}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('assessments.nextDue')}</dt>
            <dd>
              {data.next_due
                ? t('assessments.nextDueOn', {
                    kind: assessmentKindLabel(i18n, data.next_due.kind),
                    date: i18n.date(data.next_due.due),
                  })
                : t('assessments.noneDue')}
            </dd>
          </div>
        </dl>
      )}
      {data && data.points.length === 0 && <p>{t('assessments.empty')}</p>}
      {data && data.points.length > 0 && (
        <>
          <ScoreChart trend={data} threshold={threshold} />
          <ScoreTable trend={data} />
        </>
      )}
      {instrument.data && (
        <RecordForm
          caseId={kase.id}
          instrument={instrument.data}
          onRecorded={(a) => {
            setRecorded(a);
            trend.reload();
          }}
        />
      )}
    </section>
  );
}
