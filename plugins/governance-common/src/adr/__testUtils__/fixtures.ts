import fs from 'fs';
import path from 'path';
import { parseAdr } from '../parseAdr';

export const FIXTURES = path.join(
  __dirname,
  '..',
  '..',
  '__fixtures__',
  'adrs',
);

/** The hand-written ADRs, one per format and per way of going wrong. */
export const fixtureNames = fs
  .readdirSync(FIXTURES)
  .filter(f => f.endsWith('.md'));

export const read = (fileName: string) =>
  fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');

export const parseFixture = (fileName: string) =>
  parseAdr(fileName, read(fileName));

/** The file as a Windows editor saves it: byte order mark and CRLF line endings. */
export const asWindowsFile = (text: string) =>
  `\uFEFF${text.replace(/\n/g, '\r\n')}`;

/** Parses `markdown` as the ADR file `0001-x.md`: for tests about one way of writing it. */
export const parseAdrText = (markdown: string) =>
  parseAdr('0001-x.md', markdown);
