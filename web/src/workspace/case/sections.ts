// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The sections of a case page, in the order of its navigation. Each is a
// component given the case; adding one is adding an entry here. Not yet
// shown: incidents (their API exists).
import type { FunctionComponent } from 'preact';
import type { CaseWithCounts } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { AccessLogSection } from './AccessLogSection';
import { AssessmentsSection } from './AssessmentsSection';
import { CommitmentsSection } from './CommitmentsSection';
import { ConsentsSection } from './ConsentsSection';
import { DisclosuresSection } from './DisclosuresSection';
import { HearingsSection } from './HearingsSection';
import { InterviewsSection } from './InterviewsSection';
import { OverviewSection } from './OverviewSection';
import { PortalSection } from './PortalSection';
import { ReferralsSection } from './ReferralsSection';
import { ReviewsSection } from './ReviewsSection';
import { SafetyPlanSection } from './SafetyPlanSection';
import { StatementSection } from './StatementSection';
import { SurvivorSection } from './SurvivorSection';
import { TeamSection } from './TeamSection';
import { TimelineSection } from './TimelineSection';

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
  { id: 'referrals', label: 'case.section.referrals', component: ReferralsSection },
  { id: 'commitments', label: 'case.section.commitments', component: CommitmentsSection },
  { id: 'safety-plan', label: 'case.section.safetyPlan', component: SafetyPlanSection },
  { id: 'hearings', label: 'case.section.hearings', component: HearingsSection },
  { id: 'reviews', label: 'case.section.reviews', component: ReviewsSection },
  { id: 'assessments', label: 'case.section.assessments', component: AssessmentsSection },
  { id: 'timeline', label: 'case.section.timeline', component: TimelineSection },
  { id: 'team', label: 'case.section.team', component: TeamSection },
  { id: 'survivor', label: 'case.section.survivor', component: SurvivorSection },
  { id: 'access-log', label: 'case.section.accessLog', component: AccessLogSection },
  { id: 'portal', label: 'case.section.portal', component: PortalSection },
];
