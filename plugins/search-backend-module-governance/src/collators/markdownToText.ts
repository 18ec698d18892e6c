import { Lexer, Token, walkTokens } from 'marked';

// Tokens whose `text` is what a reader sees; every other token only groups or decorates them.
const TEXT_TOKENS = new Set(['text', 'codespan', 'code', 'escape']);

/**
 * The words of a Markdown document without its markup (`#`, `*`, link targets, front matter
 * fences), so search excerpts read as prose and link URLs do not match queries.
 */
export function markdownToText(markdown: string): string {
  const words: string[] = [];
  walkTokens(Lexer.lex(markdown), (token: Token) => {
    const nested = 'tokens' in token && token.tokens && token.tokens.length > 0;
    if (TEXT_TOKENS.has(token.type) && !nested && 'text' in token) {
      words.push(token.text);
    }
  });
  // Inline pieces are joined with a space, which must not stand before punctuation.
  return words
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?)])/g, '$1')
    .trim();
}
