import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  GovernanceApiSchemas,
  RadarRing,
  StackCategory,
} from '@catalog-governance/backstage-plugin-governance-common';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { StackStore } from '../database/StackStore';
import { StackRadar } from './StackRadar';

type StackTechnologyList = GovernanceApiSchemas['StackTechnologyList'];
type Usage = StackTechnologyList['items'][number];

/** Worst first: what the council acts on comes first. */
const ORDER: Array<RadarRing | 'unlisted'> = [
  'hold',
  'unlisted',
  'assess',
  'trial',
  'adopt',
];

/**
 * The council's view of the approved stack: each technology on the radar or in use, with its
 * ring and how many entities the caller may see use it.
 *
 * @internal
 */
export class StackTechnologiesService {
  constructor(
    private readonly deps: {
      radar: Pick<StackRadar, 'current' | 'configured'>;
      store: Pick<
        StackStore,
        'listTechnologyUsage' | 'listEntityRefsWithTechnologies'
      >;
      visibility: Pick<CatalogVisibility, 'hiddenFrom'>;
    },
  ) {}

  async list(credentials: BackstageCredentials): Promise<StackTechnologyList> {
    const { radar, store, visibility } = this.deps;
    const [stored, hidden] = await Promise.all([
      radar.current(),
      visibility.hiddenFrom(credentials, () =>
        store.listEntityRefsWithTechnologies(),
      ),
    ]);
    const usage = await store.listTechnologyUsage(hidden);
    const byName = new Map<string, Usage>();
    for (const t of stored?.technologies ?? []) {
      byName.set(t.name, {
        technology: t.name,
        title: t.title,
        ring: t.ring,
        ...(t.quadrant && { quadrant: t.quadrant }),
        onRadar: true,
        categories: [],
        entities: 0,
        clearedByAdr: 0,
      });
    }
    // An entity may name a radar entry by its key or title: count it under the entry.
    const alias = new Map<string, string>();
    for (const t of stored?.technologies ?? []) {
      for (const a of t.aliases) alias.set(a, t.name);
    }
    for (const u of usage) {
      const name = alias.get(u.technology) ?? u.technology;
      const item = byName.get(name) ?? {
        technology: name,
        title: name,
        onRadar: false,
        categories: [] as StackCategory[],
        entities: 0,
        clearedByAdr: 0,
      };
      if (!item.categories.includes(u.category)) {
        item.categories.push(u.category);
      }
      item.entities += u.entities;
      item.clearedByAdr += u.clearedByAdr;
      byName.set(name, item);
    }
    const rank = (i: Usage) => ORDER.indexOf(i.ring ?? 'unlisted');
    const items = [...byName.values()].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.entities - a.entities ||
        a.technology.localeCompare(b.technology),
    );
    return {
      radar: {
        configured: radar.configured,
        ...(stored && { source: stored.source }),
        ...(stored?.readAt && { readAt: stored.readAt }),
        ...(stored?.error && { error: stored.error }),
        problems: stored?.problems ?? [],
      },
      items,
    };
  }
}
