// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </Page>
  );
}
