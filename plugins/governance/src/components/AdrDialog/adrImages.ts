import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useMemo, useState } from 'react';
import { governanceApiRef } from '../../api';
import { reasonOf } from '../../lib/describeError';

/** True for a path relative to the ADR file: no scheme, not protocol-relative, not an anchor. */
export function isRelativePath(uri: string): boolean {
  return (
    uri !== '' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(uri) &&
    !uri.startsWith('//') &&
    !uri.startsWith('#')
  );
}

/**
 * The form a path is compared in: Markdown hands the renderer percent-encoded URIs, while the
 * source may have written spaces or other characters as they are.
 */
export function normalizePath(path: string): string {
  try {
    return decodeURI(path.trim());
  } catch {
    return path.trim();
  }
}

/** The Markdown without fenced code blocks and inline code. */
function withoutCode(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) {
        fence = undefined;
      }
    } else if (marker) {
      fence = marker;
    } else {
      kept.push(line.replace(/`[^`]*`/g, ''));
    }
  }
  return kept.join('\n');
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The first index from `from` on whose character is a `stop`, or the end of the text. */
function scanUntil(
  text: string,
  from: number,
  stop: (c: string) => boolean,
): number {
  let at = from;
  while (at < text.length && !stop(text[at])) {
    at++;
  }
  return at;
}

/** The unquoted value from `from` up to white space or `stop`, and where it ends; none if empty. */
function bareValue(
  text: string,
  from: number,
  stop: string,
): { value: string; end: number } | undefined {
  const end = scanUntil(text, from, c => isSpace(c) || c === stop);
  return end > from ? { value: text.slice(from, end).trim(), end } : undefined;
}

/**
 * `text.indexOf(char, from)` for calls whose `from` never decreases, each character looked at
 * once over all calls: an unclosed quote then costs one scan, not one per tag.
 */
function forwardIndexOf(text: string, char: string) {
  let found = -2;
  return (from: number) => {
    if (found === -2 || (found !== -1 && found < from)) {
      found = text.indexOf(char, from);
    }
    return found;
  };
}

/**
 * Inline images (`![alt](src)`) and the labels of reference-style ones (`![alt][label]`,
 * `![label]`), in one pass over the text. Every character is looked at a bounded number of
 * times, so a long line of `![` costs milliseconds, where a regular expression retried at each
 * `![` scanned the rest of the line each time.
 */
function markdownImages(text: string): { inline: string[]; labels: string[] } {
  const inline: string[] = [];
  const labels: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] !== '!' || text[i + 1] !== '[') {
      i++;
      continue;
    }
    // The alt text ends at the first unescaped `]` on the line.
    let close = i + 2;
    while (close < text.length && text[close] !== ']') {
      if (text[close] === '\n') {
        break;
      }
      if (text[close] === '\\') {
        if (close + 1 >= text.length || text[close + 1] === '\n') {
          break;
        }
        close++;
      }
      close++;
    }
    if (text[close] !== ']') {
      // No image starting up to here can close on this line either.
      i = close;
      continue;
    }
    const alt = text.slice(i + 2, close);
    if (text[close + 1] === '(') {
      const start = scanUntil(text, close + 2, c => !isSpace(c));
      if (text[start] === '<') {
        const end = scanUntil(text, start + 1, c => c === '>' || c === '\n');
        if (text[end] === '>') {
          inline.push(text.slice(start + 1, end).trim());
          i = end + 1;
          continue;
        }
      }
      const bare = bareValue(text, start, ')');
      if (bare) {
        inline.push(bare.value);
      }
      i = bare?.end ?? start;
      continue;
    }
    let label = alt;
    let next = close + 1;
    if (text[close + 1] === '[') {
      const end = scanUntil(text, close + 2, c => c === ']' || c === '\n');
      if (text[end] === ']' && text[end + 1] !== '(') {
        label = text.slice(close + 2, end) || alt;
        next = end + 1;
      }
    }
    labels.push(label);
    i = next;
  }
  return { inline, labels };
}

/** The `src` of each `<img>` tag in raw HTML, in one pass over the text. */
function imgSources(text: string): string[] {
  const lower = text.toLowerCase();
  const nextQuote = {
    '"': forwardIndexOf(text, '"'),
    "'": forwardIndexOf(text, "'"),
  };
  const nextTagEnd = forwardIndexOf(text, '>');
  const sources: string[] = [];
  let i = lower.indexOf('<img');
  while (i !== -1) {
    const after = i + 4;
    if (/\w/.test(text[after] ?? '')) {
      i = lower.indexOf('<img', after);
      continue;
    }
    const tagEnd = nextTagEnd(after);
    const end = tagEnd === -1 ? text.length : tagEnd;
    let resume = end;
    for (
      let at = lower.indexOf('src', after + 1);
      at !== -1 && at < end;
      at = lower.indexOf('src', at + 1)
    ) {
      if (!isSpace(text[at - 1])) {
        continue;
      }
      const equals = scanUntil(text, at + 3, c => !isSpace(c));
      if (text[equals] !== '=') {
        continue;
      }
      const value = scanUntil(text, equals + 1, c => !isSpace(c));
      const quote = text[value];
      const closing =
        quote === '"' || quote === "'" ? nextQuote[quote](value + 1) : -1;
      if (closing !== -1) {
        sources.push(text.slice(value + 1, closing).trim());
        resume = closing + 1;
        break;
      }
      const bare = bareValue(text, value, '>');
      if (bare) {
        sources.push(bare.value);
        resume = bare.end;
        break;
      }
    }
    i = lower.indexOf('<img', resume);
  }
  return sources;
}

/**
 * The relative image paths an ADR's Markdown refers to, in order and without duplicates:
 * inline images, reference-style images and `<img src>` in raw HTML. Code is left out, since an
 * image written there is shown as text, not loaded. The scan is linear in the length of the
 * Markdown: it runs in the browser on files anyone with write access to a repository can shape.
 */
export function relativeImagePaths(markdown: string): string[] {
  const text = withoutCode(markdown);
  const { inline, labels } = markdownImages(text);

  const definitions = new Map<string, string>();
  // Anchored at each line's start, so each line is tried once.
  for (const m of text.matchAll(
    /^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm,
  )) {
    const label = normalizeLabel(m[1]);
    if (!definitions.has(label)) {
      definitions.set(label, (m[2] ?? m[3] ?? '').trim());
    }
  }
  const referenced = labels
    .map(label => definitions.get(normalizeLabel(label)))
    .filter((target): target is string => target !== undefined);

  return [
    ...new Set(
      [...inline, ...referenced, ...imgSources(text)]
        .filter(isRelativePath)
        .map(normalizePath),
    ),
  ];
}

function normalizeLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The images of an ADR loaded so far, and the ones that could not be loaded. */
export interface AdrImages {
  /** Object URL per normalised relative path. */
  urls: ReadonlyMap<string, string>;
  /** Why an image could not be loaded, per normalised relative path. */
  failures: ReadonlyMap<string, string>;
}

/**
 * Loads the relative images of an ADR through the governance backend. Its asset route needs the
 * user's token, which an `<img src>` cannot send, so each image is fetched with the fetch API and
 * shown through an object URL, released again when the ADR or the body changes.
 */
export function useAdrImages(adrId: string, body: string): AdrImages {
  const governanceApi = useApi(governanceApiRef);
  const paths = useMemo(() => relativeImagePaths(body), [body]);
  const [images, setImages] = useState<AdrImages>({
    urls: new Map(),
    failures: new Map(),
  });

  useEffect(() => {
    // Answers for an ADR or body the dialog has moved on from are dropped.
    const effect = { active: true };
    const created: string[] = [];
    setImages({ urls: new Map(), failures: new Map() });
    paths.forEach(path =>
      governanceApi.getAdrAsset(adrId, path).then(
        blob => {
          if (!effect.active) {
            return;
          }
          const url = URL.createObjectURL(blob);
          created.push(url);
          setImages(previous => ({
            ...previous,
            urls: new Map(previous.urls).set(path, url),
          }));
        },
        error => {
          if (effect.active) {
            setImages(previous => ({
              ...previous,
              failures: new Map(previous.failures).set(path, reasonOf(error)),
            }));
          }
        },
      ),
    );
    return () => {
      effect.active = false;
      created.forEach(url => URL.revokeObjectURL(url));
    };
  }, [governanceApi, adrId, paths]);

  return images;
}
