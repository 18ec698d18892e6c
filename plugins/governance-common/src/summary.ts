import { GovernanceApiSchemas } from './schema';

/**
 * Who owns an entity and where to look when it misbehaves.
 *
 * @public
 */
export type GovernanceOwnership =
  GovernanceApiSchemas['EntityGovernanceSummary']['ownership'];

/**
 * What the catalog does with a malformed governance annotation: `error` emits a processing
 * error (the entity is held back), `warn` logs and ingests it anyway.
 *
 * @public
 */
export type ValidationMode = 'error' | 'warn';

/**
 * Reads `governance.validation.mode`, defaulting to `error`.
 *
 * @public
 */
export function readValidationMode(config: {
  getOptionalString(key: string): string | undefined;
}): ValidationMode {
  const mode =
    config.getOptionalString('governance.validation.mode') ?? 'error';
  if (mode !== 'error' && mode !== 'warn') {
    throw new Error(
      `Invalid config at 'governance.validation.mode': '${mode}' is not allowed, expected error or warn`,
    );
  }
  return mode;
}
