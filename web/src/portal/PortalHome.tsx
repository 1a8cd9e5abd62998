// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The signed-in portal: a welcome with the people working with the survivor,
// and the parts of their own record, one screen at a time, changed in place.
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import * as portal from '../api/portal';
import { ErrorNotice, Loading } from '../components/messages';
import { useAsync } from '../components/useAsync';
import { useI18n, type MessageKey } from '../i18n';
import { caseRoleLabel } from '../workspace/labels';
import type { CaseRole } from '../api/types';
import { HearingsScreen, PromisesScreen } from './careScreens';
import { PortalPage } from './PortalPage';
import { AccessLogScreen, ConsentsScreen, InterviewsScreen, StatementScreen, StoryScreen } from './screens';

export interface ScreenProps {
  survivor: portal.PortalSurvivor;
  go: (screen: ScreenId) => void;
}

export type ScreenId = 'home' | 'story' | 'consents' | 'statement' | 'interviews' | 'hearings' | 'promises' | 'log';

interface Screen {
  id: Exclude<ScreenId, 'home'>;
  title: MessageKey;
  summary: MessageKey;
  component: FunctionComponent<ScreenProps>;
}

const kScreens: readonly Screen[] = [
  { id: 'story', title: 'portal.story.title', summary: 'portal.story.summary', component: StoryScreen },
  { id: 'consents', title: 'portal.consents.title', summary: 'portal.consents.summary', component: ConsentsScreen },
  { id: 'statement', title: 'portal.statement.title', summary: 'portal.statement.summary', component: StatementScreen },
  { id: 'interviews', title: 'portal.interviews.title', summary: 'portal.interviews.summary', component: InterviewsScreen },
  { id: 'hearings', title: 'portal.hearings.title', summary: 'portal.hearings.summary', component: HearingsScreen },
  { id: 'promises', title: 'portal.promises.title', summary: 'portal.promises.summary', component: PromisesScreen },
  { id: 'log', title: 'portal.log.title', summary: 'portal.log.summary', component: AccessLogScreen },
];

function Home({ survivor, go }: ScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useAsync(portal.me, []);
  return (
    <PortalPage title={t('portal.home.title', { name: survivor.code_name })}>
      <p class="lede">{t('portal.home.intro')}</p>
      {me.loading && <Loading />}
      {me.error !== undefined && <ErrorNotice error={me.error} focus={false} />}
      {me.data && me.data.team.length > 0 && (
        <div class="card">
          <h2>{t('portal.home.team')}</h2>
          <ul class="plain">
            {me.data.team.map((m) => (
              <li key={m.display_name}>
                <strong>{m.display_name}</strong> ·{' '}
                {i18n.has(`caseRole.${m.case_role}`) ? caseRoleLabel(i18n, m.case_role as CaseRole) : m.case_role}
                {m.agency_name && `, ${m.agency_name}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="portal-menu">
        {kScreens.map((s) => (
          <li key={s.id}>
            <button type="button" class="portal-menu-item" onClick={() => go(s.id)}>
              <span class="portal-menu-title">{t(s.title)}</span>
              <span class="portal-menu-summary">{t(s.summary)}</span>
            </button>
          </li>
        ))}
      </ul>
    </PortalPage>
  );
}

export function PortalHome({ survivor }: { survivor: portal.PortalSurvivor }) {
  const { t } = useI18n();
  const [screen, setScreen] = useState<ScreenId>('home');
  const go = (next: ScreenId) => {
    setScreen(next);
    window.scrollTo(0, 0);
  };
  const current = kScreens.find((s) => s.id === screen);
  const Component = current?.component ?? Home;
  return (
    <>
      <nav class="portal-nav" aria-label={t('portal.nav')}>
        <ul>
          <li>
            <button type="button" class="button-link" aria-current={screen === 'home' ? 'page' : undefined} onClick={() => go('home')}>
              {t('portal.home.link')}
            </button>
          </li>
          {kScreens.map((s) => (
            <li key={s.id}>
              <button type="button" class="button-link" aria-current={screen === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
                {t(s.title)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <Component survivor={survivor} go={go} />
    </>
  );
}
