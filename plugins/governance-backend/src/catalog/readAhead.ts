/**
 * Yields the pages of `pages`, asking for the next one as soon as one is handed out: the
 * catalog's answer time overlaps the caller's work on the page, and at most two pages are held.
 *
 * @internal
 */
export async function* readAhead<T>(
  pages: AsyncIterator<T>,
): AsyncGenerator<T> {
  let next = pages.next();
  for (;;) {
    const current = await next;
    if (current.done) {
      return;
    }
    next = pages.next();
    // A failed read surfaces when the caller asks for the page, not as an unhandled rejection.
    next.catch(() => {});
    yield current.value;
  }
}
