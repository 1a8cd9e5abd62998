// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Words for the API's enumerations, from the catalogue.
import type { CaseRole, CaseStatus, Gender, ReadPurpose, Role, Stage, AgencyKind } from '../api/types';
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
