import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { isRecord } from '../../lib/catalogDocuments';
import type { Ecosystem } from './technologies';

/** A dependency a manifest names. */
export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  /**
   * Build or test tooling (devDependencies, test scope, a dev group): it tells the language,
   * `typescript`, but a framework or datastore only the tests use is not the running stack.
   */
  dev?: boolean;
}

/** What one manifest tells about the stack. */
export interface ManifestReading {
  /** The language a manifest of its kind implies: `javascript` for a package.json. */
  language?: string;
  dependencies: Dependency[];
}

/** A kind of manifest: the file names (glob patterns) it goes by and how it is read. */
export interface ManifestKind {
  kind: string;
  patterns: string[];
  /** Throws with what is wrong; the scan adds the file's path. */
  read(content: string, fileName: string): ManifestReading;
}

const DEV_GROUP =
  /(^|[-_.])(dev|develop|test|tests|testing|lint|docs?|typing)($|[-_.])/i;

/**
 * A package.json: its dependencies by name, devDependencies as tooling. Peer dependencies
 * count: a component library's `react` peer is the framework it runs in.
 */
export function readPackageJson(content: string): ManifestReading {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new Error(`is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(json)) {
    throw new Error('must hold a JSON object');
  }
  const names = (field: string) => {
    const value = json[field];
    return isRecord(value) ? Object.keys(value) : [];
  };
  return {
    language: 'javascript',
    dependencies: [
      ...['dependencies', 'optionalDependencies', 'peerDependencies']
        .flatMap(names)
        .map(name => ({ ecosystem: 'npm' as const, name })),
      ...names('devDependencies').map(name => ({
        ecosystem: 'npm' as const,
        name,
        dev: true,
      })),
    ],
  };
}

/** A Go module path without its major-version suffix: `github.com/jackc/pgx/v5` is pgx. */
const goModule = (path: string) => path.replace(/\/v\d+$/, '');

/** A go.mod: the modules it requires directly (`// indirect` ones are someone else's). */
export function readGoMod(content: string): ManifestReading {
  const dependencies: Dependency[] = [];
  let inRequireBlock = false;
  let sawModule = false;
  for (const raw of content.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) {
      continue;
    }
    if (inRequireBlock) {
      if (line === ')') {
        inRequireBlock = false;
      } else if (!indirect) {
        dependencies.push({
          ecosystem: 'go',
          name: goModule(line.split(/\s+/)[0]),
        });
      }
      continue;
    }
    const [directive, ...rest] = line.split(/\s+/);
    if (directive === 'module') {
      sawModule = true;
    } else if (directive === 'require') {
      if (rest[0] === '(') {
        inRequireBlock = true;
      } else if (rest[0] && !indirect) {
        dependencies.push({ ecosystem: 'go', name: goModule(rest[0]) });
      }
    }
  }
  if (!sawModule) {
    throw new Error(
      'has no module directive, e.g. module example.com/payments',
    );
  }
  return { language: 'go', dependencies };
}

const asArray = (value: unknown): unknown[] => {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return Array.isArray(value) ? value : [value];
};

const coordinate = (item: unknown): string | undefined =>
  isRecord(item) && item.groupId && item.artifactId
    ? `${String(item.groupId).trim()}:${String(item.artifactId).trim()}`
    : undefined;

/**
 * A pom.xml: its parent (spring-boot-starter-parent), its dependencies (test and provided
 * scope as tooling) and its build plugins. Managed dependencies are versions, not usage, and are left out.
 */
export function readPomXml(content: string): ManifestReading {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    throw new Error(
      `is not valid XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`,
    );
  }
  const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    processEntities: false,
  }).parse(content);
  const project = isRecord(xml) ? xml.project : undefined;
  if (!isRecord(project)) {
    throw new Error('has no <project> element');
  }
  const dependencies: Dependency[] = [];
  const add = (item: unknown, dev: boolean) => {
    const name = coordinate(item);
    if (name) {
      dependencies.push({ ecosystem: 'maven', name, ...(dev && { dev }) });
    }
  };
  add(project.parent, false);
  const declared = isRecord(project.dependencies)
    ? asArray(project.dependencies.dependency)
    : [];
  for (const item of declared) {
    const scope = isRecord(item) ? String(item.scope ?? '').trim() : '';
    add(item, scope === 'test' || scope === 'provided');
  }
  const build = isRecord(project.build) ? project.build : {};
  const plugins = isRecord(build.plugins) ? asArray(build.plugins.plugin) : [];
  // A build plugin shapes the application (spring-boot-maven-plugin), so it counts.
  for (const item of plugins) {
    add(item, false);
  }
  return { language: 'java', dependencies };
}

