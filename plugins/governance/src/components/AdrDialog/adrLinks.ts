import { AdrDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback, useMemo } from 'react';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { isRelativePath } from './adrImages';

function resolveUrl(target: string, base: string): URL | undefined {
  try {
    return new URL(target, base);
  } catch {
    return undefined;
  }
}

/**
 * The target resolved against the ADR's URL when that gives a page on the source host (a
 * GitHub blob URL, say); undefined for ADRs read from disk, whose `file:` URLs the browser
 * would refuse or, worse, open on the reader's own machine.
 */
export function sourceUrl(target: string, base: string): string | undefined {
  const url = resolveUrl(target, base);
  return url && /^https?:$/.test(url.protocol) ? url.toString() : undefined;
}

/** The URL in the form two links to the same file share: no fragment or query, decoded. */
function comparable(url: URL): string {
  const copy = new URL(url.toString());
  copy.hash = '';
  copy.search = '';
  try {
    return decodeURI(copy.toString());
  } catch {
    return copy.toString();
  }
}

/** True for a relative link to a Markdown file, such as `./0002-use-x.md#context`. */
export function isMarkdownLink(href: string): boolean {
  return (
    isRelativePath(href) && /\.(md|markdown)$/i.test(href.split(/[?#]/)[0])
  );
}

/** A link that opens an ADR, as the ADR views' `?adr=<id>` deep link. */
export function adrDeepLink(adrId: string): string {
  return `?${new URLSearchParams({ adr: adrId })}`;
}

/**
 * Finds the ADR a relative link in an ADR's body leads to: one the backend resolved (the ADR's
 * `links`), or one of the same entity's ADRs whose file the link names, whichever way it is
 * written (`0002-use-x.md`, `./0002-use-x.md`, `../adr/0002-use-x.md`). The entity's ADRs are
 * only asked for when the body mentions a Markdown file.
 */
export function useLinkedAdrs(
  adr: Pick<AdrDetail, 'entityRef' | 'url' | 'body' | 'links'>,
): (href: string) => string | undefined {
  // A cheap over-estimate: asking once too often costs one request, never a wrong link.
  const linksToMarkdown = /\.(md|markdown)\b/i.test(adr.body);
  const { value: siblings } = useGovernanceAsync(
    async api =>
      linksToMarkdown ? (await api.getEntityAdrs(adr.entityRef)).items : [],
    [adr.entityRef, linksToMarkdown],
  );

  const byUrl = useMemo(() => {
    const map = new Map<string, string>();
    for (const sibling of siblings ?? []) {
      const url = resolveUrl(sibling.url, sibling.url);
      if (url) {
        map.set(comparable(url), sibling.id);
      }
    }
    // What the backend resolved wins over a file name that happens to match.
    for (const link of adr.links) {
      const url = link.adrId && resolveUrl(link.target, adr.url);
      if (url) {
        map.set(comparable(url), link.adrId!);
      }
    }
    return map;
  }, [siblings, adr.links, adr.url]);

  return useCallback(
    (href: string) => {
      const url = resolveUrl(href, adr.url);
      return url && byUrl.get(comparable(url));
    },
    [byUrl, adr.url],
  );
}
