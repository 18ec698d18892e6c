import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** Secondary text inside a line, such as "no value" or a date beside a state. */
export function Muted(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      {props.children}
    </Typography>
  );
}
