import MuiLink from '@material-ui/core/Link';
import { ReactNode } from 'react';

/**
 * Text that reads like a link but opens something in place, such as a dialog: a button, so
 * the keyboard and screen readers treat it as one.
 */
export function LinkButton(props: {
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <MuiLink
      component="button"
      variant="body2"
      align="left"
      onClick={props.onClick}
    >
      {props.children}
    </MuiLink>
  );
}
