import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({
  id: 'governance',
});

export const architectureCouncilRouteRef = createRouteRef({
  id: 'governance:architecture-council',
});
