import { InputError, isError } from '@backstage/errors';
import {
  describeValue,
  describeValues,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import {
  contract,
  contractQueryParameters,
  ContractOperation as Operation,
  ContractSchema as Schema,
  resolveRef,
} from '../schema/contract';

/** The query parameters declared as lists, by name: a comma-separated value is split. */
const LIST_PARAMETERS = new Set(
  contractQueryParameters()
    .filter(({ schema }) => schema.type === 'array')
    .map(({ name }) => name),
);

/**
 * Lists in the query are repeated parameters (`status=open&status=in-review`), as the contract
 * says; a comma-separated value (`status=open,in-review`), as clients sent before the contract,
 * is read the same way.
 *
 * @internal
 */
export function readQueryLists(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  for (const name of LIST_PARAMETERS) {
    const value = req.query[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.some(v => typeof v === 'string' && v.includes(','))) {
      (req.query as Record<string, unknown>)[name] = values.flatMap(
        (v): unknown[] =>
          typeof v === 'string' ? v.split(',').filter(Boolean) : [v],
      );
    }
  }
  next();
}

/** The query parameters declared as whole numbers, by name, with their schemas. */
const WHOLE_NUMBER_PARAMETERS = new Map<string, Schema[]>();
for (const { name, schema } of contractQueryParameters()) {
  if (schema.type === 'integer') {
    WHOLE_NUMBER_PARAMETERS.set(name, [
      ...(WHOLE_NUMBER_PARAMETERS.get(name) ?? []),
      schema,
    ]);
  }
}

/**
 * A whole number in the query is digits only. The validator reads a parameter with parseInt
 * and checks that number, while the handler gets the text: `1e309` passed as 1 and reached
 * the handler as Infinity, `30abc` as 30. What the validator cannot see is refused here.
 *
 * @internal
 */
export function readQueryNumbers(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  const problems: string[] = [];
  for (const [name, schemas] of WHOLE_NUMBER_PARAMETERS) {
    const value = req.query[name];
    if (typeof value === 'string' && !/^-?\d{1,15}$/.test(value)) {
      // Routes may differ in range; the range is named where they agree.
      const agreed = schemas.every(
        s =>
          s.minimum === schemas[0].minimum && s.maximum === schemas[0].maximum,
      );
      problems.push(
        `Query parameter '${name}' must be ${
          agreed ? expected(schemas[0]) : 'a whole number'
        }, got ${describeValue(value)}`,
      );
    }
  }
  next(problems.length > 0 ? new InputError(problems.join('; ')) : undefined);
}

function expected(raw: Schema | undefined): string {
  const schema = resolveRef(raw ?? {});
  if (schema.enum) {
    return `one of ${schema.enum.join(', ')}`;
  }
  if (schema.oneOf && schema.description) {
    return schema.description.replace(/\.$/, '');
  }
  switch (schema.type) {
    case 'integer':
      return schema.maximum === undefined
        ? `a whole number from ${schema.minimum ?? 0}`
        : `a whole number from ${schema.minimum ?? 0} to ${schema.maximum}`;
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return resolveRef(schema.items ?? {}).type === 'object'
        ? 'a list of objects'
        : `a list of ${expected(schema.items)}`;
    case 'object':
      return 'an object';
    default:
  }
  if (schema.format === 'date') {
    return 'a YYYY-MM-DD date';
  }
  if (schema.example !== undefined) {
    const length =
      schema.maxLength === undefined
        ? ''
        : ` (at most ${schema.maxLength} characters)`;
    return `text such as ${schema.example}${length}`;
  }
  return schema.maxLength === undefined
    ? 'text'
    : `text of at most ${schema.maxLength} characters`;
}

function queryProblem(
  operation: Operation,
  name: string,
  value: unknown,
): string {
  const where = `Query parameter '${name}'`;
  const parameter = (operation.parameters ?? [])
    .map(p => resolveRef(p))
    .find(p => p.in === 'query' && p.name === name);
  if (!parameter) {
    return `${where} is not known here`;
  }
  const schema = resolveRef(parameter.schema);
  if (value === undefined || (value === '' && parameter.required)) {
    return `${where} is required once: ${expected(schema)}`;
  }
  if (schema.type !== 'array') {
    if (Array.isArray(value)) {
      return parameter.required
        ? `${where} is required once: ${expected(schema)}`
        : `${where} may be given only once`;
    }
    if (
      typeof value === 'string' &&
      schema.maxLength !== undefined &&
      value.length > schema.maxLength
    ) {
      return `${where} is too long: at most ${schema.maxLength} characters`;
    }
    return `${where} must be ${expected(schema)}, got ${describeValue(value)}`;
  }
  const values = Array.isArray(value) ? value : [value];
  if (schema.maxItems !== undefined && values.length > schema.maxItems) {
    return `${where} is given ${values.length} times, at most ${schema.maxItems}`;
  }
  const items = resolveRef(schema.items ?? {});
  const wrong = items.enum
    ? values.filter(v => !items.enum!.includes(v))
    : values;
  return `${where} has ${describeValues(wrong)}; allowed are ${
    items.enum ? items.enum.join(', ') : expected(items)
  }`;
}

/** The schema at a path inside a body, through `$ref`s, `allOf` and `items`. */
function schemaAt(root: Schema, path: string[]): Schema | undefined {
  let schema: Schema | undefined = resolveRef(root);
  for (const key of path) {
    if (!schema) {
      return undefined;
    }
    const candidates: Schema[] = [schema, ...(schema.allOf ?? [])].map(s =>
      resolveRef(s),
    );
    schema = /^\d+$/.test(key)
      ? candidates.find(s => s.items)?.items
      : candidates.find(s => s.properties?.[key])?.properties?.[key];
    schema = schema && resolveRef(schema);
  }
  return schema;
}

function propertiesOf(schema: Schema): string[] {
  return [schema, ...(schema.allOf ?? [])]
    .map(s => resolveRef(s))
    .flatMap(s => Object.keys(s.properties ?? {}));
}

/** `facts[0].source`, as the request's author would write it. */
function fieldName(path: string[]): string {
  return path
    .map((key, index) => {
      if (/^\d+$/.test(key)) {
        return `[${key}]`;
      }
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

function bodyProblem(
  bodySchema: Schema,
  body: unknown,
  path: string[],
  message: string,
): string {
  const field = fieldName(path);
  const schema = schemaAt(bodySchema, path) ?? {};
  const value = path.reduce<any>((at, key) => at?.[key], body);
  const missing = /must have required property '(.+)'/.exec(message);
  if (missing) {
    return `${fieldName([...path, missing[1]])} is required`;
  }
  if (/must NOT have additional properties/.test(message)) {
    const allowed = propertiesOf(schema);
    const unknown = Object.keys(value ?? {}).filter(k => !allowed.includes(k));
    return `${field ? `${field} has the ` : ''}unknown field ${describeValues(
      unknown,
    )}; allowed are ${allowed.join(', ')}`;
  }
  if (!field) {
    return `The request body must be ${expected(schema)}`;
  }
  if (schema.enum && value !== undefined) {
    return `${field} ${describeValue(
      value,
    )} is not allowed, expected ${expected(schema)}`;
  }
  if (typeof value === 'string' && schema.type === 'string') {
    if (value === '' && (schema.minLength ?? 0) > 0) {
      return `${field} is required`;
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      return `${field} ${describeValue(value)} is too long: at most ${
        schema.maxLength
      } characters`;
    }
  }
  if (Array.isArray(value) && schema.type === 'array') {
    if (value.length < (schema.minItems ?? 0)) {
      return `${field} is empty: send at least ${schema.minItems}`;
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      return `${field} has too many items: ${value.length}, at most ${schema.maxItems}`;
    }
  }
  return `${field} must be ${expected(schema)}, got ${describeValue(value)}`;
}

/** How many problems one message lists; a batch of thousands is summed up. */
const MAX_PROBLEMS = 20;

/**
 * Words the contract's validation errors for the request's author: each problem names the
 * parameter or field, what was sent and what is allowed, read from the schema in
 * `src/schema/openapi.yaml`. The validator (express-openapi-validator, through
 * `@backstage/backend-openapi-utils`) reports them as one `InputError` whose message lists
 * `request/<where>/<path> <what>` items; every other error passes unchanged.
 *
 * @internal
 */
export function explainValidationErrors(): express.ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (!isError(error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    if (/^unsupported media type/.test(error.message)) {
      next(
        new InputError(
          'The request body must be JSON, sent with Content-Type: application/json',
        ),
      );
      return;
    }
    if (/^malformed uri/.test(error.message)) {
      next(
        new InputError(
          'A path parameter is not valid percent-encoding (a % must start %XX)',
        ),
      );
      return;
    }
    const items = error.message.split(/, (?=request\/)/);
    if (!items.every(item => item.startsWith('request/'))) {
      next(error);
      return;
    }
    const route = (req as { openapi?: { openApiRoute?: string } }).openapi
      ?.openApiRoute;
    const operation = route
      ? contract.paths[route]?.[req.method.toLowerCase()]
      : undefined;
    if (!operation) {
      next(error);
      return;
    }
    const bodySchema =
      operation.requestBody?.content['application/json']?.schema ?? {};
    const problems = new Map<string, string>();
    for (const item of items) {
      const match = /^request\/(\w+)((?:\/[^ ]*)?) (.*)$/.exec(item);
      if (!match) {
        problems.set(item, item);
        continue;
      }
      const [, where, rawPath, message] = match;
      const path = rawPath
        .split('/')
        .filter(Boolean)
        .map(key => key.replace(/~1/g, '/').replace(/~0/g, '~'));
      const missing = /must have required property '(.+)'/.exec(message);
      if (where === 'query') {
        // One problem a parameter: a list whose items fail is described once.
        const name = path[0] ?? missing?.[1] ?? '';
        problems.set(
          `query/${name}`,
          queryProblem(operation, name, req.query[name]),
        );
        continue;
      }
      // One problem a field: a value that fails several rules is described once.
      const key = `${where}/${path.join('/')}/${missing ? missing[1] : ''}${
        /additional properties/.test(message) ? '+' : ''
      }`;
      if (problems.has(key)) {
        continue;
      }
      if (where === 'body') {
        problems.set(key, bodyProblem(bodySchema, req.body, path, message));
      } else {
        problems.set(key, item.replace(/^request\//, ''));
      }
    }
    const listed = [...problems.values()];
    const shown = listed.slice(0, MAX_PROBLEMS);
    const more = listed.length - shown.length;
    next(
      new InputError(
        `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      ),
    );
  };
}
