import { StackTechnologyList } from '@catalog-governance/backstage-plugin-governance-common';
import { jsonResponse } from './answers';
import { Exchange } from './exchanges';

const technologies: StackTechnologyList = {
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
      onRadar: true,
      categories: ['datastores'],
      entities: 1,
      clearedByAdr: 0,
    },
  ],
};

/** The approved-stack calls of the client: what each sends, and what it makes of the answer. */
export const stackExchanges: Exchange[] = [
  {
    behaviour: 'lists the approved stack’s technologies with the radar’s state',
    call: client => client.listStackTechnologies(),
    answer: () => jsonResponse(200, technologies),
    returns: technologies,
    sends: { method: 'GET', path: '/stack/technologies' },
  },
];
