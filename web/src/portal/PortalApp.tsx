// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal's shell. Quick exit is on every portal page.
// TODO(#5): invites, activation, sign-in and the survivor's own record, once
// the portal API exists.
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Page } from '../components/Page';
import { QuickExit } from '../components/QuickExit';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n';

export function PortalApp({ onLocale }: { onLocale: (locale: Locale) => void }) {
  const { t } = useI18n();
  return (
    <div class="portal">
      <QuickExit />
      <header class="portal-header">
        <span class="brand">onestory</span>
        <LanguageSwitcher onChange={onLocale} />
      </header>
      <main id="main" class="container" tabIndex={-1}>
        <Page title={t('portal.title')}>
          <p class="lede">{t('portal.intro')}</p>
          <p>{t('portal.notYet')}</p>
          <p>{t('portal.quickExitExplained')}</p>
        </Page>
      </main>
    </div>
  );
}