const QUOTED_COORDINATE =
  /["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::[^"'\s]*)?["']/g;
const MAP_COORDINATE =
  /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["']/g;
const PLUGIN_ID = /\bid\s*\(?\s*["']([A-Za-z0-9_.-]+)["']/g;
const APPLY_PLUGIN =
  /\bapply\s*\(?\s*plugin\s*[:=]\s*["']([A-Za-z0-9_.-]+)["']/g;
const KOTLIN_PLUGIN = /\bkotlin\s*\(\s*["']([A-Za-z0-9_.-]+)["']\s*\)/g;

/**
 * A build.gradle or build.gradle.kts. Gradle files are programs, so this reads the usual forms
 * line by line rather than running them: `implementation 'group:artifact:version'` (or with
 * parentheses, or `group: ..., name: ...`) and plugins by `id`, `apply plugin:` or `kotlin("jvm")`.
 * Test configurations, annotation processors and buildscript classpath entries count as tooling.
 */
export function readBuildGradle(content: string): ManifestReading {
  const dependencies: Dependency[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)\/\/.*$/, '');
    const configuration = /^\s*(\w+)/.exec(line)?.[1] ?? '';
    const dev = /^(test|androidTest|classpath|kapt|annotationProcessor)/.test(
      configuration,
    );
    for (const pattern of [QUOTED_COORDINATE, MAP_COORDINATE]) {
      for (const [, group, artifact] of line.matchAll(pattern)) {
        dependencies.push({
          ecosystem: 'maven',
          name: `${group}:${artifact}`,
          ...(dev && { dev }),
        });
      }
    }
    for (const pattern of [PLUGIN_ID, APPLY_PLUGIN]) {
      for (const [, id] of line.matchAll(pattern)) {
        dependencies.push({ ecosystem: 'gradlePlugin', name: id });
      }
    }
    for (const [, id] of line.matchAll(KOTLIN_PLUGIN)) {
      dependencies.push({
        ecosystem: 'gradlePlugin',
        name: `org.jetbrains.kotlin.${id}`,
      });
    }
  }
  return { language: 'java', dependencies };
}

/** A Python project name as PEP 503 compares them: `Psycopg2_Binary` is `psycopg2-binary`. */
export const normalisePythonName = (name: string) =>
  name.toLowerCase().replace(/[-_.]+/g, '-');

/** The project name of a PEP 508 requirement, `Django>=4.2; python_version >= "3.10"`. */
function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(
    requirement,
  );
  return match ? normalisePythonName(match[1]) : undefined;
}

/**
 * A requirements file: one requirement per line. Options (`-r`, `-e`, `--index-url`), paths
 * and URLs name no project; a file named for development (`requirements-dev.txt`) is tooling.
 */
export function readRequirementsTxt(
  content: string,
  fileName: string,
): ManifestReading {
  const dev = DEV_GROUP.test(fileName.replace(/^requirements|\.txt$/g, ''));
  const dependencies: Dependency[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^([./]|[a-z+]+:\/\/)/i.test(line)) {
      continue;
    }
    const name = requirementName(line);
    if (name) {
      dependencies.push({ ecosystem: 'pypi', name, ...(dev && { dev }) });
    }
  }
  return { language: 'python', dependencies };
}

/**
 * A pyproject.toml: PEP 621 `[project]` dependencies and extras, PEP 735 dependency groups and
 * Poetry's `[tool.poetry]` dependencies and groups. Groups and extras named for development,
 * tests, linting or docs are tooling.
 */
export function readPyprojectToml(content: string): ManifestReading {
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(content);
  } catch (error) {
    if (error instanceof TomlError) {
      // The message's first line says what is wrong; the rest repeats the file's lines.
      throw new Error(
        `is not valid TOML (line ${error.line}, column ${error.column}): ${
          error.message.split('\n')[0]
        }`,
      );
    }
    throw error;
  }
  const dependencies: Dependency[] = [];
  const addRequirements = (list: unknown, dev: boolean) => {
    for (const item of asArray(list)) {
      const name = typeof item === 'string' ? requirementName(item) : undefined;
      if (name) {
        dependencies.push({ ecosystem: 'pypi', name, ...(dev && { dev }) });
      }
    }
  };
  const addTable = (table: unknown, dev: boolean) => {
    for (const key of isRecord(table) ? Object.keys(table) : []) {
      if (key.toLowerCase() !== 'python') {
        const name = normalisePythonName(key);
        dependencies.push({ ecosystem: 'pypi', name, ...(dev && { dev }) });
      }
    }
  };
  const eachGroup = (
    groups: unknown,
    add: (value: unknown, dev: boolean) => void,
  ) => {
    for (const [group, value] of Object.entries(
      isRecord(groups) ? groups : {},
    )) {
      add(value, DEV_GROUP.test(group));
    }
  };

  const project = isRecord(toml.project) ? toml.project : {};
  addRequirements(project.dependencies, false);
  eachGroup(project['optional-dependencies'], addRequirements);
  eachGroup(toml['dependency-groups'], addRequirements);

  const tool = isRecord(toml.tool) ? toml.tool : {};
  const poetry = isRecord(tool.poetry) ? tool.poetry : {};
  addTable(poetry.dependencies, false);
  addTable(poetry['dev-dependencies'], true);
  eachGroup(poetry.group, (group, dev) =>
    addTable(isRecord(group) ? group.dependencies : undefined, dev),
  );
  return { language: 'python', dependencies };
}

/**
 * An image reference as the table names images: lower case, without tag or digest, without
 * Docker Hub's host and `library/` (`docker.io/library/node:22` is `node`).
 */
export function imageRepository(reference: string): string {
  let name = reference.toLowerCase().replace(/@.*$/, '');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    name = name.slice(0, colon);
  }
  return name
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/**
 * A Dockerfile's base images: every `FROM` of every stage, with `--platform` and `AS name`
 * read, earlier stages by name and `scratch` left out, and `${ARG}`s resolved from the
 * defaults of the ARGs before the first FROM (or `${ARG:-default}`). An image that stays unresolved is left out.
 */
export function readDockerfile(content: string): ManifestReading {
  const lines = content
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const dependencies: Dependency[] = [];
  let sawFrom = false;
  for (const line of lines) {
    const [instruction, ...words] = line.split(/\s+/);
    const keyword = instruction.toUpperCase();
    if (keyword === 'ARG' && !sawFrom) {
      const [name, value] = words[0]?.split('=', 2) ?? [];
      if (name && value !== undefined) {
        args.set(name, value.replace(/^["']|["']$/g, ''));
      }
    } else if (keyword === 'FROM') {
      sawFrom = true;
      const operands = words.filter(w => !w.startsWith('--'));
      const image = (operands[0] ?? '').replace(
        /\$\{?(\w+)(?::-([^}]*))?\}?/g,
        (whole, name, fallback) => args.get(name) ?? fallback ?? whole,
      );
      const repository = imageRepository(image);
      if (
        image &&
        !image.includes('$') &&
        repository !== 'scratch' &&
        !stages.has(image.toLowerCase())
      ) {
        dependencies.push({ ecosystem: 'docker', name: repository });
      }
      if (operands[1]?.toLowerCase() === 'as' && operands[2]) {
        stages.add(operands[2].toLowerCase());
      }
    }
  }
  if (!sawFrom) {
    throw new Error('has no FROM instruction');
  }
  return { dependencies };
}

/** Every manifest the scan reads, by the file names it goes by. */
export const MANIFEST_KINDS: readonly ManifestKind[] = [
  { kind: 'package.json', patterns: ['package.json'], read: readPackageJson },
  { kind: 'go.mod', patterns: ['go.mod'], read: readGoMod },
  { kind: 'pom.xml', patterns: ['pom.xml'], read: readPomXml },
  {
    kind: 'build.gradle',
    patterns: ['build.gradle', 'build.gradle.kts'],
    read: readBuildGradle,
  },
  {
    kind: 'requirements.txt',
    patterns: ['requirements*.txt'],
    read: readRequirementsTxt,
  },
  {
    kind: 'pyproject.toml',
    patterns: ['pyproject.toml'],
    read: readPyprojectToml,
  },
  {
    kind: 'Dockerfile',
    patterns: ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile'],
    read: readDockerfile,
  },
];
