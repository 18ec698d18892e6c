/*
 * Requests drawn from the API contract (src/schema/openapi.yaml) for the route fuzzing: each
 * operation's query parameters and body are generated from their schemas, with values inside
 * the schema's limits and just outside them (one character, item or unit over, a value not in
 * the enum, the wrong type). Test support only.
 */
import fc from 'fast-check';
import {
  contract,
  ContractOperation as Operation,
  ContractSchema,
  resolveRef,
} from '../schema/contract';

/** The parts of a JSON schema the generators read. */
export type Schema = ContractSchema;

/** The operation of `METHOD /path/:id`, as the router registers it. */
function operationOf(method: string, template: string): Operation | undefined {
  return contract.paths[template.replace(/:(\w+)/g, '{$1}')]?.[method];
}

/** Just over a text limit, with a value of the right form before it when there is one. */
function tooLong(schema: Schema): string {
  const start = schema.example === undefined ? '' : String(schema.example);
  return start.padEnd((schema.maxLength ?? 0) + 1, 'x');
}

/** Values of a schema: mostly inside its limits, sometimes just outside or of another type. */
export function schemaValue(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveRef(raw);
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.constant({}),
    fc.constant([]),
  );
  const outside = (inside: fc.Arbitrary<unknown>, ...edges: unknown[]) =>
    fc.oneof(
      { weight: 8, arbitrary: inside },
      {
        weight: 2,
        arbitrary: edges.length ? fc.constantFrom(...edges) : wrongType,
      },
      { weight: 1, arbitrary: wrongType },
    );
  if (schema.enum) {
    return outside(fc.constantFrom(...schema.enum), 'not-allowed', '');
  }
  if (schema.oneOf) {
    return fc.oneof(...schema.oneOf.map(s => schemaValue(s, depth + 1)));
  }
  if (schema.allOf) {
    // An object made of every part: the parts' properties, each optional.
    return fc.oneof(...schema.allOf.map(s => schemaValue(s, depth + 1)));
  }
  switch (schema.type) {
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1_000_000;
      return outside(fc.integer({ min, max }), min - 1, max + 1, 1.5);
    }
    case 'number':
      return outside(fc.double({ noNaN: true }));
    case 'boolean':
      return outside(fc.boolean(), 'yes');
    case 'array': {
      const max = Math.min(schema.maxItems ?? 4, 4);
      const items = schemaValue(schema.items ?? {}, depth + 1);
      return outside(
        fc.array(items, { maxLength: max }),
        ...(schema.maxItems !== undefined && schema.maxItems <= 20
          ? [Array.from({ length: schema.maxItems + 1 }, () => 'x')]
          : []),
      );
    }
    case 'object': {
      if (depth > 3 || !schema.properties) {
        return fc.constant({});
      }
      const record = fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([key, value]) => [
            key,
            schemaValue(value, depth + 1),
          ]),
        ),
        { requiredKeys: [...(schema.required ?? [])] },
      );
      return outside(record);
    }
    default:
  }
  if (schema.type !== 'string') {
    return wrongType;
  }
  const inside =
    schema.format === 'date'
      ? fc
          // fast-check 4 draws an Invalid Date now and then unless told not to, and
          // toISOString would throw on it before any request is sent.
          .date({
            min: new Date('2000-01-01'),
            max: new Date('2040-12-31'),
            noInvalidDate: true,
          })
          .map(d => d.toISOString().slice(0, 10))
      : fc.oneof(
          ...(schema.example === undefined
            ? []
            : [fc.constant(String(schema.example))]),
          fc.string({
            minLength: schema.minLength ?? 0,
            maxLength: Math.min(schema.maxLength ?? 40, 40),
          }),
        );
  const edges: unknown[] =
    schema.maxLength === undefined ? [] : [tooLong(schema)];
  if (schema.format === 'date') {
    edges.push('2026-02-30', 'yesterday');
  }
  if ((schema.minLength ?? 0) > 0) {
    edges.push('');
  }
  return outside(inside, ...edges);
}

