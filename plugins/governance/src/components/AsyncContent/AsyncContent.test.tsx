import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AsyncContent } from './AsyncContent';

const isEmpty = (items: string[]) => items.length === 0;
const list = (items: string[]) => <span>{items.join(', ')}</span>;

describe('AsyncContent', () => {
  it('shows the error instead of the list', async () => {
    await renderInTestApp(
      <AsyncContent
        error={new Error('backend down')}
        value={['a']}
        isEmpty={isEmpty}
        empty="Nothing"
      >
        {list}
      </AsyncContent>,
    );
    expect(screen.getByText('Error: backend down')).toBeInTheDocument();
    expect(screen.queryByText('a')).not.toBeInTheDocument();
  });

  it('shows progress until the first answer', async () => {
    await renderInTestApp(
      <AsyncContent value={undefined} isEmpty={isEmpty} empty="Nothing">
        {list}
      </AsyncContent>,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an empty sentence as secondary text, or the element given', async () => {
    const { rerender } = await renderInTestApp(
      <AsyncContent value={[]} isEmpty={isEmpty} empty="Nothing to list.">
        {list}
      </AsyncContent>,
    );
    expect(screen.getByText('Nothing to list.')).toHaveClass(
      'MuiTypography-colorTextSecondary',
    );
    rerender(
      <AsyncContent
        value={[]}
        isEmpty={isEmpty}
        empty={<strong>All clear</strong>}
      >
        {list}
      </AsyncContent>,
    );
    expect(screen.getByText('All clear').tagName).toBe('STRONG');
  });

  it('keeps the list in place under a progress bar while a newer answer loads', async () => {
    await renderInTestApp(
      <AsyncContent
        value={['a', 'b']}
        isEmpty={isEmpty}
        empty="Nothing"
        loading
      >
        {list}
      </AsyncContent>,
    );
    expect(screen.getByText('a, b')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
  });
});
