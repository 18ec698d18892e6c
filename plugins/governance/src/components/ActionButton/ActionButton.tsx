import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';

/**
 * The action a card or section offers beside what it shows, such as Request review or Record
 * retrospective: a small outlined button in the primary colour.
 */
export function ActionButton(props: {
  onClick: () => void;
  children: ReactNode;
}) {
  return <Button variant="outlined" size="small" color="primary" {...props} />;
}
