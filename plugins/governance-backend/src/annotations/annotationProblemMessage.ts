import { AnnotationProblem } from '@catalog-governance/backstage-plugin-governance-common';

// The sentence parseGovernanceAnnotations writes into AnnotationProblem.message, which the
// catalog module emits as the processing error; the catalog prefixes the error's name.
const MESSAGE =
  /^(?:InputError: )?Invalid annotation (\S+): '([\s\S]*)' is not allowed, expected ([\s\S]+)$/;

/**
 * The key, value and allowed values named by a catalog processing error that the governance
 * catalog module emitted; undefined for any other error. The catalog keeps only the message of
 * a processing error, and for an entity ingested before, the message is all that is left of the
 * version it held back.
 *
 * @internal
 */
export function annotationProblemFromMessage(
  message: string,
): Omit<AnnotationProblem, 'message'> | undefined {
  const match = MESSAGE.exec(message);
  return match
    ? { key: match[1], value: match[2], allowed: match[3] }
    : undefined;
}
