/** One tab of the Architecture Council page. */
export interface ArchitectureCouncilTab {
  /** Below the page's path, without a leading slash; also names the tab's extension. */
  path: string;
  title: string;
  /** Loads the tab's content on first visit, so the page does not load every tab up front. */
  loader: () => Promise<JSX.Element>;
}

/**
 * The tabs of the Architecture Council page, in order; the first opens by default. Both the
 * legacy page and the new frontend system's sub-pages are built from this list, so a tab added
 * here shows up in either app.
 */
export const architectureCouncilTabs: ArchitectureCouncilTab[] = [
  {
    // First: what waits for the council's decision is what members open the page for.
    path: 'reviews',
    title: 'Review queue',
    loader: () => import('../ReviewQueue').then(m => <m.ReviewQueue />),
  },
  {
    path: 'compliance',
    title: 'Compliance',
    loader: () => import('../ComplianceView').then(m => <m.ComplianceView />),
  },
  {
    path: 'standards',
    title: 'Standards',
    loader: () => import('../StandardsView').then(m => <m.StandardsView />),
  },
  {
    path: 'campaigns',
    title: 'Campaigns',
    loader: () => import('../CampaignsView').then(m => <m.CampaignsView />),
  },
  {
    path: 'stack',
    title: 'Approved stack',
    loader: () =>
      import('../StackTechnologiesView').then(m => <m.StackTechnologiesView />),
  },
  {
    path: 'adrs',
    title: 'ADRs',
    loader: () => import('../AdrIndex').then(m => <m.AdrIndex />),
  },
  {
    path: 'retrospectives',
    title: 'Retrospectives',
    // What retrospectives concluded across the organisation, then the same index narrowed to
    // the ADRs waiting for a retrospective, longest waiting first.
    loader: () =>
      Promise.all([
        import('../RetrospectiveOutcomesView'),
        import('../AdrIndex'),
      ]).then(([outcomes, m]) => (
        <>
          <outcomes.RetrospectiveOutcomesView />
          <m.AdrIndex
            preset={m.RETROSPECTIVES_DUE}
            title="Retrospectives due"
            emptyTitle="No retrospective is due"
            emptyDescription="Accepted ADRs fall due for a retrospective some months after their date, and are overdue a few months later. None is waiting now."
          />
        </>
      )),
  },
  {
    // Last, for platform teams rather than the council: the catalog's own page hides these in raw JSON.
    path: 'catalog-annotations',
    title: 'Catalog annotations',
    loader: () =>
      import('../CatalogAnnotationsView').then(m => (
        <m.CatalogAnnotationsView />
      )),
  },
];
