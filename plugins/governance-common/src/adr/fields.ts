import {
  collapseSpaces,
  dedupe,
  isDefined,
  stripHtmlComments,
  trimChars,
} from './text';

type FieldName = 'status' | 'date' | 'deciders' | 'scope';

/**
 * The fields MADR 2 lists under the title (and Nygard's `Date:` line), by key as written. A file
 * can have several date lines ("Created:", then "Last Updated:"); the latest date is the ADR's.
 */
const FIELD_KEYS = new Map<string, FieldName>([
  ['status', 'status'],
  ['date', 'date'],
  ['decision date', 'date'],
  ['date decided', 'date'],
  ['created', 'date'],
  ['date started', 'date'],
  ['updated', 'date'],
  ['last update', 'date'],
  ['last updated', 'date'],
  ['last modified', 'date'],
  ['revised', 'date'],
  ['date revised', 'date'],
  ['deciders', 'deciders'],
  ['decision-makers', 'deciders'],
  ['decision makers', 'deciders'],
  ['scope', 'scope'],
  ['decision-scope', 'scope'],
]);

// Indented too: MkDocs admonitions (`!!! info`) indent the fields they hold by four spaces.
const FIELD_LINE = /^[ \t]{0,8}(?:([*+-])[ \t]+)?([^:\n]{1,40}):(.*)$/;
/** `| Status | Date |` or `| Status | Accepted |`: a Markdown table row. */
const TABLE_ROW_START = /^ {0,3}\|/;
const TABLE_RULE = /^[\s|:]*-[\s|:-]*$/;

/** Fields read from lines of Markdown: MADR 2's list under the title, Nygard's date line. */
export interface Fields {
  status?: string;
  /** Every date line, in the order written. */
  dates: string[];
  deciders?: string;
  scope?: string;
  /** True when a field was written as a list item (`* Status: accepted`): MADR 2. */
  bulleted: boolean;
}

/**
 * The cells of a Markdown table row without emphasis and comments; undefined for a line that is
 * no row, and an empty list for the rule under the header (`| --- | --- |`).
 */
export function tableCells(line: string): string[] | undefined {
  const start = TABLE_ROW_START.exec(line);
  if (!start) {
    return undefined;
  }
  // The closing pipe is optional, as in GitHub's tables: `| Date | 11-April-2023`.
  let inner = line.slice(start[0].length).trimEnd();
  if (inner.endsWith('|')) {
    inner = inner.slice(0, -1);
  } else if (!inner.includes('|')) {
    return undefined;
  }
  if (TABLE_RULE.test(inner)) {
    return [];
  }
  return inner
    .split('|')
    .map(cell => stripHtmlComments(trimChars(cell, '*_ \t')));
}

/**
 * The fields written in `lines[from..to)` as `Key: value` lines, list items or tables. With
 * `tables` false, tables are skipped: further down the file they are tables of revisions.
 */
export function readFields(
  lines: string[],
  inFence: boolean[],
  from: number,
  to: number,
  tables = true,
): Fields {
  const fields: Fields = { dates: [], bulleted: false };
  const set = (field: FieldName, value: string) => {
    if (field === 'date') {
      fields.dates.push(value);
    } else if (fields[field] === undefined) {
      fields[field] = value;
    }
  };
  // A table under the title: `| Status | Date |` over `| Proposed | 2025-01-07 |`, or rows of
  // `| Status | Draft |`.
  let header: Array<FieldName | undefined> | undefined;
  let headerUsed = false;
  for (let i = from; i < to; i++) {
    if (inFence[i]) {
      header = undefined;
      continue;
    }
    const cells = tableCells(lines[i]);
    if (cells) {
      if (!tables || cells.length === 0) {
        continue;
      }
      if (!header) {
        header = cells.map(cell => FIELD_KEYS.get(fieldKey(cell)));
        if (header[0] && !header[1] && cells.length === 2 && cells[1]) {
          // `| Date | 2025-12-04 |` over the rule is the first key and its value, not a header.
          set(header[0], cells[1]);
          header = [];
        }
        continue;
      }
      if (header.some(isDefined) && !headerUsed) {
        headerUsed = true;
        header.forEach((field, column) => {
          if (field && cells[column]) {
            set(field, cells[column]);
          }
        });
        continue;
      }
      const field = FIELD_KEYS.get(fieldKey(cells[0] ?? ''));
      if (field && cells[1]) {
        set(field, cells[1]);
      }
      continue;
    }
    header = undefined;
    headerUsed = false;
    for (const { field, value, bulleted } of fieldsOnLine(lines[i])) {
      set(field, value);
      if (bulleted && field !== 'scope') {
        fields.bulleted = true;
      }
    }
  }
  return fields;
}

/**
 * The fields on one line: `Status: accepted`, `* Date: 2020-01-01`, or several joined by pipes,
 * `**Status:** Accepted | **Date:** 2025-02-17 | **Review:** 2026-02-17`.
 */
function fieldsOnLine(
  line: string,
): Array<{ field: FieldName; value: string; bulleted: boolean }> {
  const found = [];
  for (const match of fieldMatches(line)) {
    const field = FIELD_KEYS.get(fieldKey(match[2]));
    if (field) {
      found.push({
        field,
        value: stripHtmlComments(trimChars(match[3], '*_ \t')),
        bulleted: match[1] !== undefined,
      });
    }
  }
  return found;
}

/** A field's key as written ("**Last Updated**") as it is looked up ("last updated"). */
export function fieldKey(written: string): string {
  return collapseSpaces(written.replace(/[*_:]/g, '')).toLowerCase();
}

/** Deciders written as a list, or as one line joined with commas and "and". */
export function readNames(value: string | string[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names = items
    .flatMap(item => collapseSpaces(item).split(/[,;&]| and /i))
    .map(name => name.trim())
    // Template placeholders such as "{list everyone involved in the decision}".
    .filter(name => name !== '' && !/^\{.*\}$|^\[[^\]]*\]$/.test(name));
  return dedupe(names, name => name);
}

/** "Platform Selection" as the scope's key, `platform-selection`. */
export function normaliseScope(value: string | undefined): string | undefined {
  const scope = trimChars(
    (value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    '-',
  );
  return scope || undefined;
}

/** Pipes join fields only when every part is `Key: value`; otherwise they are the value's. */
function fieldMatches(line: string): RegExpExecArray[] {
  if (line.includes('|')) {
    const parts = line.split('|');
    const matches: RegExpExecArray[] = [];
    for (const part of parts) {
      const match = FIELD_LINE.exec(part);
      if (!match) {
        break;
      }
      matches.push(match);
    }
    if (matches.length === parts.length) {
      return matches;
    }
  }
  const match = FIELD_LINE.exec(line);
  return match ? [match] : [];
}
