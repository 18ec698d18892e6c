import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { GovernanceApi, governanceApiRef } from '../api';
import {
  useGovernanceAsync,
  useGovernanceAsyncRetry,
} from './useGovernanceAsync';

function withApi(api: Partial<GovernanceApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[governanceApiRef, api]]}>
      {children}
    </TestApiProvider>
  );
}

const ENTITY = 'component:default/payments';

describe('useGovernanceAsync', () => {
  it('loads through the governance API and loads again when a dependency changes', async () => {
    const getScorecardTrend = jest.fn(
      async (entityRef: string, days: number = 90) => ({
        entityRef,
        days,
        points: [],
      }),
    );
    const { result, rerender } = renderHook(
      ({ days }) =>
        useGovernanceAsync(api => api.getScorecardTrend(ENTITY, days), [days]),
      { initialProps: { days: 30 }, wrapper: withApi({ getScorecardTrend }) },
    );
    await waitFor(() => expect(result.current.value?.days).toBe(30));

    rerender({ days: 7 });
    await waitFor(() => expect(result.current.value?.days).toBe(7));
    expect(getScorecardTrend).toHaveBeenCalledTimes(2);
    expect(getScorecardTrend).toHaveBeenLastCalledWith(ENTITY, 7);
  });

  it('reports why the load failed', async () => {
    const getReviewSettings = jest.fn(async () => {
      throw new Error('backend down');
    });
    const { result } = renderHook(
      () => useGovernanceAsync(api => api.getReviewSettings()),
      { wrapper: withApi({ getReviewSettings }) },
    );
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBeUndefined();
  });
});

describe('useGovernanceAsyncRetry', () => {
  it('loads again on retry', async () => {
    const councils = ['group:default/council', 'group:default/architects'];
    let loads = 0;
    const getReviewSettings = jest.fn(async () => ({
      kinds: [],
      councilGroup: councils[loads++],
    }));
    const { result } = renderHook(
      () => useGovernanceAsyncRetry(api => api.getReviewSettings()),
      { wrapper: withApi({ getReviewSettings }) },
    );
    await waitFor(() =>
      expect(result.current.value?.councilGroup).toBe(councils[0]),
    );

    act(() => result.current.retry());
    await waitFor(() =>
      expect(result.current.value?.councilGroup).toBe(councils[1]),
    );
    expect(getReviewSettings).toHaveBeenCalledTimes(2);
  });
});
