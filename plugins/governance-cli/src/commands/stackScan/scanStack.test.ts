import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolve as resolvePath } from 'node:path';
import { MAX_MANIFEST_BYTES, scanStack } from './scanStack';

const fixtures = resolvePath(__dirname, '../../__fixtures__/stack');
const scanFixture = (folder: string) =>
  scanStack({ dir: resolvePath(fixtures, folder), name: folder });

describe('scanStack', () => {
  const mockDir = createMockDirectory();

  it('reads a TypeScript service from package.json and a multi-stage Dockerfile', async () => {
    const scan = await scanFixture('node-service');
    expect(scan.manifests).toEqual(['Dockerfile', 'package.json']);
    // typescript (a devDependency) refines the javascript of package.json and the node images;
    // redis, only a devDependency, is not part of the running stack.
    expect(scan.stack).toEqual({
      languages: ['typescript'],
      frameworks: ['express'],
      datastores: ['postgresql'],
      messageBrokers: ['kafka'],
    });
    expect(scan.evidence.postgresql).toEqual([
      { file: 'package.json', dependency: 'pg' },
    ]);
  });

  it('reads go.mod without indirect modules, and the builder image of a Dockerfile', async () => {
    const scan = await scanFixture('go-service');
    expect(scan.stack).toEqual({
      languages: ['go'],
      frameworks: ['gin'],
      datastores: ['postgresql'],
      messageBrokers: ['kafka'],
    });
    expect(scan.evidence.go).toEqual([
      { file: 'Dockerfile', dependency: 'golang' },
      { file: 'go.mod' },
    ]);
    expect(scan.evidence.postgresql).toEqual([
      { file: 'go.mod', dependency: 'github.com/jackc/pgx' },
    ]);
  });

  it.each([
    [
      'a pom.xml: the Spring Boot parent, compile dependencies, not test ones or managed versions',
      'maven-service',
      {
        languages: ['java'],
        frameworks: ['spring-boot'],
        datastores: ['postgresql'],
        messageBrokers: ['rabbitmq'],
      },
    ],
    [
      'a Kotlin build.gradle.kts: plugins, both dependency forms, not test configurations or comments',
      'gradle-service',
      {
        languages: ['kotlin'],
        frameworks: ['spring-boot'],
        datastores: ['mongodb'],
        messageBrokers: ['kafka'],
      },
    ],
    [
      'requirements files, a dev one as tooling only',
      'python-requirements',
      {
        languages: ['python'],
        frameworks: ['celery', 'django'],
        datastores: ['postgresql'],
      },
    ],
    [
      'a PEP 621 pyproject.toml, test extras as tooling only',
      'python-pyproject',
      {
        languages: ['python'],
        frameworks: ['fastapi'],
        datastores: ['postgresql'],
        messageBrokers: ['rabbitmq'],
      },
    ],
  ])('reads %s', async (_, fixture, stack) => {
    expect((await scanFixture(fixture)).stack).toEqual(stack);
  });

  it('reads the dev requirements file too, as a manifest', async () => {
    expect((await scanFixture('python-requirements')).manifests).toEqual([
      'requirements-dev.txt',
      'requirements.txt',
    ]);
  });

  it('merges the manifests of every folder below, once per technology', async () => {
    mockDir.setContent({
      'web/package.json': JSON.stringify({ dependencies: { react: '18' } }),
      'api/go.mod':
        'module example.com/api\n\nrequire github.com/lib/pq v1.10.9\n',
      'worker/requirements.txt': 'psycopg2==2.9.9\n',
    });
    const scan = await scanStack({ dir: mockDir.path });
    expect(scan.manifests).toEqual([
      'api/go.mod',
      'web/package.json',
      'worker/requirements.txt',
    ]);
    expect(scan.stack).toEqual({
      languages: ['go', 'javascript', 'python'],
      frameworks: ['react'],
      datastores: ['postgresql'],
    });
    expect(scan.evidence.postgresql.map(e => e.file)).toEqual([
      'api/go.mod',
      'worker/requirements.txt',
    ]);
  });

  it('skips node_modules, vendor and .git, and folders deeper than the limit', async () => {
    mockDir.setContent({
      'package.json': JSON.stringify({ dependencies: { express: '4' } }),
      'node_modules/mongodb/package.json': JSON.stringify({
        dependencies: { mongodb: '6' },
      }),
      'vendor/github.com/lib/pq/go.mod': 'module github.com/lib/pq\n',
      '.git/Dockerfile': 'FROM redis\n',
      'a/b/c/Dockerfile': 'FROM postgres:16\n',
    });
    await expect(
      scanStack({ dir: mockDir.path, maxDepth: 2 }),
    ).resolves.toMatchObject({
      manifests: ['package.json'],
      stack: { languages: ['javascript'], frameworks: ['express'] },
    });
    await expect(
      scanStack({ dir: mockDir.path, maxDepth: 3 }),
    ).resolves.toMatchObject({
      manifests: ['a/b/c/Dockerfile', 'package.json'],
      stack: { datastores: ['postgresql'] },
    });
  });

  it('stops at a manifest it cannot read, naming the file and the problem', async () => {
    await expect(scanFixture('broken-pom')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /^broken-pom\/pom\.xml is not valid XML \(line 6, column \d+\): Expected closing tag 'dependency'/,
      ),
    });
  });

  it('refuses a manifest larger than the limit', async () => {
    mockDir.setContent({
      'package.json': `{"description": "${'x'.repeat(MAX_MANIFEST_BYTES)}"}`,
    });
    await expect(
      scanStack({ dir: mockDir.path, name: 'svc' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: `svc/package.json: ${
        MAX_MANIFEST_BYTES + 19
      } bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may have`,
    });
  });

  it('says what it looked for when a folder has no manifest, and names a folder that is not there', async () => {
    mockDir.setContent({ 'README.md': '# docs' });
    await expect(
      scanStack({ dir: mockDir.path, name: 'docs' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /^No manifest under docs: looked for package\.json, go\.mod, pom\.xml, build\.gradle, .*Dockerfile/,
      ),
    });
    await expect(
      scanStack({ dir: resolvePath(mockDir.path, 'missing'), name: 'missing' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^missing: /),
    });
  });
});
