// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Words for the API's enumerations, from the catalogue.
import type {
  AgencyKind,
  CaseRole,
  CaseStatus,
  Category,
  Children,
  ConsentStatus,
  Gender,
  GivenAs,
  InterviewerGender,
  ReadPurpose,
  ReviewStatus,
  Role,
  Sensitivity,
  Stage,
  Topic,
  VenueFeature,
} from '../api/types';
import type { I18n } from '../i18n';

export const stageLabel = (i18n: I18n, s: Stage) => i18n.t(`stage.${s}`);
export const statusLabel = (i18n: I18n, s: CaseStatus) => i18n.t(`status.${s}`);
export const genderLabel = (i18n: I18n, g: Gender) => i18n.t(`gender.${g}`);
export const caseRoleLabel = (i18n: I18n, r: CaseRole) => i18n.t(`caseRole.${r}`);
export const roleLabel = (i18n: I18n, r: Role) => i18n.t(`role.${r}`);
export const purposeLabel = (i18n: I18n, p: ReadPurpose) => i18n.t(`purpose.${p}`);
export const agencyKindLabel = (i18n: I18n, k: AgencyKind) => i18n.t(`agencyKind.${k}`);
export const exploitationLabel = (i18n: I18n, e: string) => {
  const key = `exploitation.${e}`;
  return i18n.has(key) ? i18n.t(key) : e;
};
export const topicLabel = (i18n: I18n, x: Topic) => i18n.t(`topic.${x}`);
export const categoryLabel = (i18n: I18n, x: Category) => i18n.t(`category.${x}`);
export const reviewLabel = (i18n: I18n, x: ReviewStatus) => i18n.t(`review.${x}`);
export const consentStatusLabel = (i18n: I18n, x: ConsentStatus) => i18n.t(`consentStatus.${x}`);
export const givenAsLabel = (i18n: I18n, x: GivenAs) => i18n.t(`givenAs.${x}`);
export const sensitivityLabel = (i18n: I18n, x: Sensitivity) => i18n.t(`sensitivity.${x}`);
export const featureLabel = (i18n: I18n, x: VenueFeature) => i18n.t(`venueFeature.${x}`);
export const childrenLabel = (i18n: I18n, x: Children) => i18n.t(`children.${x}`);
export const interviewerGenderLabel = (i18n: I18n, x: InterviewerGender) => i18n.t(`interviewerGender.${x}`);
// Topics in words, as one list ("recruitment, transport and escape").
export const topicsInWords = (i18n: I18n, xs: readonly Topic[]) => i18n.list(xs.map((x) => topicLabel(i18n, x)));
export const categoriesInWords = (i18n: I18n, xs: readonly Category[]) =>
  i18n.list(xs.map((x) => categoryLabel(i18n, x)));
