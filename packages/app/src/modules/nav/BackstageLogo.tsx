import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: ({ height }: { height: number }) => height,
  },
  path: {
    fill: '#7df3e1',
  },
});

/** The Backstage logo as create-app draws it: one path in the sidebar's colour. */
export const BackstageLogo = (props: {
  height: number;
  viewBox: string;
  path: string;
}) => {
  const classes = useStyles({ height: props.height });

  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={props.viewBox}
    >
      <path className={classes.path} d={props.path} />
    </svg>
  );
};
