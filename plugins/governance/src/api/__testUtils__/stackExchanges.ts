import { technologies } from '../../__testUtils__/stack';
import { jsonResponse } from './answers';
import { Exchange } from './exchanges';

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
