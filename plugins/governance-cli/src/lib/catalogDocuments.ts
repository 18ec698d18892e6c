import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Document,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  Pair,
  parseAllDocuments,
  YAMLMap,
} from 'yaml';

/** A place in a file that cannot be read or checked, e.g. invalid YAML. */
export interface FileError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** One entity of a catalog file, with what is needed to point at its lines. */
export interface CatalogDocument {
  /** The entity as the catalog would read it. */
  entity: Record<string, unknown>;
  /** `kind:namespace/name`, or `document N` when the kind or name is missing. */
  entityRef: string;
  /** The entity's annotations, when they are a map. */
  annotations?: Record<string, unknown>;
  /** 1-based line and column of where an annotation's value (else its key, else the entity) starts. */
  locate(key?: string): { line: number; column: number };
  /** The annotation's value exactly as written in the file, for quoting back. */
  sourceText(key: string): string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEntity(entity: Record<string, unknown>, index: number) {
  const metadata = isRecord(entity.metadata) ? entity.metadata : {};
  const { kind } = entity;
  const { name, namespace } = metadata;
  if (typeof kind === 'string' && typeof name === 'string') {
    return stringifyEntityRef({
      kind,
      name,
      namespace: typeof namespace === 'string' ? namespace : undefined,
    });
  }
  return `document ${index + 1}`;
}

/** The key/value pair of an annotation in the YAML, to locate and quote it. */
function findPair(doc: Document, key: string): Pair | undefined {
  const annotationsNode = doc.getIn(['metadata', 'annotations'], true);
  if (!isMap(annotationsNode)) {
    return undefined;
  }
  return (annotationsNode as YAMLMap).items.find(
    item => isScalar(item.key) && item.key.value === key,
  );
}

function rangeOf(node: unknown): [number, number] | undefined {
  return isNode(node) && node.range
    ? [node.range[0], node.range[1]]
    : undefined;
}

/**
 * Reads every document of a catalog file, keeping the entities (documents with a kind). Invalid
 * YAML is an error for the whole file, as the catalog could not read it either; `lint` and
 * `check` read files through this one function so that both see the same entities.
 */
export function readCatalogDocuments(options: {
  file: string;
  content: string;
}): { documents: CatalogDocument[]; errors: FileError[] } {
  const { file, content } = options;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter, prettyErrors: false });
  const documents: CatalogDocument[] = [];
  const errors: FileError[] = [];
  if (!Array.isArray(docs)) {
    return { documents, errors }; // empty file
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const doc of docs) {
    for (const error of doc.errors) {
      errors.push({
        file,
        ...position(error.pos[0]),
        message: `Invalid YAML: ${error.message}`,
      });
    }
  }
  if (errors.length) {
    return { documents, errors };
  }
  docs.forEach((doc, index) => {
    let entity: unknown;
    try {
      entity = doc.toJS();
    } catch (error) {
      errors.push({
        file,
        ...position(doc.range[0]),
        message: `Invalid YAML: ${(error as Error).message}`,
      });
      return;
    }
    if (!isRecord(entity) || typeof entity.kind !== 'string') {
      return; // not an entity, e.g. an empty document after a trailing ---
    }
    const metadata = isRecord(entity.metadata) ? entity.metadata : {};
    documents.push({
      entity,
      entityRef: describeEntity(entity, index),
      annotations: isRecord(metadata.annotations)
        ? metadata.annotations
        : undefined,
      locate(key) {
        const pair = key === undefined ? undefined : findPair(doc, key);
        // The value as written, else the key (for `key:` with no value), else the document.
        const range = rangeOf(pair?.value) ?? rangeOf(pair?.key) ?? doc.range;
        return position(range[0]);
      },
      sourceText(key) {
        const range = rangeOf(findPair(doc, key)?.value);
        return range ? content.slice(...range) : '';
      },
    });
  });
  return { documents, errors };
}
