import {
  EntityTechnology,
  StackTechnology,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

/**
 * The radar as last read, or the reason the last attempt failed.
 *
 * @internal
 */
export interface StoredRadar {
  source: 'url' | 'file' | 'config';
  technologies: StackTechnology[];
  /** Radar entries that could not be placed, by what was wrong with each. */
  problems: string[];
  /** When the radar was last read; absent when it never was. */
  readAt?: string;
  /** Why the last attempt failed, when it did; the last good technologies stay. */
  error?: string;
  attemptedAt: string;
}

/**
 * How many visible entities use one technology, in one category.
 *
 * @internal
 */
export interface TechnologyUsage {
  technology: string;
  category: EntityTechnology['category'];
  entities: number;
  /** Entities whose use of a technology not on the radar an accepted ADR accepts. */
  clearedByAdr: number;
}

/**
 * A technology not on the radar that an entity uses and no accepted ADR names: a stack
 * exception for the council.
 *
 * @internal
 */
export interface StackException {
  entityRef: string;
  category: EntityTechnology['category'];
  technology: string;
}

/**
 * The approved stack's storage: the radar, and each evaluated entity's technologies.
 *
 * @internal
 */
export interface StackStore {
  getRadar(): Promise<StoredRadar | undefined>;
  /** Stores a radar that was read. */
  storeRadar(
    radar: Pick<StoredRadar, 'source' | 'technologies' | 'problems'>,
    now: Date,
  ): Promise<void>;
  /** Records that reading the radar failed; the last good radar stays. */
  storeRadarError(
    source: StoredRadar['source'],
    error: string,
    now: Date,
  ): Promise<void>;
  /** The stored technologies of each given entity that has any. */
  listEntityTechnologies(
    entityRefs: string[],
  ): Promise<Map<string, EntityTechnology[]>>;
  /** Replaces the technologies of each given entity (an empty list clears them). */
  replaceEntityTechnologies(
    entities: Array<{ entityRef: string; technologies: EntityTechnology[] }>,
  ): Promise<void>;
  /** Removes the technologies of every entity not in `keep` (they left or lost their tier). */
  removeEntityTechnologiesExcept(keep: ReadonlySet<string>): Promise<number>;
  /** How many of the entities not hidden use each technology. */
  listTechnologyUsage(hidden: HiddenEntities): Promise<TechnologyUsage[]>;
  /** The entities that use each technology, for resolving conditional catalog decisions. */
  listEntityRefsWithTechnologies(): Promise<string[]>;
  listStackExceptions(): Promise<StackException[]>;
}
