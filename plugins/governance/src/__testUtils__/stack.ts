import { StackTechnologyList } from '@catalog-governance/backstage-plugin-governance-common';

/** The approved stack as the backend answers it: a radar read from its URL, hold first. */
export const technologies: StackTechnologyList = {
  radar: {
    configured: true,
    source: 'url',
    readAt: '2027-01-04T09:00:00.000Z',
    problems: [],
  },
  items: [
    {
      technology: 'mongodb',
      title: 'MongoDB',
      ring: 'hold',
      quadrant: 'Datastores',
      onRadar: true,
      categories: ['datastores'],
      entities: 3,
      clearedByAdr: 0,
    },
    {
      technology: 'couchdb',
      title: 'couchdb',
      onRadar: false,
      categories: ['datastores'],
      entities: 2,
      clearedByAdr: 1,
    },
    {
      technology: 'kafka',
      title: 'Apache Kafka',
      ring: 'adopt',
      onRadar: true,
      categories: ['messageBrokers'],
      entities: 7,
      clearedByAdr: 0,
    },
  ],
};