/** A query string of the operation's parameters, lists repeated or comma-joined. */
export function specQuery(
  method: string,
  template: string,
): fc.Arbitrary<string> {
  const parameters = (operationOf(method, template)?.parameters ?? [])
    .map(p => resolveRef(p))
    .filter(p => p.in === 'query');
  if (!parameters.length) {
    return fc.constant('');
  }
  return fc
    .tuple(
      ...parameters.map(parameter =>
        fc.option(
          fc
            .tuple(schemaValue(parameter.schema), fc.boolean())
            .map(([value, joined]) => {
              const values = Array.isArray(value) ? value : [value];
              const texts = values.map(v =>
                typeof v === 'string' ? v : JSON.stringify(v) ?? '',
              );
              const name = encodeURIComponent(parameter.name);
              return joined && Array.isArray(value)
                ? `${name}=${encodeURIComponent(texts.join(','))}`
                : texts
                    .map(text => `${name}=${encodeURIComponent(text)}`)
                    .join('&');
            }),
          { nil: undefined, freq: 2 },
        ),
      ),
    )
    .map(pairs => pairs.filter(p => p !== undefined && p !== '').join('&'));
}

/** JSON bodies of the operation's request body schema, when it takes one. */
export function specBody(
  method: string,
  template: string,
): fc.Arbitrary<{ type: string; text: string }> | undefined {
  const schema = operationOf(method, template)?.requestBody?.content[
    'application/json'
  ]?.schema;
  return schema
    ? schemaValue(schema).map(value => ({
        type: 'application/json',
        text: JSON.stringify(value) ?? 'null',
      }))
    : undefined;
}

/** A query parameter or top-level body property of an operation, with its schema. */
export interface SpecField {
  name: string;
  schema: Schema;
}

/** The operation's query parameters and the top-level properties of its JSON body. */
export function specFields(
  method: string,
  template: string,
): { query: SpecField[]; body: SpecField[] } {
  const operation = operationOf(method, template);
  const query = (operation?.parameters ?? [])
    .map(p => resolveRef(p))
    .filter(p => p.in === 'query')
    .map(({ name, schema }) => ({ name, schema }));
  const body = new Map<string, Schema>();
  const visit = (raw: Schema) => {
    const schema = resolveRef(raw);
    for (const [name, value] of Object.entries(schema.properties ?? {})) {
      if (!body.has(name)) {
        body.set(name, value);
      }
    }
    [...(schema.allOf ?? []), ...(schema.oneOf ?? [])].forEach(visit);
  };
  const schema = operation?.requestBody?.content['application/json']?.schema;
  if (schema) {
    visit(schema);
  }
  return {
    query,
    body: [...body].map(([name, value]) => ({ name, schema: value })),
  };
}

/** The operation's parameter and body property names, which its 400s may name. */
export function specNames(method: string, template: string): string[] {
  const operation = operationOf(method, template);
  if (!operation) {
    return [];
  }
  const names = new Set<string>();
  for (const parameter of operation.parameters ?? []) {
    names.add(resolveRef(parameter).name);
  }
  const visit = (raw: Schema, depth: number) => {
    const schema = resolveRef(raw);
    if (depth > 3) {
      return;
    }
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      names.add(key);
      visit(value, depth + 1);
    }
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) {
      visit(part, depth + 1);
    }
    if (schema.items) {
      visit(schema.items, depth + 1);
    }
  };
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body) {
    visit(body, 0);
  }
  return [...names];
}

/** Whether the contract has the route, `METHOD /path/:id` as the router registers it. */
export function inContract(method: string, template: string): boolean {
  return operationOf(method, template) !== undefined;
}

/** Every route of the contract, as `METHOD /path/:id`. */
export const CONTRACT_ROUTES: string[] = Object.entries(contract.paths).flatMap(
  ([template, item]) =>
    Object.keys(item).map(
      method =>
        `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
    ),
);
