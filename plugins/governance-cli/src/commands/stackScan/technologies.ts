import type { StackCategory } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Where a dependency name comes from, and so how it is written:
 * - `npm`: a package name, `express` or `@nestjs/core`;
 * - `go`: a module path without its major-version suffix, `github.com/jackc/pgx`;
 * - `maven`: `groupId:artifactId` (pom.xml and Gradle), `org.postgresql:postgresql`;
 * - `gradlePlugin`: a Gradle plugin id, `org.springframework.boot`;
 * - `pypi`: a project name normalised as PEP 503 does, `psycopg2-binary`;
 * - `docker`: an image repository without its tag, `postgres` or `gcr.io/distroless/java17`.
 */
export type Ecosystem =
  | 'npm'
  | 'go'
  | 'maven'
  | 'gradlePlugin'
  | 'pypi'
  | 'docker';

/**
 * One technology and the dependency names that reveal it, by ecosystem. A name ending in `*`
 * matches every name it starts with (`org.springframework.boot:*`).
 */
export interface TechnologyRule {
  /** The technology as the radar names it, in the form `normaliseTechnology` gives. */
  technology: string;
  category: StackCategory;
  /**
   * A manifest's own language this one refines: a package.json with `typescript` is a
   * TypeScript project rather than a JavaScript one.
   */
  refines?: string;
  names: Partial<Record<Ecosystem, readonly string[]>>;
}

/**
 * Which dependency means which technology. Keep one row per technology, in its category's
 * block; a dependency that is not here (a utility library) is not part of the stack.
 */
