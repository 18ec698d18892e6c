import { PermissionApi } from '@backstage/plugin-permission-react';
import { act, waitFor } from '@testing-library/react';

/**
 * Waits until the page asked for `count` permission decisions and their answers arrived, so a
 * control missing afterwards was refused rather than not decided yet.
 */
export async function permissionsDecided(
  permissionApi: jest.Mocked<PermissionApi>,
  count: number,
) {
  await waitFor(() =>
    expect(permissionApi.authorize).toHaveBeenCalledTimes(count),
  );
  await act(() => new Promise(resolve => setTimeout(resolve, 0)));
}
