import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { GovernanceApi, governanceApiRef } from '../api';
import { adrHeading } from '../components/AdrDialog';

// One lookup per ADR and API while the page lives: a list links the same ADR many times.
const headings = new WeakMap<GovernanceApi, Map<string, Promise<string>>>();

function headingOf(api: GovernanceApi, id: string): Promise<string> {
  let known = headings.get(api);
  if (!known) {
    known = new Map();
    headings.set(api, known);
  }
  let heading = known.get(id);
  if (!heading) {
    heading = api.getAdr(id).then(adrHeading);
    // A failed lookup is tried again next time: the ADR may be readable then.
    heading.catch(() => known!.delete(id));
    known.set(id, heading);
  }
  return heading;
}

/** Whether a linked ADR is a web address rather than an id of the ADR index. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * How people cite a linked ADR, `ADR 2: Use PostgreSQL`, from its id in the ADR index; undefined
 * for a URL, while it loads, and when the index does not know it (it may be gone).
 */
export function useAdrHeading(adr: string | undefined): string | undefined {
  const governanceApi = useApi(governanceApiRef);
  const { value } = useAsync(async () => {
    if (!adr || isWebUrl(adr)) {
      return undefined;
    }
    return headingOf(governanceApi, adr).catch(() => undefined);
  }, [governanceApi, adr]);
  return value;
}
