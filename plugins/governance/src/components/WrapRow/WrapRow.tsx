import Box, { BoxProps } from '@material-ui/core/Box';

/** Props for {@link WrapRow}: a Box's, with the gap between items in pixels. */
export type WrapRowProps = BoxProps & { gap?: number };

/**
 * Items side by side, centred on one line, wrapping onto the next when the space runs out:
 * a badge with its words, or a list of badges with their counts.
 */
export function WrapRow(props: WrapRowProps) {
  const { gap = 8, style, ...rest } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      {...rest}
      style={{ gap, ...style }}
    />
  );
}
