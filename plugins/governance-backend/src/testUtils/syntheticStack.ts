/*
 * The approved stack of the synthetic catalog: a radar of 50 technologies and each service's
 * `governance/stack` annotation, mostly on adopt or trial, some on assess, a few on hold or not
 * on the radar at all, as an organisation a year into keeping a radar would have them.
 */
import { RadarRing } from '@catalog-governance/backstage-plugin-governance-common';

type Quadrant = 'languages' | 'frameworks' | 'datastores' | 'messaging';

const RINGS: Record<Quadrant, Record<RadarRing, string[]>> = {
  languages: {
    adopt: ['typescript', 'go', 'java', 'kotlin', 'python'],
    trial: ['rust', 'scala', 'swift'],
    assess: ['elixir', 'clojure'],
    hold: ['ruby', 'php', 'perl'],
  },
  frameworks: {
    adopt: ['express', 'spring-boot', 'gin', 'fastapi', 'react'],
    trial: ['nestjs', 'ktor', 'quarkus', 'django', 'flask'],
    assess: ['actix-web', 'phoenix'],
    hold: ['angularjs', 'struts'],
  },
  datastores: {
    adopt: ['postgresql', 'redis', 'mysql'],
    trial: ['elasticsearch', 'dynamodb', 'mongodb', 'cassandra', 'sqlite'],
    assess: ['clickhouse', 'cockroachdb', 'neo4j'],
    hold: ['couchdb', 'oracle'],
  },
  messaging: {
    adopt: ['kafka', 'sqs'],
    trial: ['rabbitmq', 'nats', 'google-pubsub'],
    assess: ['pulsar', 'redpanda'],
    hold: ['activemq', 'zeromq'],
  },
};

/**
 * The synthetic catalog's radar, in the short form `governance.stack.radar.entries` takes:
 * 50 technologies in four quadrants, each in one ring.
 *
 * @public
 */
export const RADAR_ENTRIES: ReadonlyArray<{
  id: string;
  title: string;
  quadrant: string;
  ring: RadarRing;
}> = Object.entries(RINGS).flatMap(([quadrant, rings]) =>
  Object.entries(rings).flatMap(([ring, ids]) =>
    ids.map(id => ({ id, title: id, quadrant, ring: ring as RadarRing })),
  ),
);

/** Stacks on adopt and trial: language, framework, datastores, message brokers. */
const APPROVED_STACKS: Array<[string, string, string, string]> = [
  ['typescript', 'express', 'postgresql', 'kafka'],
  ['go', 'gin', 'postgresql, redis', 'kafka'],
  ['java', 'spring-boot', 'postgresql', 'kafka'],
  ['kotlin', 'spring-boot', 'mysql, redis', 'sqs'],
  ['python', 'fastapi', 'postgresql', 'sqs'],
  ['typescript', 'nestjs', 'mongodb', 'rabbitmq'],
  ['kotlin', 'ktor', 'dynamodb', 'sqs'],
  ['python', 'django', 'postgresql, elasticsearch', ''],
  ['go', '', 'cassandra', 'nats'],
  ['typescript', 'react', '', ''],
];

/** Added to a stack: one datastore or broker on assess, on hold, or on no radar. */
type Extra = { datastores?: string; brokers?: string };
const ASSESS: Extra[] = [
  { datastores: 'clickhouse' },
  { brokers: 'pulsar' },
  { datastores: 'cockroachdb' },
];
const HOLD: Extra[] = [{ datastores: 'couchdb' }, { brokers: 'activemq' }];
const UNLISTED: Extra[] = [
  { datastores: 'couchbase' },
  { brokers: 'beanstalkd' },
];

function extraOf(i: number): Extra {
  if (i % 10 === 3) {
    return ASSESS[i % ASSESS.length];
  }
  if (i % 50 === 17) {
    return HOLD[Math.floor(i / 50) % HOLD.length];
  }
  if (i % 50 === 41) {
    return UNLISTED[Math.floor(i / 50) % UNLISTED.length];
  }
  return {};
}

/**
 * The `governance/stack` annotation of `service-<i>`: an approved stack, with one more
 * datastore or broker on assess for one service in ten, on hold for one in fifty and on no
 * radar for another one in fifty.
 */
export function stackAnnotation(i: number): string {
  const [language, framework, datastores, brokers] =
    APPROVED_STACKS[i % APPROVED_STACKS.length];
  const extra = extraOf(i);
  const list = (...names: Array<string | undefined>) =>
    names.filter(Boolean).join(', ');
  return [
    ['languages', language],
    ['frameworks', framework],
    ['datastores', list(datastores, extra.datastores)],
    ['message-brokers', list(brokers, extra.brokers)],
  ]
    .filter(([, value]) => value)
    .map(([category, value]) => `${category}: ${value}`)
    .join('; ');
}
