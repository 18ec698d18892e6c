import {
  Header,
  Page,
  Progress,
  TabbedLayout,
} from '@backstage/core-components';
import { lazy, Suspense } from 'react';
import { architectureCouncilTabs } from './architectureCouncilTabs';

// Created once, outside render, so a tab keeps its state while the page re-renders.
const tabs = architectureCouncilTabs.map(tab => ({
  ...tab,
  Content: lazy(() =>
    tab.loader().then(element => ({ default: () => element })),
  ),
}));

/**
 * The Architecture Council page for apps on the legacy frontend system: what the council
 * oversees across the catalog, one tab per concern.
 *
 * @public
 */
export function ArchitectureCouncilPage() {
  return (
    <Page themeId="tool">
      <Header title="Architecture Council" />
      <TabbedLayout>
        {tabs.map(({ path, title, Content }) => (
          <TabbedLayout.Route key={path} path={`/${path}`} title={title}>
            <Suspense fallback={<Progress />}>
              <Content />
            </Suspense>
          </TabbedLayout.Route>
        ))}
      </TabbedLayout>
    </Page>
  );
}
