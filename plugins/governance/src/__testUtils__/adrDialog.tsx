import { AdrImpact } from '@catalog-governance/backstage-plugin-governance-common';
import { BoundFunctions, queries } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GovernanceApi } from '../api';
import { AdrDialog } from '../components/AdrDialog';
import { annotatedEntity } from './entities';
import { mockPermissionApi } from './permissions';
import { renderForEntity } from './renderForEntity';
import { enter } from './userInput';

/** Answers the impact of any ADR with these measurements around its date, 2025-04-14. */
export function impactOf(
  checks: AdrImpact['checks'],
  metrics: AdrImpact['metrics'] = [],
) {
  return async (adrId: string, weeks?: number): Promise<AdrImpact> => ({
    adrId,
    date: '2025-04-14',
    weeks: weeks ?? 4,
    windowDays: weeks ? weeks * 7 : 30,
    entityRefs: ['component:default/payments-api'],
    metrics,
    checks,
  });
}

/** No measurements unless a test gives some, so the dialog renders without an impact table. */
export const noImpact = impactOf([]);

/**
 * Renders the ADR dialog on {@link annotatedEntity}'s page for a user allowed everything:
 * usePermission caches the decision for the whole file, so the refusal is tested in
 * AdrRetrospectiveSection.test.tsx.
 */
export async function renderAdrDialog(
  api: GovernanceApi,
  adrId = 'adr-payments-0003',
) {
  const onClose = jest.fn();
  const onChanged = jest.fn();
  await renderForEntity(
    <AdrDialog adrId={adrId} onClose={onClose} onChanged={onChanged} />,
    { entity: annotatedEntity, api, permissionApi: mockPermissionApi('ALLOW') },
  );
  return { onClose, onChanged };
}

/**
 * Fills in the retrospective form in `form` (the form, or the page it is on) as a user does,
 * only the fields given, then saves it.
 */
export async function saveRetrospective(
  form: Pick<BoundFunctions<typeof queries>, 'getByRole'>,
  fields: { outcome?: string; notes?: string; lessons?: string },
) {
  if (fields.outcome) {
    await userEvent.selectOptions(
      form.getByRole('combobox', { name: /^Outcome/ }),
      fields.outcome,
    );
  }
  if (fields.notes) {
    await enter(form.getByRole('textbox', { name: /^Notes/ }), fields.notes);
  }
  if (fields.lessons) {
    await enter(
      form.getByRole('textbox', { name: /^Lessons/ }),
      fields.lessons,
    );
  }
  await userEvent.click(
    form.getByRole('button', { name: 'Save retrospective' }),
  );
}

/** jsdom makes no object URLs; the dialog's images get `blob:adr/1`, `blob:adr/2`, … */
export function mockObjectUrls() {
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  beforeEach(() => {
    let n = 0;
    URL.createObjectURL = jest.fn(() => `blob:adr/${++n}`);
    URL.revokeObjectURL = jest.fn();
  });
  afterEach(() => {
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
  });
}
