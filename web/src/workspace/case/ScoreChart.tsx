// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Domain scores over time, drawn as plain SVG (no chart library): one line
// per domain across the assessments, oldest on the left, the score from 1
// (most vulnerable) to 4 (least) upwards, and the restoration threshold as a
// dashed line. Each domain has its own colour, dash pattern and marker, so
// the lines can be told apart without colour; the table beside it gives the
// same figures to screen readers and to print.
import type { Trend } from '../../api/care';
import { useI18n } from '../../i18n';
import { domainLabel } from '../careLabels';

const kWidth = 640;
const kHeight = 260;
// Room for the first and last dates, centred under their points.
const kPad = { left: 56, right: 56, top: 12, bottom: 34 };
// Colour-blind-safe (Okabe–Ito), dark enough on white.
const kColours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56595c'];
const kDashes = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

function Marker({ kind, x, y, colour }: { kind: number; x: number; y: number; colour: string }) {
  switch (kind % 3) {
    case 0:
      return <circle cx={x} cy={y} r={4} fill={colour} />;
    case 1:
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
    default:
      return <path d={`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`} fill={colour} />;
  }
}

export function ScoreChart({ trend, threshold, min = 1, max = 4 }: {
  trend: Trend;
  threshold: number;
  min?: number;
  max?: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const points = trend.points;
  const plotW = kWidth - kPad.left - kPad.right;
  const plotH = kHeight - kPad.top - kPad.bottom;
  const x = (n: number) => kPad.left + (points.length <= 1 ? plotW / 2 : (plotW * n) / (points.length - 1));
  const y = (score: number) => kPad.top + plotH - ((score - min) / (max - min)) * plotH;
  const ticks: number[] = [];
  for (let s = min; s <= max; s++) ticks.push(s);
  return (
    <figure class="score-chart">
      <svg
        viewBox={`0 0 ${kWidth} ${kHeight}`}
        role="img"
        aria-labelledby="score-chart-title"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="score-chart-title">{t('assessments.chartTitle')}</title>
        {ticks.map((s) => (
          <g key={s}>
            <line x1={kPad.left} x2={kWidth - kPad.right} y1={y(s)} y2={y(s)} class="grid" />
            <text x={kPad.left - 8} y={y(s) + 4} text-anchor="end" class="axis">
              {i18n.number(s)}
            </text>
          </g>
        ))}
        <line
          x1={kPad.left}
          x2={kWidth - kPad.right}
          y1={y(threshold)}
          y2={y(threshold)}
          class="threshold"
          stroke-dasharray="4 4"
        />
        {points.map((p, n) => (
          <text key={p.assessment_id} x={x(n)} y={kHeight - 10} text-anchor="middle" class="axis">
            {i18n.date(p.assessed_on)}
          </text>
        ))}
        {trend.domains.map((d, k) => {
          const colour = kColours[k % kColours.length];
          const at = points
            .map((p, n) => (p.domain_scores[d.key] === undefined ? null : [x(n), y(p.domain_scores[d.key])]))
            .filter((v): v is number[] => v !== null);
          return (
            <g key={d.key} class="series">
              {at.length > 1 && (
                <polyline
                  points={at.map(([px, py]) => `${px},${py}`).join(' ')}
                  fill="none"
                  stroke={colour}
                  stroke-width={2.5}
                  stroke-dasharray={kDashes[k % kDashes.length] || undefined}
                />
              )}
              {at.map(([px, py], n) => (
                <Marker key={n} kind={k} x={px} y={py} colour={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {trend.domains.map((d, k) => (
            <li key={d.key}>
              <svg width="28" height="12" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  x2="28"
                  y1="6"
                  y2="6"
                  stroke={kColours[k % kColours.length]}
                  stroke-width="2.5"
                  stroke-dasharray={kDashes[k % kDashes.length] || undefined}
                />
                <Marker kind={k} x={14} y={6} colour={kColours[k % kColours.length]} />
              </svg>{' '}
              {domainLabel(i18n, d.key, d.label)}
            </li>
          ))}
          <li>
            <svg width="28" height="12" aria-hidden="true" focusable="false">
              <line x1="0" x2="28" y1="6" y2="6" class="threshold" stroke-dasharray="4 4" />
            </svg>{' '}
            {t('assessments.threshold', { score: i18n.number(threshold) })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
