const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The candidates that one of the texts names, case-insensitively, by one of their spellings as
 * a whole word. A spelling counts only where no letter, digit or `_` touches it, nor one of
 * `joiners.before` just before it or `joiners.after` just after it: with `-` among them,
 * `feature-flags` does not name `feature-flags-ui`.
 */
export function namedAsWholeWord<T>(
  texts: readonly string[],
  candidates: readonly T[],
  spellings: (candidate: T) => string[],
  joiners: { before: string; after: string },
): Set<T> {
  const named = new Set<T>();
  for (const candidate of candidates) {
    const word = new RegExp(
      `(^|[^\\w${joiners.before}])(${spellings(candidate)
        .map(escapeRegExp)
        .join('|')})(?![\\w${joiners.after}])`,
      'i',
    );
    if (texts.some(text => word.test(text))) {
      named.add(candidate);
    }
  }
  return named;
}
