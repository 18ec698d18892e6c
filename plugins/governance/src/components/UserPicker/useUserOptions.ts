import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { entityOption, OPTION_FIELDS } from '../OwnerPicker/entityOptions';
import { ownerLabel, OwnerOption } from '../OwnerPicker/matchOwners';

/** Headings of the user picker's two lists. */
export const COUNCIL_MEMBERS = 'Council members';
export const OTHER_USERS = 'Other users';
/** Why a user off the council cannot be assigned: the backend refuses it (ReviewService). */
export const NOT_ON_THE_COUNCIL = 'not on the council, cannot be assigned';

/**
 * Every user the caller can see, with their display names: the members of the council group
 * (`governance.council.group`, from the review settings) first, then everyone else. When a
 * council is configured only its members can be assigned, so the others are listed, to say why
 * they cannot be picked, but disabled. Without a council every user can be picked.
 */
export function useUserOptions() {
  const catalogApi = useApi(catalogApiRef);
  const governanceApi = useApi(governanceApiRef);
  const presentationApi = useApiHolder().get(entityPresentationApiRef);
  return useAsync(async (): Promise<OwnerOption[]> => {
    const [settings, { items }] = await Promise.all([
      // Without the settings the list is still useful: the backend checks membership anyway.
      governanceApi.getReviewSettings().catch(() => undefined),
      catalogApi.getEntities({
        filter: { kind: 'user' },
        fields: [...OPTION_FIELDS, 'relations'],
      }),
    ]);
    const council = settings?.councilGroup?.toLocaleLowerCase('en-US');
    const byLabel = (a: OwnerOption, b: OwnerOption) =>
      ownerLabel(a).localeCompare(ownerLabel(b), 'en-US');
    const members: OwnerOption[] = [];
    const others: OwnerOption[] = [];
    for (const entity of items) {
      const option = entityOption(
        stringifyEntityRef(entity),
        entity,
        presentationApi,
      );
      if (!option) {
        continue;
      }
      const isMember = (entity.relations ?? []).some(
        r => r.type === RELATION_MEMBER_OF && r.targetRef === council,
      );
      if (!council) {
        others.push(option);
      } else if (isMember) {
        members.push({ ...option, group: COUNCIL_MEMBERS });
      } else {
        others.push({
          ...option,
          group: OTHER_USERS,
          disabledReason: NOT_ON_THE_COUNCIL,
        });
      }
    }
    return [...members.sort(byLabel), ...others.sort(byLabel)];
  }, [catalogApi, governanceApi, presentationApi]);
}
