import { screen } from '@testing-library/react';
import { GovernanceApi } from '../../api';
import { mockViewApi } from '../../__testUtils__/mockGovernanceApi';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';
import { technologies } from '../../__testUtils__/stack';
import { rowCellTexts } from '../../__testUtils__/tableRows';
import { StackTechnologiesView } from './StackTechnologiesView';

async function renderView(
  listStackTechnologies: GovernanceApi['listStackTechnologies'],
) {
  await renderInGovernanceApp(<StackTechnologiesView />, {
    api: mockViewApi({ listStackTechnologies }),
  });
}

const rowCells = (technology: string) =>
  rowCellTexts(`governance-stack-technology-${technology}`);

describe('StackTechnologiesView', () => {
  it('lists each technology with its ring, what it is used as and how many entities use it', async () => {
    await renderView(async () => technologies);
    await screen.findByRole('table', { name: 'Technologies' });
    expect(rowCells('mongodb')).toEqual([
      'MongoDB',
      'hold',
      'datastore',
      '3',
      '',
    ]);
    expect(rowCells('couchdb')).toEqual([
      'couchdb',
      'Not on the radar',
      'datastore',
      '2',
      '1 of 2',
    ]);
    expect(rowCells('kafka')).toEqual([
      'Apache Kafkakafka',
      'adopt',
      'message broker',
      '7',
      '',
    ]);
    expect(
      screen.getByText(/^Radar read .* from its URL\.$/),
    ).toBeInTheDocument();
  });

  it.each([
    ['url', 'its URL'],
    ['file', 'its file'],
    ['config', 'the entries in config'],
  ] as const)(
    'says the radar was read from %s when it came from there',
    async (source, origin) => {
      await renderView(async () => ({
        ...technologies,
        radar: { ...technologies.radar, source },
      }));
      expect(
        await screen.findByText(
          new RegExp(`^Radar read .* from ${origin}\\.$`),
        ),
      ).toBeInTheDocument();
    },
  );

  it('warns when the radar could not be read, keeping the last good one', async () => {
    await renderView(async () => ({
      ...technologies,
      radar: {
        ...technologies.radar,
        error:
          'The radar at governance.stack.radar.url could not be read: nothing is there (not found)',
      },
    }));
    expect(
      await screen.findByText(/The radar could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /nothing is there \(not found\)\. The radar read before stays in use\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Technologies' }),
    ).toBeInTheDocument();
  });

  it('says how to configure a radar when there is none', async () => {
    await renderView(async () => ({
      radar: { configured: false, problems: [] },
      items: [],
    }));
    expect(
      await screen.findByText(
        /No radar is configured\. Set governance\.stack\.radar/,
      ),
    ).toBeInTheDocument();
  });

  it('shows why the technologies could not be loaded', async () => {
    await renderView(refusedWith(503, 'database unavailable'));
    await expectRefusalShown(
      'Request failed with 503 Service Unavailable',
      'database unavailable',
    );
  });
});
