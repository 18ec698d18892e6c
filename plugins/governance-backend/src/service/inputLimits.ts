import { InputError } from '@backstage/errors';
import {
  describeValue,
  findControlCharacter,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';

/**
 * The largest JSON body a route takes: a batch of 10,000 facts is about 2 MB.
 *
 * @internal
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * How deeply a JSON body may nest objects and arrays. The deepest body the API takes, a batch
 * of facts with list values, is 4 levels deep.
 *
 * @internal
 */
export const MAX_BODY_DEPTH = 16;

/**
 * The longest path parameter: ids are UUIDs, ADR ids at most 64 characters.
 *
 * @internal
 */
export const MAX_PATH_PARAMETER_LENGTH = 64;

interface Node {
  value: unknown;
  depth: number;
  key?: string;
  parent?: Node;
}

/** Where a node sits, as `facts[0].value`, built only once something is refused. */
function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.parent; at = at.parent) {
    const key = at.key!;
    if (Array.isArray(at.parent.value)) {
      keys.push(`[${key}]`);
    } else if (/^[A-Za-z_$][\w$-]{0,40}$/.test(key)) {
      keys.push(at.parent.parent ? `.${key}` : key);
    } else {
      keys.push(`[${describeValue(key)}]`);
    }
  }
  return keys.reverse().join('');
}

function refuseControlCharacter(text: string, where: () => string) {
  const found = findControlCharacter(text);
  if (found) {
    throw new InputError(
      `${where()} contains the control character ${found}; text may hold tabs and line breaks but no other control characters`,
    );
  }
  // Half of a UTF-16 pair is no character: PostgreSQL's JSON and text types refuse it, so it
  // would fail a write later as a 500 instead of now as a 400.
  if (!text.isWellFormed()) {
    throw new InputError(
      `${where()} contains half of a UTF-16 surrogate pair; text must be well-formed Unicode`,
    );
  }
}

/**
 * Walks a parsed value without recursion, so even a body nested 100,000 levels deep is refused
 * with a 400 instead of overflowing the stack somewhere later. Keys and texts are checked for
 * control characters, which PostgreSQL cannot store (NUL) and no field of ours may hold.
 */
function checkValue(
  value: unknown,
  maxDepth: number,
  where: (path: string) => string,
) {
  const stack: Node[] = [{ value, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      refuseControlCharacter(node.value, () => where(pathOf(node)));
      continue;
    }
    if (typeof node.value !== 'object' || node.value === null) {
      continue;
    }
    const depth = node.depth + 1;
    if (depth > maxDepth) {
      throw new InputError(
        `${where(
          pathOf(node),
        )} is nested too deeply: at most ${maxDepth} levels of objects and arrays are allowed`,
      );
    }
    for (const [key, child] of Object.entries(node.value)) {
      refuseControlCharacter(
        key,
        () => `${where(pathOf(node))} has a key that`,
      );
      stack.push({ value: child, depth, key, parent: node });
    }
  }
}

const inBody = (path: string) =>
  path ? `The request body at ${path}` : 'The request body';
const inQuery = (path: string) =>
  path ? `Query parameter ${path}` : 'The query parameters';

function checkInput(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Express answers a malformed escape with its own 400 when it reads the parameter.
      continue;
    }
    refuseControlCharacter(
      decoded,
      () => `The path parameter ${describeValue(decoded)}`,
    );
    // No id is longer, and messages such as "No review <id>" then never quote kilobytes.
    if (decoded.length > MAX_PATH_PARAMETER_LENGTH) {
      throw new InputError(
        `The path parameter ${describeValue(
          decoded,
        )} is too long: ids are at most ${MAX_PATH_PARAMETER_LENGTH} characters`,
      );
    }
  }
  // The query parser nests parameters at most 5 levels deep.
  checkValue(req.query, Infinity, inQuery);
  checkValue(req.body, MAX_BODY_DEPTH, inBody);
  next();
}

/**
 * Reads JSON bodies and refuses, on every route, what no route can take: a body over
 * {@link MAX_BODY_BYTES} (413), a body nested deeper than {@link MAX_BODY_DEPTH} (400), a path
 * parameter longer than {@link MAX_PATH_PARAMETER_LENGTH} (400), and control characters or
 * unpaired surrogates in the body, the query or the path (400).
 *
 * @internal
 */
export function readInput(): express.RequestHandler[] {
  return [express.json({ limit: MAX_BODY_BYTES }), checkInput];
}
