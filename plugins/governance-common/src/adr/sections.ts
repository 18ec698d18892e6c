import { stripHtmlComments, trimChars } from './text';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

export interface Heading {
  /** Index of the heading's line. */
  line: number;
  level: number;
  text: string;
}

/**
 * The Markdown body's headings, and which lines sit inside fenced code blocks: an example ADR
 * quoted in a code block has headings and a status of its own that are not the file's.
 */
export interface Outline {
  headings: Heading[];
  inFence: boolean[];
}

export function outline(lines: string[]): Outline {
  const headings: Heading[] = [];
  const inFence = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      inFence[i] = true;
      if (
        fenceMatch &&
        fenceMatch[1][0] === fence.char &&
        fenceMatch[1].length >= fence.length &&
        line.slice(fenceMatch[0].length).trim() === ''
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      inFence[i] = true;
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      headings.push({
        line: i,
        level: heading[1].length,
        text: headingText(line.slice(heading[0].length)),
      });
    }
  }
  return { headings, inFence };
}

/** A heading's text without the optional closing `#`s. */
function headingText(raw: string): string {
  const text = raw.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') {
    end--;
  }
  if (end === 0) {
    return '';
  }
  return end < text.length && /\s/.test(text[end - 1])
    ? text.slice(0, end).trim()
    : text;
}

/** A heading's text lower-cased without emphasis or a trailing colon, to recognise sections. */
export function plainHeading(text: string): string {
  return trimChars(text.toLowerCase(), '*_`: \t');
}

/** Where the section under `heading` ends: at the next heading of any level. */
export function sectionEnd(
  { headings }: Outline,
  heading: Heading,
  lineCount: number,
): number {
  return headings.find(h => h.line > heading.line)?.line ?? lineCount;
}

/** A section's paragraphs, each list item its own paragraph, lines joined by spaces. */
export function paragraphs(
  lines: string[],
  inFence: boolean[],
  from: number,
  to: number,
): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = stripHtmlComments(current.join(' '));
    if (text) {
      result.push(text);
    }
    current = [];
  };
  for (let i = from; i < to; i++) {
    if (inFence[i]) {
      continue;
    }
    const line = lines[i].trim();
    if (line === '') {
      flush();
      continue;
    }
    const item = /^[*+-][ \t]+/.exec(line);
    if (item) {
      flush();
      current.push(line.slice(item[0].length));
    } else {
      current.push(line);
    }
  }
  flush();
  return result;
}
