// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The sections of a case page, in the order of its navigation. Each is a
// component given the case; adding one is adding an entry here. Sections
// still to come as their APIs land: statement, interviews, consents,
// disclosures (#3); referrals, commitments, safety plan, hearings, reviews,
// assessments, timeline (#4); the access log (#3).
import type { FunctionComponent } from 'preact';
import type { Case } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { OverviewSection } from './OverviewSection';
import { SurvivorSection } from './SurvivorSection';
import { TeamSection } from './TeamSection';

export interface CaseSectionProps {
  kase: Case;
  // The section changed the case, or learnt a newer version of it.
  onCase: (kase: Case) => void;
}

export interface CaseSection {
  id: string;
  label: MessageKey;
  component: FunctionComponent<CaseSectionProps>;
}

export const kCaseSections: readonly CaseSection[] = [
  { id: 'overview', label: 'case.section.overview', component: OverviewSection },
  { id: 'team', label: 'case.section.team', component: TeamSection },
  { id: 'survivor', label: 'case.section.survivor', component: SurvivorSection },
];
