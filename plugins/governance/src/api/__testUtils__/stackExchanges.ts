import { technologies } from '../../__testUtils__/stack';
import { answersJson, Exchange } from './exchanges';

/** The approved-stack calls of the client: what each sends, and what it makes of the answer. */
export const stackExchanges: Exchange[] = [
  {
    behaviour: 'lists the approved stack’s technologies with the radar’s state',
    call: client => client.listStackTechnologies(),
    ...answersJson(200, technologies),
    sends: { method: 'GET', path: '/stack/technologies' },
  },
];
