import { PermissionApi } from '@backstage/plugin-permission-react';

type AuthorizeResponse = Awaited<ReturnType<PermissionApi['authorize']>>;
/** An answer that needs no conditions: ALLOW or DENY. */
type DefinitiveResponse = Exclude<AuthorizeResponse, { conditions: unknown }>;

/**
 * A permission API that answers every request with the same decision. usePermission caches
 * decisions per permission for the whole test file, so a file should stick to one decision.
 */
export function mockPermissionApi(
  decision: `${DefinitiveResponse['result']}`,
): jest.Mocked<PermissionApi> {
  const response = { result: decision } as DefinitiveResponse;
  return {
    authorize: jest.fn<
      Promise<AuthorizeResponse>,
      Parameters<PermissionApi['authorize']>
    >(async () => response),
  };
}

/**
 * A permission API that allows exactly the named permissions and denies the rest, for a user
 * who holds some permissions but not others. The same caching caveat applies as for
 * {@link mockPermissionApi}.
 */
export function mockPermissionApiAllowing(
  names: string[],
): jest.Mocked<PermissionApi> {
  return {
    authorize: jest.fn<
      Promise<AuthorizeResponse>,
      Parameters<PermissionApi['authorize']>
    >(
      async request =>
        ({
          result: names.includes(request.permission.name) ? 'ALLOW' : 'DENY',
        } as DefinitiveResponse),
    ),
  };
}
