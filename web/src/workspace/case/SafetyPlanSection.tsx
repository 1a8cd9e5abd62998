// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The safety plan: the risk level, its items (warning signs, safe places,
// trusted people…) and when it is reviewed next. Its items are sealed like
// location data. A change carries the version read; if someone else saved
// the plan first (409), their plan is shown and nothing is overwritten.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import * as care from '../../api/care';
import { ErrorSummary, errorFor, type FieldError } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { ErrorNotice, Loading, Notice } from '../../components/messages';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { dayFromToday, riskLabel, safetyItemLabel } from '../careLabels';
import type { CaseSectionProps } from './sections';

// The plan, or null when the case has none yet.
async function loadPlan(caseId: string): Promise<care.SafetyPlan | null> {
  try {
    return await care.safetyPlan(caseId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function PlanForm({ caseId, plan, onSaved, onConflict }: {
  caseId: string;
  plan: care.SafetyPlan | null;
  onSaved: (p: care.SafetyPlan) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [risk, setRisk] = useState<care.RiskLevel>(plan?.risk_level ?? 'medium');
  const [items, setItems] = useState<care.SafetyItem[]>(plan?.items.length ? plan.items : [{ kind: 'safe_place', text: '' }]);
  const [reviewBy, setReviewBy] = useState(plan?.review_by ?? dayFromToday(30));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const setItem = (n: number, item: care.SafetyItem) => setItems(items.map((x, i) => (i === n ? item : x)));
  const submit = async (e: Event) => {
    e.preventDefault();
    const kept = items.map((x) => ({ ...x, text: x.text.trim() })).filter((x) => x.text);
    const list: FieldError[] = [];
    if (kept.length === 0) list.push({ field: 'plan-item-0-text', message: t('safety.error.items') });
    if (!reviewBy) list.push({ field: 'plan-review-by', message: t('safety.error.reviewBy') });
    setErrors(list);
    setRound((r) => r + 1);
    setFailure(undefined);
    if (list.length) return;
    setBusy(true);
    try {
      onSaved(await care.putSafetyPlan(caseId, { risk_level: risk, items: kept, review_by: reviewBy }, plan?.version));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading">{plan ? t('safety.editTitle') : t('safety.newTitle')}</h3>
      <ErrorSummary errors={errors} round={round} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div class="row">
        <SelectField
          id="plan-risk"
          label={t('safety.risk')}
          value={risk}
          onValue={(v) => setRisk(v as care.RiskLevel)}
          options={care.kRiskLevels.map((r) => ({ value: r, label: riskLabel(i18n, r) }))}
        />
        <TextField
          id="plan-review-by"
          type="date"
          label={t('safety.reviewBy')}
          value={reviewBy}
          onValue={setReviewBy}
          error={errorFor(errors, 'plan-review-by')}
        />
      </div>
      <fieldset class="field">
        <legend>{t('safety.items')}</legend>
        <p class="hint">{t('safety.itemsHint')}</p>
        {items.map((item, n) => (
          <div class="row safety-item" key={n}>
            <SelectField
              id={`plan-item-${n}-kind`}
              label={t('safety.itemKind', { n: n + 1 })}
              value={item.kind}
              onValue={(v) => setItem(n, { ...item, kind: v as care.SafetyItemKind })}
              options={care.kSafetyItemKinds.map((k) => ({ value: k, label: safetyItemLabel(i18n, k) }))}
            />
            <TextField
              id={`plan-item-${n}-text`}
              label={t('safety.itemText', { n: n + 1 })}
              value={item.text}
              onValue={(v) => setItem(n, { ...item, text: v })}
              error={n === 0 ? errorFor(errors, 'plan-item-0-text') : null}
            />
            {items.length > 1 && (
              <button
                type="button"
                class="button-link"
                onClick={() => setItems(items.filter((_, i) => i !== n))}
              >
                {t('safety.removeItem', { n: n + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          class="button button-secondary"
          onClick={() => setItems([...items, { kind: 'other', text: '' }])}
        >
          {t('safety.addItem')}
        </button>
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {t('safety.save')}
      </button>
    </form>
  );
}

export function SafetyPlanSection({ kase }: CaseSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const plan = useAsync(() => loadPlan(kase.id), [kase.id]);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [round, setRound] = useState(0);
  const current = plan.data ?? null;
  return (
    <section aria-labelledby="safety-heading">
      <h2 id="safety-heading">{t('case.section.safetyPlan')}</h2>
      <p class="hint">{t('safety.intro')}</p>
      {plan.loading && plan.data === undefined && <Loading />}
      {plan.error !== undefined && <ErrorNotice error={plan.error} focus={false} />}
      {conflict && (
        <Notice tone="warning" focus title={t('safety.conflictTitle')}>
          <p>{t('safety.conflict')}</p>
        </Notice>
      )}
      {saved && !conflict && (
        <Notice tone="success" focus>
          <p>{t('safety.saved')}</p>
        </Notice>
      )}
      {plan.data === null && <p>{t('safety.none')}</p>}
      {current && (
        <div class="card" id="safety-plan">
          <p class="case-meta">
            <span class={`badge badge-risk-${current.risk_level}`}>
              {t('safety.riskIs', { level: riskLabel(i18n, current.risk_level) })}
            </span>
            {current.review_overdue && <span class="badge badge-overdue">{t('safety.reviewOverdue')}</span>}
          </p>
          <dl class="summary compact">
            {current.items.map((item, n) => (
              <div key={n}>
                <dt>{safetyItemLabel(i18n, item.kind)}</dt>
                <dd class="protected-text">{item.text}</dd>
              </div>
            ))}
            <div>
              <dt>{t('safety.reviewBy')}</dt>
              <dd>{i18n.date(current.review_by)}</dd>
            </div>
            <div>
              <dt>{t('safety.updated')}</dt>
              <dd>{i18n.dateTime(current.updated_at)}</dd>
            </div>
          </dl>
        </div>
      )}
      {plan.data !== undefined && (
        <PlanForm
          key={`${current?.version ?? 0}-${round}`}
          caseId={kase.id}
          plan={current}
          onSaved={(p) => {
            setConflict(false);
            setSaved(true);
            plan.set(p);
          }}
          onConflict={() => {
            setSaved(false);
            setConflict(true);
            setRound((r) => r + 1);
            plan.reload();
          }}
        />
      )}
    </section>
  );
}
