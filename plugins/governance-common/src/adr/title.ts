import { numberFromName } from './links';
import { baseName, collapseSpaces } from './text';

/** A status in the title, `[superseded] Proper use of ...` or `Use X (deprecated)`. */
const TITLE_STATUS_TAG =
  /[[(](superseded|deprecated|rejected|proposed|accepted)[\])]/i;
// "7. Title", "0007: Title", "0007 - Title", "ADR-0007: Title", "ADR 7 - Title", "ADR-7 Title";
// not "3 tier architecture" nor "3-tier architecture", whose digits are part of the title.
const TITLE_NUMBER =
  /^(?:adr ?[#_-]? ?(\d{1,9})(?: ?[-:.)\u2013\u2014] ?| )|(\d{1,9})(?:[.:)] | [-:\u2013\u2014] ))(?=\S)/i;

/** What the heading and the file name say: the title, the number and a status tag. */
export interface TitleLine {
  /** Empty when neither the heading nor the front matter has a title. */
  title: string;
  number?: number;
  /** The status written as a tag in the title, `[superseded]`. */
  statusTag?: string;
}

/**
 * The title without the ADR's number and status tag. The number is the file name's, else the
 * one the title starts with.
 */
export function readTitle(written: string, fileName: string): TitleLine {
  let title = collapseSpaces(written);
  // A heading written all in bold, `# **Use X**`: the emphasis is no part of the title.
  const bold = /^(\*\*|__)(.+)\1$/.exec(title);
  if (bold && !bold[2].includes(bold[1])) {
    title = bold[2].trim();
  }
  const tag = TITLE_STATUS_TAG.exec(title);
  if (tag) {
    title = collapseSpaces(
      title.slice(0, tag.index) + title.slice(tag.index + tag[0].length),
    );
  }
  let number = numberFromName(baseName(fileName));
  const titleNumber = TITLE_NUMBER.exec(title);
  if (titleNumber) {
    number ??= Number(titleNumber[1] ?? titleNumber[2]);
    title = title.slice(titleNumber[0].length);
  }
  return {
    title,
    ...(number !== undefined && { number }),
    ...(tag && { statusTag: tag[1] }),
  };
}

/** What a file without a title is listed as. */
export function fallbackTitle(fileName: string): string {
  return baseName(fileName) || 'Untitled ADR';
}
