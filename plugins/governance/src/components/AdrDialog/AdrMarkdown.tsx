import { MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { AdrDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { MouseEvent, useCallback, useMemo } from 'react';
import { isRelativePath, normalizePath, useAdrImages } from './adrImages';

/** Resolves a link target against the ADR's own URL, or undefined when that is not possible. */
function resolve(target: string, base: string): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}

const SAFE_LINK = /^(https?|mailto):/i;
const SAFE_IMAGE = /^(https?:|data:image\/)/i;

/** Props for {@link AdrMarkdown}. */
export interface AdrMarkdownProps {
  adr: Pick<AdrDetail, 'id' | 'url' | 'body' | 'links'>;
  /** Opens another ADR in place, for links to ADRs the backend knows. */
  onOpenAdr: (id: string) => void;
}

/**
 * The ADR's Markdown body. MarkdownContent sanitises raw HTML, so scripts and event handlers in
 * an ADR never reach the page. Relative images load through the governance backend; relative
 * links point at the file next to the ADR, or open the linked ADR in place when it is known.
 */
export function AdrMarkdown(props: AdrMarkdownProps) {
  const { adr, onOpenAdr } = props;
  const images = useAdrImages(adr.id, adr.body);

  // Relative links as the renderer resolves them, mapped to the ADR they lead to.
  const adrLinks = useMemo(() => {
    const byHref = new Map<string, string>();
    for (const link of adr.links) {
      const href = link.adrId && resolve(link.target, adr.url);
      if (href) {
        byHref.set(href, link.adrId!);
      }
    }
    return byHref;
  }, [adr.links, adr.url]);

  const transformImageUri = useCallback(
    (src: string) => {
      if (isRelativePath(src)) {
        // Until the image has loaded, or when it cannot, its alt text shows instead.
        return images.urls.get(normalizePath(src)) ?? '';
      }
      return SAFE_IMAGE.test(src) ? src : '';
    },
    [images.urls],
  );

  const transformLinkUri = useCallback(
    (href: string) => {
      if (href.startsWith('#')) {
        return href;
      }
      if (isRelativePath(href)) {
        return resolve(href, adr.url) ?? '';
      }
      return SAFE_LINK.test(href) ? href : '';
    },
    [adr.url],
  );

  const openLinkedAdr = (event: MouseEvent<HTMLElement>) => {
    const href = (event.target as HTMLElement)
      .closest('a')
      ?.getAttribute('href');
    const adrId = href ? adrLinks.get(href) : undefined;
    if (adrId) {
      event.preventDefault();
      onOpenAdr(adrId);
    }
  };

  return (
    <>
      {images.failures.size > 0 && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          {[...images.failures].map(([path, reason]) => (
            <div key={path}>
              The image {path} could not be loaded: {reason}
            </div>
          ))}
        </Alert>
      )}
      {/* Clicks are caught here because MarkdownContent renders its own links. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <Box data-testid="governance-adr-body" onClick={openLinkedAdr}>
        <MarkdownContent
          content={adr.body}
          transformImageUri={transformImageUri}
          transformLinkUri={transformLinkUri}
        />
      </Box>
    </>
  );
}
