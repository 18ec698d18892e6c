import { spec } from './openapi';

/** The parts of a JSON schema (OpenAPI 3.0 dialect) that the contract's readers use. */
export interface ContractSchema {
  $ref?: string;
  type?: string;
  enum?: readonly unknown[];
  items?: ContractSchema;
  properties?: Readonly<Record<string, ContractSchema>>;
  required?: readonly string[];
  allOf?: readonly ContractSchema[];
  oneOf?: readonly ContractSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  example?: unknown;
  description?: string;
}

/** A parameter of an operation, as the contract declares it. */
export interface ContractParameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema: ContractSchema;
}

/** An operation of the contract: its parameters and its JSON body. */
export interface ContractOperation {
  parameters?: readonly ContractParameter[];
  requestBody?: { content: Record<string, { schema: ContractSchema }> };
}

/**
 * The contract (`src/schema/openapi.yaml`, as generated into `openapi/generated/router.ts`),
 * typed for the code that reads it at run time: the validation messages and the route fuzzing.
 */
export const contract = spec as unknown as {
  paths: Record<string, Record<string, ContractOperation>>;
};

/** Follows a local `$ref` (`#/components/...`) to what it names. */
export function resolveRef<T extends { $ref?: string }>(node: T): T {
  let current = node;
  while (current?.$ref) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<any>((at, key) => at?.[key], contract) as T;
  }
  return current;
}

/** Every query parameter of every operation, with its schema resolved. */
export function contractQueryParameters(): Array<{
  name: string;
  schema: ContractSchema;
}> {
  return Object.values(contract.paths)
    .flatMap(item => Object.values(item))
    .flatMap(operation => operation.parameters ?? [])
    .map(parameter => resolveRef(parameter))
    .filter(parameter => parameter.in === 'query')
    .map(parameter => ({
      name: parameter.name,
      schema: resolveRef(parameter.schema),
    }));
}
