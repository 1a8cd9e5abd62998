// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The sections of a case page, in the order of its navigation. Each is a
// component given the case; adding one is adding an entry here. Sections
// still to come as their APIs land: referrals, commitments, safety plan,
// hearings, reviews, assessments, timeline (#4).
import type { FunctionComponent } from 'preact';
import type { CaseWithCounts } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { AccessLogSection } from './AccessLogSection';
import { ConsentsSection } from './ConsentsSection';
import { DisclosuresSection } from './DisclosuresSection';
import { InterviewsSection } from './InterviewsSection';
import { OverviewSection } from './OverviewSection';
import { PortalSection } from './PortalSection';
import { StatementSection } from './StatementSection';
import { SurvivorSection } from './SurvivorSection';
import { TeamSection } from './TeamSection';

export interface CaseSectionProps {
  kase: CaseWithCounts;
  // The section changed the case, or learnt a newer version of it.
  onCase: (kase: CaseWithCounts) => void;
}

export interface CaseSection {
  id: string;
  label: MessageKey;
  component: FunctionComponent<CaseSectionProps>;
}

export const kCaseSections: readonly CaseSection[] = [
  { id: 'overview', label: 'case.section.overview', component: OverviewSection },
  { id: 'statement', label: 'case.section.statement', component: StatementSection },
  { id: 'interviews', label: 'case.section.interviews', component: InterviewsSection },
  { id: 'consents', label: 'case.section.consents', component: ConsentsSection },
  { id: 'disclosures', label: 'case.section.disclosures', component: DisclosuresSection },
  { id: 'team', label: 'case.section.team', component: TeamSection },
  { id: 'survivor', label: 'case.section.survivor', component: SurvivorSection },
  { id: 'access-log', label: 'case.section.accessLog', component: AccessLogSection },
  { id: 'portal', label: 'case.section.portal', component: PortalSection },
];
