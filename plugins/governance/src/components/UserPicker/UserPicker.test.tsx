import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { userCatalogApi } from '../../__testUtils__/catalogUsers';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { reviewSettings } from '../../__testUtils__/reviews';
import { governanceApiRef } from '../../api';
import { UserPicker } from './UserPicker';
import { expectOptionsListed } from '../../__testUtils__/userInput';

function Field() {
  const [user, setUser] = useState<string>();
  return (
    <>
      <UserPicker
        id="assignee"
        label="Assignee"
        value={user}
        onChange={setUser}
      />
      <div data-testid="picked">{user ?? 'nobody picked'}</div>
    </>
  );
}

async function renderPicker(councilGroup: string | undefined) {
  const api = mockReviewApi({
    getReviewSettings: async () => ({ ...reviewSettings, councilGroup }),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, userCatalogApi()],
        [governanceApiRef, api],
      ]}
    >
      <Field />
    </TestApiProvider>,
  );
  return screen.getByRole('textbox', { name: 'Assignee' });
}

/** Opens the picker of a council-configured app once the council's members are listed. */
async function openCouncilPicker() {
  const field = await renderPicker(reviewSettings.councilGroup);
  await userEvent.click(field);
  await screen.findByText('Council members');
  return field;
}

describe('UserPicker', () => {
  it('offers every user by display name when no council is configured', async () => {
    const field = await renderPicker(undefined);

    await userEvent.click(field);
    await expectOptionsListed([
      'Amir Khanuser:amir.khan',
      'Jane Doeuser:jane.doe',
      'Li Weiuser:li.wei',
      'Sam Leeuser:sam.lee',
    ]);
    expect(screen.queryByText('Council members')).toBeNull();

    await userEvent.type(field, 'jane{Enter}');
    expect(screen.getByTestId('picked')).toHaveTextContent(
      'user:default/jane.doe',
    );
    expect(field).toHaveValue('Jane Doe');
  });

  it('never takes a user who cannot be assigned on Enter', async () => {
    const field = await openCouncilPicker();

    // Sam Lee is not on the council: the backend would refuse him.
    await userEvent.type(field, 'sam{Enter}');
    expect(screen.getByTestId('picked')).toHaveTextContent('sam');
    expect(screen.getByTestId('picked')).not.toHaveTextContent('sam.lee');

    await userEvent.clear(field);
    await userEvent.type(field, 'li{Enter}');
    expect(screen.getByTestId('picked')).toHaveTextContent(
      'user:default/li.wei',
    );
  });

  it('says so when the text names no user in the catalog', async () => {
    const field = await openCouncilPicker();

    await userEvent.type(field, 'nobody.here{Enter}');
    expect(screen.getByTestId('picked')).toHaveTextContent('nobody.here');
    expect(
      screen.getByText('No user by that name in the catalog'),
    ).toBeInTheDocument();
  });
});
