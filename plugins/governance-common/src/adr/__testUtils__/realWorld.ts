import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { parseAdr, ParseAdrOptions } from '../parseAdr';
import { FIXTURES } from './fixtures';

/** Excerpts of public ADRs, one folder per repository (`owner__name`); sources in SOURCES.md. */
export const REAL_WORLD = path.join(FIXTURES, 'real-world');

/**
 * What a council member sees for one file, read by eye from the file (its folder's
 * expected.yaml). A field left out is one the file does not give.
 */
export interface RealWorldExpectation {
  /** Which way of writing the file shows, e.g. "emoji or bold status". */
  kind?: string;
  title: string;
  status?: string;
  statusText?: string;
  date?: string;
  deciders?: string[];
  /** The superseding ADR's link target. */
  supersededBy?: string;
  /**
   * Set for the files picked to show one way of writing a status or a date (issue 17): their
   * whole reading, warnings included, is checked. The others count towards the accuracy.
   */
  warnings?: string[];
}

const repositories = fs
  .readdirSync(REAL_WORLD)
  .filter(dir => fs.statSync(path.join(REAL_WORLD, dir)).isDirectory());

/** Every fixture, as `owner__name/file.md`. */
export const realWorldFiles = repositories.flatMap(dir =>
  fs
    .readdirSync(path.join(REAL_WORLD, dir))
    .filter(file => file.endsWith('.md'))
    .map(file => `${dir}/${file}`),
);

/** Every expectation, by `owner__name/file.md`, in the order the folders list them. */
export const realWorldExpectations: Array<[string, RealWorldExpectation]> =
  repositories.flatMap(dir => {
    const file = path.join(REAL_WORLD, dir, 'expected.yaml');
    if (!fs.existsSync(file)) {
      return [];
    }
    // Failsafe: every value stays text as written, `date: 2018-02-05` and `title: 33 Manager`.
    const entries: Record<string, RealWorldExpectation> =
      parse(fs.readFileSync(file, 'utf8'), { schema: 'failsafe' }) ?? {};
    return Object.entries(entries).map(
      ([name, expectation]) =>
        [`${dir}/${name}`, expectation] as [string, RealWorldExpectation],
    );
  });

export const parseRealWorld = (file: string, options?: ParseAdrOptions) =>
  parseAdr(
    path.basename(file),
    fs.readFileSync(path.join(REAL_WORLD, file), 'utf8'),
    options,
  );
