import { ADR_STATUSES, AdrDateOrder, AdrStatus, ParsedAdr } from '../adrs';
import { AdrLink } from '../schema';
import { latestDate } from './dates';
import { Fields, normaliseScope, readFields, readNames } from './fields';
import { frontMatterText, readFrontMatter } from './frontMatter';
import { frontMatterLinks, linksIn, sectionLinks } from './links';
import { outline, paragraphs, plainHeading, sectionEnd } from './sections';
import {
  latestRevision,
  latestStatusEntry,
  readStatus,
  statusAdmonition,
} from './status';
import { dedupe, nonBlank, quote } from './text';
import { fallbackTitle, readTitle } from './title';

// Every pattern the readers use is anchored or bounded so that no input, however long or odd,
// makes a regular expression backtrack over a line more than a constant number of times: the
// parser runs on every ADR file of every entity, in the ingestion job and in the browser.

const STATUS_LIST = ADR_STATUSES.join(', ');

/**
 * How {@link parseAdr} reads what can be read more than one way.
 *
 * @public
 */
export interface ParseAdrOptions {
  /**
   * How a date whose day and month can swap places (`05/02/2018`) is read: `day-first` (the
   * default) or `month-first`. Such a date always comes with a warning.
   */
  dateOrder?: AdrDateOrder;
}

/**
 * Reads one ADR file written in MADR (version 2's list under the title, versions 3 and 4's YAML
 * front matter) or Michael Nygard's format (a `## Status` section): its number, title, status
 * (with the superseding ADR), date, deciders, links to other ADRs and decision scope.
 *
 * It reads statuses and dates as people write them: decorated (`✅ Accepted`, `**ACCEPTED**`),
 * in words outside the vocabulary (`Approved`, `Pending`, `On hold`, kept in `statusText`), as a
 * history whose latest entry wins, in a table under the title, a Docusaurus admonition
 * (`:::note Superseded`) or a `[superseded]` tag in the title; dates as `2018-02-05`,
 * `05/02/2018`, `December 1, 2021` or `2022-05-02 (last update)`, a later date line revising an
 * earlier one. A template placeholder (`{proposed | accepted}`) is no status, and a date that can
 * be read two ways is read in `options.dateOrder`; both come with a warning.
 *
 * It never throws: a file it cannot fully read still gives a result, titled by its file name
 * when it has no title, with one warning per thing that was missing or unreadable saying what
 * is expected instead. It reads no files and uses no node or browser APIs.
 *
 * @param fileName - The file's name or path, e.g. `0007-use-kafka.md`; its leading digits are
 *   the ADR's number.
 * @param content - The file's text. A byte order mark and CRLF line endings are accepted.
 * @param options - How to read what can be read more than one way.
 * @public
 */
export function parseAdr(
  fileName: string,
  content: string,
  options: ParseAdrOptions = {},
): ParsedAdr {
  const name = typeof fileName === 'string' ? fileName : '';
  const text = typeof content === 'string' ? content : '';
  const dateOrder: AdrDateOrder =
    options?.dateOrder === 'month-first' ? 'month-first' : 'day-first';
  try {
    return parse(name, text, dateOrder);
  } catch (error) {
    // Not expected to happen (the tests feed it arbitrary input); if it does, the file is still
    // listed rather than breaking the whole list.
    return {
      title: fallbackTitle(name),
      deciders: [],
      links: [],
      format: 'unknown',
      warnings: [
        `the file could not be read as an ADR (${
          error instanceof Error ? error.message : 'unexpected error'
        }); it is listed by its file name only`,
      ],
      body: text,
    };
  }
}

