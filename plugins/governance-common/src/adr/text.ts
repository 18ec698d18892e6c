// Small text helpers the ADR readers share. Every one is linear in its input: the parser runs on
// every ADR file of every entity, in the ingestion job and in the browser.

/** Longest piece of the file quoted back in a warning. */
const MAX_QUOTE = 80;

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').trim();
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) {
    start++;
  }
  while (end > start && chars.includes(text[end - 1])) {
    end--;
  }
  return text.slice(start, end);
}

/** Removes `<!-- ... -->` (MADR's templates mark optional parts with them). */
export function stripHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) {
      break;
    }
    const close = text.indexOf('-->', open + 4);
    result += text.slice(from, open);
    if (close === -1) {
      from = text.length;
      break;
    }
    from = close + 3;
  }
  return (result + text.slice(from)).trim();
}

export function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** A piece of the file as a warning quotes it back: on one line, and not too long. */
export function quote(text: string): string {
  return truncate(collapseSpaces(text), MAX_QUOTE);
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter(item => {
    const k = key(item);
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}

export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