export const TECHNOLOGY_RULES: readonly TechnologyRule[] = [
  // Languages that manifests do not imply by themselves, and the runtimes of base images.
  {
    technology: 'typescript',
    category: 'languages',
    refines: 'javascript',
    names: { npm: ['typescript'] },
  },
  {
    technology: 'kotlin',
    category: 'languages',
    refines: 'java',
    names: {
      maven: [
        'org.jetbrains.kotlin:kotlin-stdlib*',
        'org.jetbrains.kotlin:kotlin-maven-plugin',
      ],
      gradlePlugin: ['org.jetbrains.kotlin.*'],
    },
  },
  {
    technology: 'scala',
    category: 'languages',
    refines: 'java',
    names: {
      maven: ['org.scala-lang:scala-library', 'org.scala-lang:scala3-library*'],
    },
  },
  {
    technology: 'javascript',
    category: 'languages',
    names: { docker: ['node', 'gcr.io/distroless/nodejs*'] },
  },
  {
    technology: 'python',
    category: 'languages',
    names: { docker: ['python', 'gcr.io/distroless/python*'] },
  },
  { technology: 'go', category: 'languages', names: { docker: ['golang'] } },
  {
    technology: 'java',
    category: 'languages',
    names: {
      docker: [
        'eclipse-temurin',
        'openjdk',
        'amazoncorretto',
        'maven',
        'gradle',
        'gcr.io/distroless/java*',
      ],
    },
  },
  { technology: 'rust', category: 'languages', names: { docker: ['rust'] } },
  { technology: 'ruby', category: 'languages', names: { docker: ['ruby'] } },
  {
    technology: 'c#',
    category: 'languages',
    names: { docker: ['mcr.microsoft.com/dotnet/*'] },
  },

  // Frameworks.
  { technology: 'react', category: 'frameworks', names: { npm: ['react'] } },
  {
    technology: 'angular',
    category: 'frameworks',
    names: { npm: ['@angular/core'] },
  },
  { technology: 'vue', category: 'frameworks', names: { npm: ['vue'] } },
  { technology: 'svelte', category: 'frameworks', names: { npm: ['svelte'] } },
  { technology: 'next.js', category: 'frameworks', names: { npm: ['next'] } },
  {
    technology: 'express',
    category: 'frameworks',
    names: { npm: ['express'] },
  },
  {
    technology: 'nestjs',
    category: 'frameworks',
    names: { npm: ['@nestjs/core'] },
  },
  {
    technology: 'fastify',
    category: 'frameworks',
    names: { npm: ['fastify'] },
  },
  { technology: 'koa', category: 'frameworks', names: { npm: ['koa'] } },
  {
    technology: 'hapi',
    category: 'frameworks',
    names: { npm: ['@hapi/hapi'] },
  },
  {
    technology: 'backstage',
    category: 'frameworks',
    names: { npm: ['@backstage/*'] },
  },
  {
    technology: 'grpc',
    category: 'frameworks',
    names: {
      npm: ['@grpc/grpc-js'],
      go: ['google.golang.org/grpc'],
      maven: ['io.grpc:*'],
      pypi: ['grpcio'],
    },
  },
  {
    technology: 'gin',
    category: 'frameworks',
    names: { go: ['github.com/gin-gonic/gin'] },
  },
  {
    technology: 'echo',
    category: 'frameworks',
    names: { go: ['github.com/labstack/echo'] },
  },
  {
    technology: 'fiber',
    category: 'frameworks',
    names: { go: ['github.com/gofiber/fiber'] },
  },
  {
    technology: 'chi',
    category: 'frameworks',
    names: { go: ['github.com/go-chi/chi'] },
  },
  {
    technology: 'gorilla-mux',
    category: 'frameworks',
    names: { go: ['github.com/gorilla/mux'] },
  },
  {
    technology: 'spring-boot',
    category: 'frameworks',
    names: {
      maven: ['org.springframework.boot:*'],
      gradlePlugin: ['org.springframework.boot'],
    },
  },
  {
    technology: 'quarkus',
    category: 'frameworks',
    names: { maven: ['io.quarkus:*'], gradlePlugin: ['io.quarkus'] },
  },
  {
    technology: 'micronaut',
    category: 'frameworks',
    names: { maven: ['io.micronaut:*'] },
  },
  {
    technology: 'ktor',
    category: 'frameworks',
    names: { maven: ['io.ktor:*'] },
  },
  {
    technology: 'dropwizard',
    category: 'frameworks',
    names: { maven: ['io.dropwizard:*'] },
  },
  { technology: 'django', category: 'frameworks', names: { pypi: ['django'] } },
  { technology: 'flask', category: 'frameworks', names: { pypi: ['flask'] } },
  {
    technology: 'fastapi',
    category: 'frameworks',
    names: { pypi: ['fastapi'] },
  },
  { technology: 'celery', category: 'frameworks', names: { pypi: ['celery'] } },
  {
    technology: 'aiohttp',
    category: 'frameworks',
    names: { pypi: ['aiohttp'] },
  },

  // Datastores: their client libraries, and their images in a Dockerfile.
  {
    technology: 'postgresql',
    category: 'datastores',
    names: {
      npm: ['pg', 'postgres', 'pg-promise'],
      go: ['github.com/jackc/pgx', 'github.com/lib/pq'],
      maven: ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql'],
      pypi: ['psycopg', 'psycopg2', 'psycopg2-binary', 'asyncpg'],
      docker: ['postgres', 'bitnami/postgresql'],
    },
  },
  {
    technology: 'mysql',
    category: 'datastores',
    names: {
      npm: ['mysql', 'mysql2'],
      go: ['github.com/go-sql-driver/mysql'],
      maven: ['com.mysql:mysql-connector-j', 'mysql:mysql-connector-java'],
      pypi: ['mysqlclient', 'pymysql', 'mysql-connector-python'],
      docker: ['mysql', 'bitnami/mysql'],
    },
  },
  {
    technology: 'mariadb',
    category: 'datastores',
    names: {
      npm: ['mariadb'],
      maven: ['org.mariadb.jdbc:mariadb-java-client'],
      pypi: ['mariadb'],
      docker: ['mariadb'],
    },
  },
  {
    technology: 'mongodb',
    category: 'datastores',
    names: {
      npm: ['mongodb', 'mongoose'],
      go: ['go.mongodb.org/mongo-driver'],
      maven: ['org.mongodb:*'],
      pypi: ['pymongo', 'motor'],
      docker: ['mongo'],
    },
  },
  {
    technology: 'redis',
    category: 'datastores',
    names: {
      npm: ['redis', 'ioredis'],
      go: [
        'github.com/redis/go-redis',
        'github.com/go-redis/redis',
        'github.com/gomodule/redigo',
      ],
      maven: ['redis.clients:jedis', 'io.lettuce:lettuce-core'],
      pypi: ['redis'],
      docker: ['redis', 'bitnami/redis'],
    },
  },
  {
    technology: 'sqlite',
    category: 'datastores',
    names: {
      npm: ['sqlite3', 'better-sqlite3'],
      go: ['github.com/mattn/go-sqlite3', 'modernc.org/sqlite'],
      maven: ['org.xerial:sqlite-jdbc'],
    },
  },
  {
    technology: 'elasticsearch',
    category: 'datastores',
    names: {
      npm: ['@elastic/elasticsearch'],
      go: ['github.com/elastic/go-elasticsearch'],
      maven: [
        'co.elastic.clients:elasticsearch-java',
        'org.elasticsearch.client:*',
      ],
      pypi: ['elasticsearch'],
      docker: [
        'elasticsearch',
        'docker.elastic.co/elasticsearch/elasticsearch',
      ],
    },
  },
  {
    technology: 'cassandra',
    category: 'datastores',
    names: {
      npm: ['cassandra-driver'],
      go: ['github.com/gocql/gocql'],
      maven: ['com.datastax.oss:*'],
      pypi: ['cassandra-driver'],
      docker: ['cassandra'],
    },
  },
  {
    technology: 'dynamodb',
    category: 'datastores',
    names: {
      npm: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
      go: ['github.com/aws/aws-sdk-go-v2/service/dynamodb'],
      maven: ['software.amazon.awssdk:dynamodb*'],
    },
  },

  // Message brokers.
  {
    technology: 'kafka',
    category: 'messageBrokers',
    names: {
      npm: ['kafkajs', 'node-rdkafka', '@confluentinc/kafka-javascript'],
      go: [
        'github.com/segmentio/kafka-go',
        'github.com/IBM/sarama',
        'github.com/Shopify/sarama',
        'github.com/confluentinc/confluent-kafka-go',
        'github.com/twmb/franz-go',
      ],
      maven: ['org.apache.kafka:*', 'org.springframework.kafka:*'],
      pypi: ['kafka-python', 'confluent-kafka', 'aiokafka'],
      docker: ['apache/kafka', 'bitnami/kafka', 'confluentinc/cp-kafka'],
    },
  },
  {
    technology: 'rabbitmq',
    category: 'messageBrokers',
    names: {
      npm: ['amqplib', 'amqp-connection-manager'],
      go: ['github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp'],
      maven: ['com.rabbitmq:amqp-client', 'org.springframework.amqp:*'],
      pypi: ['pika', 'aio-pika'],
      docker: ['rabbitmq', 'bitnami/rabbitmq'],
    },
  },
  {
    technology: 'nats',
    category: 'messageBrokers',
    names: {
      npm: ['nats'],
      go: ['github.com/nats-io/nats.go'],
      maven: ['io.nats:jnats'],
      pypi: ['nats-py'],
      docker: ['nats'],
    },
  },
  {
    technology: 'pulsar',
    category: 'messageBrokers',
    names: {
      npm: ['pulsar-client'],
      go: ['github.com/apache/pulsar-client-go'],
      maven: ['org.apache.pulsar:*'],
      pypi: ['pulsar-client'],
      docker: ['apachepulsar/pulsar'],
    },
  },
  {
    technology: 'sqs',
    category: 'messageBrokers',
    names: {
      npm: ['@aws-sdk/client-sqs'],
      go: ['github.com/aws/aws-sdk-go-v2/service/sqs'],
      maven: ['software.amazon.awssdk:sqs'],
    },
  },
  {
    technology: 'google-pubsub',
    category: 'messageBrokers',
    names: {
      npm: ['@google-cloud/pubsub'],
      go: ['cloud.google.com/go/pubsub'],
      maven: ['com.google.cloud:google-cloud-pubsub'],
      pypi: ['google-cloud-pubsub'],
    },
  },
];

