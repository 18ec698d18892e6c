import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdrChain } from './AdrChain';

describe('AdrChain', () => {
  it('reads from what came before to what came after, each stored ADR opening in place', async () => {
    const onOpenAdr = jest.fn();
    await renderInTestApp(
      <AdrChain
        entityRef="component:default/checkout-web"
        onOpenAdr={onOpenAdr}
        chain={[
          {
            relation: 'superseded-by',
            target: '0005-shared-sessions.md',
            adrId: 'p1',
            entityRef: 'component:default/payments',
            number: 5,
            title: 'Share sessions',
          },
          {
            relation: 'supersedes',
            target: '0002-css-in-js.md',
            adrId: 'c2',
            entityRef: 'component:default/checkout-web',
            number: 2,
            title: 'Use CSS-in-JS',
          },
        ]}
      />,
    );
    const links = screen.getAllByTestId('governance-adr-chain-link');
    expect(links.map(link => link.textContent)).toEqual([
      'supersedes ADR 2: Use CSS-in-JS',
      'superseded by ADR 5: Share sessions in component:default/payments',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'ADR 5: Share sessions' }),
    );
    expect(onOpenAdr).toHaveBeenCalledWith('p1');
  });

  it('says what to show for a decision in no chain', async () => {
    await renderInTestApp(
      <AdrChain entityRef="x" onOpenAdr={jest.fn()} chain={[]} empty="—" />,
    );
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
