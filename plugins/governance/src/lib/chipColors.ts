import { Theme } from '@material-ui/core/styles';

/** A status chip filled with a palette colour, its text in that colour's contrast text. */
export function filledChip(color: { main: string; contrastText: string }) {
  return { backgroundColor: color.main, color: color.contrastText };
}

/** A status chip for what asks for no attention any more: grey, its text still readable. */
export function quietChip(theme: Theme) {
  return {
    backgroundColor: theme.palette.grey[400],
    color: theme.palette.getContrastText(theme.palette.grey[400]),
  };
}
