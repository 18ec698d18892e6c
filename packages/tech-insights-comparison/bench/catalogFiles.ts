/*
 * The synthetic catalog of the governance benches as catalog-info YAML files, for Backstage's
 * real catalog backend to ingest through `file` locations.
 */
import { Entity } from '@backstage/catalog-model';
import { entities } from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** Entities per file: one `file` location each, so the catalog reads them in parallel. */
const PER_FILE = 1_000;
const TEAMS = 40;
const DOMAINS = 10;

/** The teams and domains the synthetic systems and services name. */
function groupsAndDomains(): Entity[] {
  return [
    ...Array.from({ length: TEAMS }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${i}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    })),
    ...Array.from({ length: DOMAINS }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: `domain-${i}`, namespace: 'default' },
      spec: { owner: `team-${i % TEAMS}` },
    })),
  ];
}

/**
 * Writes `n` governed services with their systems, teams and domains into YAML files of `dir`, a
 * new temporary folder unless given (a kept catalog's locations must keep their paths).
 *
 * @returns The files, each to be a `file` location, how many entities they hold, and a hash of
 *   their content that tells whether a kept catalog came from the same generator
 */
export function writeCatalogFiles(
  n: number,
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-real-catalog-')),
): {
  dir: string;
  files: string[];
  count: number;
  generator: string;
} {
  fs.mkdirSync(dir, { recursive: true });
  const all = [...groupsAndDomains(), ...entities(n)];
  const files: string[] = [];
  const hash = createHash('sha256');
  for (let i = 0; i < all.length; i += PER_FILE) {
    const file = path.join(dir, `catalog-${files.length}.yaml`);
    const yaml = all
      .slice(i, i + PER_FILE)
      .map(e => stringify(e))
      .join('---\n');
    fs.writeFileSync(file, yaml);
    hash.update(yaml);
    files.push(file);
  }
  return { dir, files, count: all.length, generator: hash.digest('hex') };
}

/** The kinds the files hold, for the catalog's rules and for counting what it ingested. */
export const CATALOG_KINDS = ['Component', 'System', 'Group', 'Domain'];
