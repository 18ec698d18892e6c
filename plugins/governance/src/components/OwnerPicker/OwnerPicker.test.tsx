import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ownerCatalogApi } from '../../__testUtils__/catalogOwners';
import { OwnerPicker } from './OwnerPicker';
import {
  expectOptionsListed,
  optionLabels,
} from '../../__testUtils__/userInput';

/** The picker as a filter uses it, with the picked ref shown where a test can read it. */
function Filter(props: { initial?: string; onChange?: jest.Mock }) {
  const [owner, setOwner] = useState(props.initial);
  return (
    <>
      <OwnerPicker
        id="owner"
        value={owner}
        onChange={next => {
          props.onChange?.(next);
          setOwner(next);
        }}
      />
      <button type="button">elsewhere</button>
      <div data-testid="picked">{owner ?? 'nobody picked'}</div>
    </>
  );
}

async function renderPicker(
  initial?: string,
  catalogApi = ownerCatalogApi(),
  onChange = jest.fn(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <Filter initial={initial} onChange={onChange} />
    </TestApiProvider>,
  );
  return onChange;
}

const owner = () => screen.getByRole('textbox', { name: 'Owner' });

describe('OwnerPicker', () => {
  it('offers the teams and people that own entities by their display names, narrowing as the user types', async () => {
    await renderPicker();

    await userEvent.click(owner());
    await screen.findByRole('listbox');
    await expectOptionsListed([
      'Paymentsgroup:team-payments',
      'Payments Platformgroup:finance/payments-platform',
      'Searchgroup:team-search',
      'Jane Doeuser:jane.doe',
    ]);

    await userEvent.type(owner(), 'pay');
    expect(optionLabels()).toEqual([
      'Paymentsgroup:team-payments',
      'Payments Platformgroup:finance/payments-platform',
    ]);
    // Payroll owns nothing, so it is no use as a filter.
    expect(screen.queryByRole('option', { name: /Payroll/ })).toBeNull();
  });

  it.each([
    ['its display name', 'Payments'],
    ['its entity name', 'team-payments'],
    ['its name in other words', 'Team Payments'],
    ['a ref with its display name', 'group:default/payments'],
    ['its full ref', 'group:default/team-payments'],
  ])('finds a team by %s, typed and confirmed with Enter', async (_, text) => {
    const onChange = await renderPicker();
    // The catalog has answered once the list shows the team.
    await userEvent.click(owner());
    await screen.findByText('group:team-payments');

    await userEvent.type(owner(), `${text}{Enter}`);

    expect(onChange).toHaveBeenLastCalledWith('group:default/team-payments');
    expect(screen.getByTestId('picked')).toHaveTextContent(
      'group:default/team-payments',
    );
    expect(owner()).toHaveValue('Payments');
  });

  it('takes the best match when the user leaves the field without picking', async () => {
    const onChange = await renderPicker();
    await userEvent.click(owner());
    await screen.findByText('user:jane.doe');

    await userEvent.type(owner(), 'jane');
    await userEvent.click(screen.getByRole('button', { name: 'elsewhere' }));

    expect(onChange).toHaveBeenLastCalledWith('user:default/jane.doe');
    expect(owner()).toHaveValue('Jane Doe');
  });

  it('shows a linked owner by its display name', async () => {
    await renderPicker('group:finance/payments-platform');

    await waitFor(() => expect(owner()).toHaveValue('Payments Platform'));
    expect(screen.queryByText('No team or person by that name')).toBeNull();
  });

  it('keeps text that names no owner, and says so', async () => {
    const onChange = await renderPicker();
    await userEvent.click(owner());
    await screen.findByText('group:team-search');

    await userEvent.type(owner(), 'marketing{Enter}');

    expect(onChange).toHaveBeenLastCalledWith('marketing');
    expect(
      await screen.findByText('No team or person by that name'),
    ).toBeInTheDocument();
  });

  it('removes the owner when the field is cleared', async () => {
    const onChange = await renderPicker('group:default/team-search');
    await waitFor(() => expect(owner()).toHaveValue('Search'));

    await userEvent.clear(owner());

    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByTestId('picked')).toHaveTextContent('nobody picked');
  });

  it('still takes a typed ref when the catalog cannot be asked', async () => {
    const catalogApi = ownerCatalogApi();
    jest
      .spyOn(catalogApi, 'getEntityFacets')
      .mockRejectedValue(new Error('catalog unavailable'));
    const onChange = await renderPicker(undefined, catalogApi);

    await userEvent.type(owner(), 'group:default/team-search{Enter}');

    expect(onChange).toHaveBeenLastCalledWith('group:default/team-search');
    expect(screen.queryByText('No team or person by that name')).toBeNull();
  });
});
