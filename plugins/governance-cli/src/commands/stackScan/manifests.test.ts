import { normaliseTechnology } from '@catalog-governance/backstage-plugin-governance-common';
import {
  imageRepository,
  readBuildGradle,
  readDockerfile,
  readGoMod,
  readPackageJson,
  readPyprojectToml,
  readRequirementsTxt,
} from './manifests';
import { TECHNOLOGY_RULES, TechnologyIndex } from './technologies';

const names = (reading: { dependencies: { name: string; dev?: boolean }[] }) =>
  reading.dependencies.map(d => (d.dev ? `${d.name} (dev)` : d.name));

describe('manifest readers', () => {
  it('reads Groovy build.gradle forms: quoted and map coordinates, apply plugin, test and classpath as tooling', () => {
    const reading = readBuildGradle(`
buildscript {
  dependencies {
    classpath 'org.springframework.boot:spring-boot-gradle-plugin:3.3.4'
  }
}
apply plugin: 'io.quarkus'
dependencies {
    implementation 'io.micronaut:micronaut-http:4.6.0'
    runtimeOnly group: 'com.mysql', name: 'mysql-connector-j', version: '9.0.0'
    testImplementation "redis.clients:jedis:5.1.0" // only in tests
    implementation platform("software.amazon.awssdk:bom:2.28.0")
}
repositories { maven { url 'https://repo.example.com/maven' } }
`);
    expect(reading.language).toBe('java');
    expect(names(reading)).toEqual([
      'org.springframework.boot:spring-boot-gradle-plugin (dev)',
      'io.quarkus',
      'io.micronaut:micronaut-http',
      'com.mysql:mysql-connector-j',
      'redis.clients:jedis (dev)',
      'software.amazon.awssdk:bom',
    ]);
  });

  it('reads Poetry dependencies and groups, without python itself', () => {
    const reading = readPyprojectToml(`
[tool.poetry.dependencies]
python = "^3.12"
Flask = "^3.0"
"confluent-kafka" = { version = "^2.5", optional = true }

[tool.poetry.group.dev.dependencies]
pytest = "^8"

[tool.poetry.group.workers.dependencies]
celery = "^5.4"
`);
    expect(names(reading)).toEqual([
      'flask',
      'confluent-kafka',
      'pytest (dev)',
      'celery',
    ]);
  });

  it('names where a TOML mistake shows', () => {
    expect(() =>
      readPyprojectToml('[project]\ndependencies = ["fastapi"\n'),
    ).toThrow(
      /^is not valid TOML \(line 3, column 1\): Invalid TOML document: expected comma or end of structure$/,
    );
  });

  it('reads requirement names as PEP 503 compares them, past extras, markers, URLs and options', () => {
    const reading = readRequirementsTxt(
      [
        'Flask_SQLAlchemy[async]>=3.1',
        'aio.pika @ https://files.example.com/aio_pika-9.4.tar.gz',
        '-e git+https://github.com/example/lib.git#egg=lib',
        '--requirement base.txt',
        '   # a comment',
        'https://files.example.com/other.whl',
      ].join('\n'),
      'requirements.txt',
    );
    expect(names(reading)).toEqual(['flask-sqlalchemy', 'aio-pika']);
    expect(
      names(readRequirementsTxt('pika\n', 'requirements-test.txt')),
    ).toEqual(['pika (dev)']);
  });

  it('reads a single-line require of go.mod and refuses a file without a module', () => {
    expect(
      names(
        readGoMod(
          'module example.com/x\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        ),
      ),
    ).toEqual(['github.com/labstack/echo']);
    expect(() => readGoMod('go 1.22\n')).toThrow(/has no module directive/);
  });

  it('refuses a package.json that is not a JSON object', () => {
    expect(() => readPackageJson('{"dependencies": ')).toThrow(
      /^is not valid JSON: /,
    );
    expect(() => readPackageJson('[]')).toThrow('must hold a JSON object');
  });

  it('reads base images: platform flags, ARG defaults, stage names and scratch', () => {
    const reading = readDockerfile(`
ARG BASE=python:3.12-slim
ARG RUNTIME
FROM \${BASE} AS deps
FROM deps AS build
FROM \${RUNTIME}
FROM \${JDK:-eclipse-temurin:21}
from --platform=linux/amd64 docker.io/library/redis:7@sha256:abc as cache
FROM scratch
`);
    expect(names(reading)).toEqual(['python', 'eclipse-temurin', 'redis']);
    expect(() => readDockerfile('# nothing\nRUN true\n')).toThrow(
      'has no FROM instruction',
    );
  });

  it.each([
    ['node:22-alpine', 'node'],
    ['library/postgres', 'postgres'],
    ['registry-1.docker.io/bitnami/kafka:3.8', 'bitnami/kafka'],
    ['localhost:5000/team/api:1.0', 'localhost:5000/team/api'],
    [
      'gcr.io/distroless/java21-debian12:nonroot',
      'gcr.io/distroless/java21-debian12',
    ],
  ])('names the image %s as %s', (reference, repository) => {
    expect(imageRepository(reference)).toBe(repository);
  });
});

describe('the technology table', () => {
  it('names every technology as the radar and the stack facts write it', () => {
    for (const rule of TECHNOLOGY_RULES) {
      expect(normaliseTechnology(rule.technology)).toBe(rule.technology);
      expect(Object.values(rule.names).flat().length).toBeGreaterThan(0);
    }
  });

  it('matches exact names and name prefixes of one ecosystem only', () => {
    const index = new TechnologyIndex();
    expect(
      index.lookup('maven', 'org.springframework.boot:spring-boot-starter-web'),
    ).toEqual([{ technology: 'spring-boot', category: 'frameworks' }]);
    expect(index.lookup('npm', 'pg')).toEqual([
      { technology: 'postgresql', category: 'datastores' },
    ]);
    expect(index.lookup('npm', 'pg-mem')).toEqual([]);
    expect(index.lookup('pypi', 'pg')).toEqual([]);
  });
});
