import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  TRADE_OFF_LIMITS,
  TRADE_OFF_SCORES,
  TradeOffCell,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';

/** What the editor changes: the matrix without its stored bookkeeping. */
export type TradeOffDraft = Pick<
  TradeOffMatrix,
  'criteria' | 'options' | 'cells'
>;

const useStyles = makeStyles({
  table: { '& td, & th': { verticalAlign: 'top' } },
  cell: { minWidth: 180 },
  // Wide enough for the labels "Weight" and "Score" to stay on one line.
  weight: { minWidth: 80, flexShrink: 0 },
  score: { minWidth: 80 },
  option: { minWidth: 200 },
});

/** The first `prefix-N` no option or criterion uses yet; ids never change once given. */
function freshId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) {
    n += 1;
  }
  return `${prefix}-${n}`;
}

/** The list with its `index`th item changed. */
function changedAt<T>(list: T[], index: number, change: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}

/** The fields of one criterion or option, with the button that removes it beside them. */
function Removable(props: {
  /** The remove button's accessible name, which says what it removes. */
  removeLabel: string;
  disabled?: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { removeLabel, disabled, onRemove, children } = props;
  return (
    <Box display="flex" alignItems="flex-start" style={{ gap: 4 }}>
      {children}
      <IconButton
        size="small"
        aria-label={removeLabel}
        disabled={disabled}
        onClick={onRemove}
      >
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}

/** Props for {@link TradeOffMatrixEditor}. */
export interface TradeOffMatrixEditorProps {
  draft: TradeOffDraft;
  onChange: (draft: TradeOffDraft) => void;
  disabled?: boolean;
}

/**
 * Options as rows and criteria as columns: each criterion's title and weight in its header,
 * each cell a score from 1 (worst) to 5 (best) and a note.
 */
export function TradeOffMatrixEditor(props: TradeOffMatrixEditorProps) {
  const classes = useStyles();
  const { draft, onChange, disabled } = props;
  const { criteria, options, cells } = draft;

  const cellOf = (optionId: string, criterionId: string) =>
    cells.find(c => c.optionId === optionId && c.criterionId === criterionId);
  const setCell = (
    optionId: string,
    criterionId: string,
    change: Partial<TradeOffCell> | undefined,
  ) => {
    const others = cells.filter(
      c => !(c.optionId === optionId && c.criterionId === criterionId),
    );
    const current = cellOf(optionId, criterionId);
    const next = { optionId, criterionId, score: 3, ...current, ...change };
    onChange({
      ...draft,
      // No score means no cell: an unscored option is listed as such, not scored 0.
      cells: change && change.score !== undefined ? [...others, next] : others,
    });
  };
  const allIds = [...criteria.map(c => c.id), ...options.map(o => o.id)];
  const changeCriterion = (
    index: number,
    change: Partial<TradeOffDraft['criteria'][number]>,
  ) => onChange({ ...draft, criteria: changedAt(criteria, index, change) });
  const changeOption = (
    index: number,
    change: Partial<TradeOffDraft['options'][number]>,
  ) => onChange({ ...draft, options: changedAt(options, index, change) });
  // A criterion or option goes with its cells.
  const removeCriterion = (index: number) =>
    onChange({
      ...draft,
      criteria: criteria.filter((_, i) => i !== index),
      cells: cells.filter(c => c.criterionId !== criteria[index].id),
    });
  const removeOption = (index: number) =>
    onChange({
      ...draft,
      options: options.filter((_, i) => i !== index),
      cells: cells.filter(c => c.optionId !== options[index].id),
    });
  const addCriterion = () =>
    onChange({
      ...draft,
      criteria: [
        ...criteria,
        {
          id: freshId('criterion', allIds),
          title: `Criterion ${criteria.length + 1}`,
          weight: 1,
        },
      ],
    });
  const addOption = () =>
    onChange({
      ...draft,
      options: [
        ...options,
        {
          id: freshId('option', allIds),
          title: `Option ${options.length + 1}`,
        },
      ],
    });

  return (
    <Box>
      <Box overflow="auto">
        <Table
          size="small"
          aria-label="Trade-off matrix"
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              <TableCell className={classes.option}>Option</TableCell>
              {criteria.map((criterion, index) => (
                <TableCell key={criterion.id} className={classes.cell}>
                  <Removable
                    removeLabel={`Remove criterion ${criterion.title}`}
                    disabled={disabled || criteria.length <= 1}
                    onRemove={() => removeCriterion(index)}
                  >
                    <TextField
                      label="Criterion"
                      value={criterion.title}
                      disabled={disabled}
                      inputProps={{ maxLength: 80 }}
                      onChange={e =>
                        changeCriterion(index, { title: e.target.value })
                      }
                    />
                    <TextField
                      label="Weight"
                      type="number"
                      className={classes.weight}
                      value={criterion.weight}
                      disabled={disabled}
                      inputProps={{ min: 0, max: TRADE_OFF_LIMITS.maxWeight }}
                      onChange={e => {
                        const weight = Math.max(
                          0,
                          Math.min(
                            TRADE_OFF_LIMITS.maxWeight,
                            Math.round(Number(e.target.value) || 0),
                          ),
                        );
                        changeCriterion(index, { weight });
                      }}
                    />
                  </Removable>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {options.map((option, index) => (
              <TableRow
                key={option.id}
                data-testid={`governance-trade-off-option-${option.id}`}
              >
                <TableCell
                  component="th"
                  scope="row"
                  className={classes.option}
                >
                  <Removable
                    removeLabel={`Remove option ${option.title}`}
                    disabled={disabled}
                    onRemove={() => removeOption(index)}
                  >
                    <TextField
                      label="Option"
                      value={option.title}
                      fullWidth
                      multiline
                      disabled={disabled}
                      inputProps={{ maxLength: 120 }}
                      onChange={e =>
                        changeOption(index, { title: e.target.value })
                      }
                    />
                  </Removable>
                </TableCell>
                {criteria.map(criterion => {
                  const cell = cellOf(option.id, criterion.id);
                  const name = `${option.title} on ${criterion.title}`;
                  return (
                    <TableCell key={criterion.id} className={classes.cell}>
                      <TextField
                        select
                        SelectProps={{ native: true }}
                        label="Score"
                        className={classes.score}
                        value={cell?.score ?? ''}
                        disabled={disabled}
                        inputProps={{ 'aria-label': `Score of ${name}` }}
                        onChange={e =>
                          setCell(
                            option.id,
                            criterion.id,
                            e.target.value
                              ? { score: Number(e.target.value) }
                              : undefined,
                          )
                        }
                      >
                        <option value="">–</option>
                        {TRADE_OFF_SCORES.map(score => (
                          <option key={score} value={score}>
                            {score}
                          </option>
                        ))}
                      </TextField>
                      <TextField
                        label="Note"
                        value={cell?.note ?? ''}
                        disabled={disabled || !cell}
                        fullWidth
                        multiline
                        inputProps={{
                          maxLength: TRADE_OFF_LIMITS.note,
                          'aria-label': `Note on ${name}`,
                        }}
                        onChange={e =>
                          setCell(option.id, criterion.id, {
                            score: cell?.score,
                            note: e.target.value,
                          })
                        }
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Box display="flex" style={{ gap: 8 }} mt={1}>
        <Button
          size="small"
          disabled={disabled || options.length >= TRADE_OFF_LIMITS.options}
          onClick={addOption}
        >
          Add option
        </Button>
        <Button
          size="small"
          disabled={disabled || criteria.length >= TRADE_OFF_LIMITS.criteria}
          onClick={addCriterion}
        >
          Add criterion
        </Button>
      </Box>
    </Box>
  );
}
