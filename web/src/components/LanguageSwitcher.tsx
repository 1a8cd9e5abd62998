// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
import { kLocaleNames, kLocales, useI18n, type Locale } from '../i18n';

export function LanguageSwitcher({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useI18n();
  return (
    <div class="language">
      <label for="language-select">{t('common.language')}</label>
      <select
        id="language-select"
        value={locale}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Locale)}
      >
        {kLocales.map((l) => (
          <option key={l} value={l} lang={l}>
            {kLocaleNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