/** A rule a dependency matched. */
export type TechnologyMatch = Pick<
  TechnologyRule,
  'technology' | 'category' | 'refines'
>;

/** Looks dependency names up in a table of rules; names are compared as written. */
export class TechnologyIndex {
  private readonly exact = new Map<string, TechnologyMatch[]>();
  private readonly prefixes: { prefix: string; match: TechnologyMatch }[] = [];

  constructor(rules: readonly TechnologyRule[] = TECHNOLOGY_RULES) {
    for (const { names, ...match } of rules) {
      for (const [ecosystem, list] of Object.entries(names)) {
        for (const name of list ?? []) {
          const key = `${ecosystem} ${name}`;
          if (name.endsWith('*')) {
            this.prefixes.push({ prefix: key.slice(0, -1), match });
          } else {
            this.exact.set(key, [...(this.exact.get(key) ?? []), match]);
          }
        }
      }
    }
  }

  /** The technologies a dependency reveals; none for a library that is not in the table. */
  lookup(ecosystem: Ecosystem, name: string): TechnologyMatch[] {
    const key = `${ecosystem} ${name}`;
    return [
      ...(this.exact.get(key) ?? []),
      ...this.prefixes.filter(p => key.startsWith(p.prefix)).map(p => p.match),
    ];
  }
}
