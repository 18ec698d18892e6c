import { makeStyles } from '@material-ui/core/styles';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(3) },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  centered: { alignItems: 'center' },
}));

/** One titled part of a detail dialog, below its facts. */
export function DialogSection(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="section" className={classes.section}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * The facts at the top of a detail dialog: `<dt>` names and `<dd>` values side by side, the
 * names in one column. `centered` lines up values taller than a line, such as chips.
 */
export function FactList(props: {
  children: ReactNode;
  centered?: boolean;
  'data-testid'?: string;
}) {
  const classes = useStyles();
  return (
    <dl
      className={
        props.centered ? `${classes.facts} ${classes.centered}` : classes.facts
      }
      data-testid={props['data-testid']}
    >
      {props.children}
    </dl>
  );
}
