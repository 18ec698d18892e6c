import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { useUrlState } from './useUrlState';

function parseCount(params: URLSearchParams): number {
  return Number(params.get('count') ?? 0);
}

function Counter() {
  const { state, update, setPage } = useUrlState(parseCount);
  const location = useLocation();
  return (
    <>
      <output aria-label="count">{state}</output>
      <output aria-label="search">{location.search}</output>
      <button
        onClick={() => update(next => next.set('count', String(state + 1)))}
      >
        More
      </button>
      <button onClick={() => setPage(20, 10)}>Third page</button>
    </>
  );
}

describe('useUrlState', () => {
  it('reads the state from the URL and changes only the parameters it is asked to', async () => {
    await renderInTestApp(<Counter />, { routeEntries: ['/?count=2&tab=x'] });
    expect(screen.getByLabelText('count')).toHaveTextContent('2');

    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(screen.getByLabelText('count')).toHaveTextContent('3');
    expect(screen.getByLabelText('search')).toHaveTextContent('?count=3&tab=x');

    await userEvent.click(screen.getByRole('button', { name: 'Third page' }));
    expect(screen.getByLabelText('search')).toHaveTextContent(
      '?count=3&tab=x&offset=20&limit=10',
    );
  });
});
