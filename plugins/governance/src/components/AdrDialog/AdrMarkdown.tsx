import { MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { AdrDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { MouseEvent, useCallback } from 'react';
import { isRelativePath, normalizePath, useAdrImages } from './adrImages';
import { adrDeepLink, sourceUrl, useLinkedAdrs } from './adrLinks';

const SAFE_LINK = /^(https?|mailto):/i;
const SAFE_IMAGE = /^(https?:|data:image\/)/i;

/** Props for {@link AdrMarkdown}. */
export interface AdrMarkdownProps {
  adr: Pick<AdrDetail, 'id' | 'entityRef' | 'url' | 'body' | 'links'>;
  /** Opens another ADR in place, for links to ADRs the backend knows. */
  onOpenAdr: (id: string) => void;
}

/**
 * The ADR's Markdown body. MarkdownContent sanitises raw HTML, so scripts and event handlers in
 * an ADR never reach the page. Relative images load through the governance backend. A relative
 * link to another ADR opens it in place (its href is the `?adr=<id>` deep link, for a new tab);
 * other relative links go to the file on the source host, and stay plain text for an ADR read
 * from disk, whose `file:` URL no browser should be sent to.
 */
export function AdrMarkdown(props: AdrMarkdownProps) {
  const { adr, onOpenAdr } = props;
  const images = useAdrImages(adr.id, adr.body);

  const linkedAdr = useLinkedAdrs(adr);
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
        const adrId = linkedAdr(href);
        // An empty href renders the link's text alone.
        return adrId ? adrDeepLink(adrId) : sourceUrl(href, adr.url) ?? '';
      }
      return SAFE_LINK.test(href) ? href : '';
    },
    [adr.url, linkedAdr],
  );

  // Caught before the router's link navigates, so the ADR opens in this dialog, with Back.
  const openLinkedAdr = (event: MouseEvent<HTMLElement>) => {
    const href = (event.target as HTMLElement)
      .closest('a')
      ?.getAttribute('href');
    const url = href ? new URL(href, window.location.href) : undefined;
    // Only this app's own deep links: a link to another site keeps its `?adr=`.
    const adrId =
      url?.origin === window.location.origin && url.searchParams.get('adr');
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
      <Box data-testid="governance-adr-body" onClickCapture={openLinkedAdr}>
        <MarkdownContent
          content={adr.body}
          transformImageUri={transformImageUri}
          transformLinkUri={transformLinkUri}
        />
      </Box>
    </>
  );
}
