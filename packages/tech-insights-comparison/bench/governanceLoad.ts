// The governance backend's load helper (autocannon in a worker thread), shared with its benches.
// Bench files are not in that package's exports, so this is the one place that reaches into it.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
export type { LoadResult } from '../../../plugins/governance-backend/bench/loadRoutes';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
export {
  percentile,
  runLoad,
} from '../../../plugins/governance-backend/bench/loadRoutes';
