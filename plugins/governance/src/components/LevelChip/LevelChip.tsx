import { makeStyles, Theme } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';

/**
 * The default levels' metals. Each chip carries its own background and the text colour that
 * contrasts with it, so it reads the same on a light and a dark page.
 */
const METALS: Record<string, string> = {
  bronze: '#a86b32',
  silver: '#a7adb3',
  gold: '#d4a72c',
};

const useStyles = makeStyles<Theme>(theme => {
  const filled = (background: string) => ({
    backgroundColor: background,
    color: theme.palette.getContrastText(background),
    fontWeight: theme.typography.fontWeightMedium as number,
  });
  return {
    bronze: filled(METALS.bronze),
    silver: filled(METALS.silver),
    gold: filled(METALS.gold),
    // Levels an organisation adds in config have no metal of their own.
    other: filled(theme.palette.primary.main),
  };
});

/** Props for {@link LevelChip}. */
export interface LevelChipProps {
  /** The level reached; `null` when the entity reaches none. */
  level: { name: string; title?: string } | null;
  size?: 'small' | 'medium';
}

/**
 * A maturity level as a badge: its title in words on the level's colour (bronze, silver, gold),
 * so the colour is never the only thing that tells levels apart. No level is an outlined chip.
 */
export function LevelChip(props: LevelChipProps) {
  const classes = useStyles();
  const { level, size = 'small' } = props;
  if (!level) {
    return (
      <Chip
        size={size}
        variant="outlined"
        label="no level"
        data-testid="governance-level"
        data-level=""
      />
    );
  }
  return (
    <Chip
      size={size}
      label={level.title ?? level.name}
      className={METALS[level.name] ? classes[level.name] : classes.other}
      // The name as configured, for readers who look levels up in app-config.yaml.
      title={level.title ? `${level.title} (${level.name})` : undefined}
      data-testid="governance-level"
      data-level={level.name}
    />
  );
}