function parse(
  fileName: string,
  content: string,
  dateOrder: AdrDateOrder,
): ParsedAdr {
  const warnings: string[] = [];
  const allLines = (
    content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  ).split(/\r\n|\r|\n/);

  const frontMatter = readFrontMatter(allLines, warnings);
  const lines = allLines.slice(frontMatter.bodyStart);
  const fm = frontMatter.values;
  const sections = outline(lines);
  const { headings, inFence } = sections;

  const titleHeading = headings.find(h => h.level === 1 && h.text !== '');
  const preambleStart = titleHeading ? titleHeading.line + 1 : 0;
  const preambleEnd =
    headings.find(h => h.line >= preambleStart)?.line ?? lines.length;
  const fields = readFields(lines, inFence, preambleStart, preambleEnd);

  const statusHeading = headings.find(
    h => h.level >= 2 && plainHeading(h.text) === 'status',
  );
  const statusParagraphs = statusHeading
    ? paragraphs(
        lines,
        inFence,
        statusHeading.line + 1,
        sectionEnd(sections, statusHeading, lines.length),
      )
    : [];
  const admonition = statusAdmonition(lines, inFence);

  const heading = readTitle(
    titleHeading?.text ?? frontMatterText(fm, 'title') ?? '',
    fileName,
  );
  let title = heading.title;
  if (!title) {
    warnings.push(
      "no title: expected a first-level heading such as '# Use PostgreSQL for orders'; the file name is shown instead",
    );
    title = fallbackTitle(fileName);
  }

  // Status: the front matter, else a "Status:" line or table under the title, else the Status
  // section wherever it is, else an admonition, a tag in the title or a "Status:" line further
  // down. The first one written wins; within a section, the latest entry of a history.
  const links: AdrLink[] = [];
  let statusSource = nonBlank(frontMatterText(fm, 'status') ?? fields.status);
  if (statusSource !== undefined) {
    links.push(...linksIn(statusSource));
  }
  for (const paragraph of [
    ...statusParagraphs,
    ...(admonition?.paragraphs ?? []),
  ]) {
    links.push(...linksIn(paragraph));
  }
  let bodyFields: Fields | undefined;
  // Tables further down are read as tables of revisions, whose latest entry counts.
  const laterFields = () =>
    (bodyFields ??= readFields(
      lines,
      inFence,
      preambleEnd,
      lines.length,
      false,
    ));
  if (statusSource === undefined && statusParagraphs.length > 0) {
    statusSource = latestStatusEntry(statusParagraphs);
  }
  const revision = latestRevision(lines, inFence, dateOrder);
  statusSource ??=
    admonition?.title ??
    heading.statusTag ??
    revision?.status ??
    laterFields().status;
  const { status, statusText, placeholder } = readStatus(statusSource ?? '');
  const statusWarning = warningAboutStatus(statusSource, status, placeholder);
  if (statusWarning) {
    warnings.push(statusWarning);
  }

  links.push(...frontMatterLinks(fm), ...sectionLinks(lines, sections));
  const uniqueLinks = dedupe(links, link => `${link.relation}\n${link.target}`);

  let supersededBy: AdrLink | undefined;
  if (status === 'superseded') {
    supersededBy = uniqueLinks.find(
      link =>
        link.relation.startsWith('superseded') ||
        link.relation === 'replaced by',
    );
    if (!supersededBy) {
      warnings.push(
        "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
      );
    }
  }

  // Date: the latest of the date lines ("Created:", "Last Updated:"), the front matter's first.
  const fmDate = nonBlank(frontMatterText(fm, 'date'));
  let writtenDates = [
    ...(fmDate === undefined ? [] : [fmDate]),
    ...fields.dates,
  ].filter(d => d.trim() !== '');
  if (writtenDates.length === 0) {
    writtenDates = laterFields().dates.filter(d => d.trim() !== '');
  }
  if (writtenDates.length === 0 && revision?.date !== undefined) {
    writtenDates = [revision.date];
  }
  const { date, dateWarning } = latestDate(writtenDates, dateOrder);
  if (dateWarning) {
    warnings.push(dateWarning);
  }

  const deciderValue =
    fm.get('decision-makers') ?? fm.get('deciders') ?? fields.deciders;
  const scope = normaliseScope(
    frontMatterText(fm, 'decision-scope') ??
      frontMatterText(fm, 'scope') ??
      fields.scope,
  );

  // A review id is a UUID; anything longer is not one of ours.
  const review = nonBlank(frontMatterText(fm, 'review'))?.trim();

  let format: ParsedAdr['format'] = 'unknown';
  if (frontMatter.found || fields.bulleted) {
    format = 'madr';
  } else if (statusHeading) {
    format = 'nygard';
  }

  return {
    ...(heading.number !== undefined && { number: heading.number }),
    title,
    ...(status && { status }),
    ...(statusText !== undefined && { statusText }),
    ...(supersededBy && { supersededBy }),
    ...(date && { date }),
    deciders: deciderValue === undefined ? [] : readNames(deciderValue),
    links: uniqueLinks,
    ...(scope && { scope }),
    format,
    ...(review && review.length <= 64 && { review }),
    warnings,
    body: lines.join('\n'),
  };
}

function warningAboutStatus(
  written: string | undefined,
  status: AdrStatus | undefined,
  placeholder: boolean | undefined,
): string | undefined {
  if (written === undefined) {
    return "no status: expected 'status: accepted' in the front matter, a '* Status: accepted' line under the title or a '## Status' section";
  }
  if (placeholder) {
    return `status '${quote(
      written,
    )}' is the template's placeholder, not a status: write one of ${STATUS_LIST}`;
  }
  if (!status) {
    return `status '${quote(
      written,
    )}' is not one of ${STATUS_LIST}; it is shown as written`;
  }
  return undefined;
}
