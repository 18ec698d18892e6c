import { resolve as resolvePath } from 'node:path';
import { startBackendPerTest } from '../../__testUtils__/startBackend';
import stackScanCommand from './stackScan';

const cwd = resolvePath(__dirname, '../../__fixtures__');

describe('governance-cli stack scan', () => {
  let stdout: string;
  const startBackend = startBackendPerTest();
  beforeEach(() => {
    stdout = '';
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
  });

  it('prints each category with where its technologies were seen', async () => {
    await expect(
      stackScanCommand('stack/go-service', {
        cwd,
        entity: 'component:default/ledger',
      }),
    ).resolves.toBe(0);
    expect(stdout).toBe(
      [
        'Stack of component:default/ledger from 2 manifests under stack/go-service:',
        '  languages:        go (Dockerfile: golang, go.mod)',
        '  frameworks:       gin (go.mod: github.com/gin-gonic/gin)',
        '  datastores:       postgresql (go.mod: github.com/jackc/pgx)',
        '  message brokers:  kafka (go.mod: github.com/segmentio/kafka-go)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON for other tools, and says none found for an empty category', async () => {
    await stackScanCommand('stack/python-requirements', {
      cwd,
      format: 'json',
    });
    expect(JSON.parse(stdout)).toEqual({
      folder: 'stack/python-requirements',
      manifests: ['requirements-dev.txt', 'requirements.txt'],
      stack: {
        languages: ['python'],
        frameworks: ['celery', 'django'],
        datastores: ['postgresql'],
      },
      evidence: expect.objectContaining({
        django: [{ file: 'requirements.txt', dependency: 'django' }],
      }),
    });
    stdout = '';
    await stackScanCommand('stack/python-requirements', { cwd });
    expect(stdout).toContain('  message brokers:  none found\n');
  });

  it('pushes the categories it found as stack facts with --push', async () => {
    const backend = await startBackend({
      status: 201,
      body: { accepted: 4, entities: 1, evaluated: true },
    });
    await expect(
      stackScanCommand('stack/node-service', {
        cwd,
        entity: 'component:default/payments',
        push: true,
        url: backend.baseUrl,
        token: 'secret',
        source: 'ci/github-actions',
      }),
    ).resolves.toBe(0);
    expect(backend.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/governance/facts',
        headers: expect.objectContaining({ authorization: 'Bearer secret' }),
        body: {
          facts: [
            ['stackLanguages', ['typescript']],
            ['stackFrameworks', ['express']],
            ['stackDatastores', ['postgresql']],
            ['stackMessageBrokers', ['kafka']],
          ].map(([name, value]) => ({
            entityRef: 'component:default/payments',
            name,
            value,
            source: 'ci/github-actions',
          })),
        },
      }),
    ]);
    expect(stdout).toContain(
      'Accepted 4 facts for 1 entity; scorecards re-evaluated.\n  component:default/payments stackLanguages=["typescript"] (ci/github-actions)',
    );
  });

  it('leaves a category it found nothing in to the annotation', async () => {
    const backend = await startBackend({
      status: 201,
      body: { accepted: 3, entities: 1, evaluated: false },
    });
    await stackScanCommand('stack/python-requirements', {
      cwd,
      entity: 'component:default/shop',
      push: true,
      url: backend.baseUrl,
      token: 't',
      format: 'json',
    });
    const body = backend.requests[0].body as {
      facts: { name: string; source: string }[];
    };
    expect(body.facts.map(f => f.name)).toEqual([
      'stackLanguages',
      'stackFrameworks',
      'stackDatastores',
    ]);
    expect(body.facts[0].source).toBe('governance-cli/stack-scan');
    expect(JSON.parse(stdout).pushed).toEqual({
      accepted: 3,
      entities: 1,
      evaluated: false,
    });
  });

  it('needs --entity, --url and --token to push, before reading anything', async () => {
    await expect(
      stackScanCommand('stack/go-service', {
        cwd,
        push: true,
        url: 'http://x',
        token: 't',
      }),
    ).rejects.toThrow('--push needs --entity');
    await expect(
      stackScanCommand('stack/go-service', {
        cwd,
        push: true,
        entity: 'component:default/x',
      }),
    ).rejects.toThrow('No backend URL');
  });

  it('refuses a --max-depth that is not a small whole number', async () => {
    await expect(
      stackScanCommand('stack', { cwd, maxDepth: 'deep' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message:
        '--max-depth deep must be a whole number from 0 (the folder itself) to 20',
    });
  });
});
