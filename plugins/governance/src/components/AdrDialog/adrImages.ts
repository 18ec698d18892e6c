import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useMemo, useState } from 'react';
import { governanceApiRef } from '../../api';
import { reasonOf } from './describeError';

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

function destination(angled: string | undefined, bare: string | undefined) {
  return (angled ?? bare ?? '').trim();
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

/**
 * The relative image paths an ADR's Markdown refers to, in order and without duplicates:
 * inline images, reference-style images and `<img src>` in raw HTML. Code is left out, since an
 * image written there is shown as text, not loaded.
 */
export function relativeImagePaths(markdown: string): string[] {
  const text = withoutCode(markdown);
  const found: string[] = [];

  for (const m of text.matchAll(
    /!\[(?:[^\]\\\n]|\\.)*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))/g,
  )) {
    found.push(destination(m[1], m[2]));
  }

  const definitions = new Map<string, string>();
  for (const m of text.matchAll(
    /^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm,
  )) {
    const label = m[1].trim().toLowerCase().replace(/\s+/g, ' ');
    if (!definitions.has(label)) {
      definitions.set(label, destination(m[2], m[3]));
    }
  }
  for (const m of text.matchAll(/!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?!\()/g)) {
    const label = (m[2] || m[1]).trim().toLowerCase().replace(/\s+/g, ' ');
    const target = definitions.get(label);
    if (target !== undefined) {
      found.push(target);
    }
  }

  for (const m of text.matchAll(
    /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
  )) {
    found.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  }

  return [...new Set(found.filter(isRelativePath).map(normalizePath))];
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
