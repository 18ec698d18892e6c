import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  CampaignTarget,
  ComplianceGroupBy,
  DEFAULT_TIER_POLICIES,
  tierChecks,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { FormTextField } from '../FormDialog';

/** A value a field offers, and how it reads. */
export interface FieldOption {
  value: string;
  label: string;
}

/** The kinds the catalog's governed entities usually have; any other can be typed. */
const KIND_OPTIONS: FieldOption[] = [
  'Component',
  'API',
  'Resource',
  'System',
].map(kind => ({ value: kind, label: kind }));

/**
 * The built-in checks every default tier runs, by id. Custom checks and configured tiers add
 * their own: those can be typed, and the backend names any id its scorecard does not know.
 */
export const CHECK_OPTIONS: FieldOption[] = [
  ...new Map(
    DEFAULT_TIER_POLICIES.flatMap(policy =>
      tierChecks(policy, { warnMarginPercent: 0 }),
    ).map(check => [check.id, { value: check.id, label: check.title }]),
  ).values(),
];

/** An entity ref as people read it: `payments` for a group in the default namespace. */
function refLabel(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref));
  } catch {
    return ref;
  }
}

/**
 * The values of one target dimension that the scorecard has placed entities under, from the
 * compliance roll-up: a campaign's target is read from those same placements.
 */
function usePlacementOptions(dimension: ComplianceGroupBy) {
  return useGovernanceAsync(
    async (api): Promise<FieldOption[]> => {
      const rollup = await api.getComplianceRollup(dimension);
      return rollup.groups.flatMap(group =>
        group.key
          ? [
              {
                value: group.key,
                label: dimension === 'tier' ? group.key : refLabel(group.key),
              },
            ]
          : [],
      );
    },
    [dimension],
  );
}

/**
 * Several values picked from a list, or typed when the list does not have them (a custom
 * check, a kind, or a list that could not be loaded).
 */
export function MultiValueField(props: {
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  options: FieldOption[];
  loading?: boolean;
  helperText?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const { id, label, values, onChange, options, error, helperText } = props;
  const labelOf = (value: string) =>
    options.find(o => o.value === value)?.label ?? value;
  return (
    <Autocomplete<string, true, false, true>
      id={id}
      multiple
      freeSolo
      autoHighlight
      filterSelectedOptions
      disabled={props.disabled}
      loading={props.loading}
      options={options.map(o => o.value)}
      value={values}
      getOptionLabel={labelOf}
      renderOption={value => {
        const optionLabel = labelOf(value);
        return optionLabel === value ? value : `${optionLabel} (${value})`;
      }}
      onChange={(_event, next) =>
        onChange([...new Set(next.map(v => v.trim()).filter(Boolean))])
      }
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          margin="normal"
          label={label}
          required={props.required}
          error={!!error}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}

const TARGET_FIELDS: Array<{
  key: keyof Omit<CampaignTarget, 'entityRefs' | 'kinds' | 'filter'>;
  dimension: ComplianceGroupBy;
  label: string;
}> = [
  { key: 'tiers', dimension: 'tier', label: 'Tiers' },
  { key: 'owners', dimension: 'owner', label: 'Owners' },
  { key: 'systems', dimension: 'system', label: 'Systems' },
  { key: 'domains', dimension: 'domain', label: 'Domains' },
];

function PlacementField(props: {
  idPrefix: string;
  field: (typeof TARGET_FIELDS)[number];
  target: CampaignTarget;
  onChange: (target: CampaignTarget) => void;
  disabled?: boolean;
}) {
  const { idPrefix, field, target, onChange, disabled } = props;
  const options = usePlacementOptions(field.dimension);
  return (
    <MultiValueField
      id={`${idPrefix}-${field.key}`}
      label={field.label}
      values={target[field.key] ?? []}
      onChange={values => onChange({ ...target, [field.key]: values })}
      options={options.value ?? []}
      loading={options.loading}
      disabled={disabled}
    />
  );
}

/**
 * Which entities the campaign covers: each dimension given, and the catalog filter, narrows
 * the selection, and none given covers every evaluated entity.
 */
export function CampaignTargetFields(props: {
  idPrefix: string;
  target: CampaignTarget;
  onChange: (target: CampaignTarget) => void;
  disabled?: boolean;
  /** What is wrong with the catalog filter, once the form was submitted. */
  filterProblem?: string;
}) {
  const { idPrefix, target, onChange, disabled, filterProblem } = props;
  return (
    <>
      <MultiValueField
        id={`${idPrefix}-kinds`}
        label="Kinds"
        values={target.kinds ?? []}
        onChange={kinds => onChange({ ...target, kinds })}
        options={KIND_OPTIONS}
        disabled={disabled}
        helperText="Each list you fill narrows the campaign to entities matching one of its values; leave them all empty to cover every evaluated entity."
      />
      {TARGET_FIELDS.map(field => (
        <PlacementField
          key={field.key}
          idPrefix={idPrefix}
          field={field}
          target={target}
          onChange={onChange}
          disabled={disabled}
        />
      ))}
      <FormTextField
        id={`${idPrefix}-filter`}
        label="Catalog filter"
        value={target.filter ?? ''}
        onChange={e => onChange({ ...target, filter: e.target.value })}
        fullWidth
        problem={filterProblem}
        hint="Optional, as in the catalog API: conditions joined by commas that must all hold, each key=value or a key alone (the field exists), such as spec.lifecycle=production,metadata.tags=pci."
      />
    </>
  );
}

/** The target without its empty lists and blank filter, as the backend stores it. */
export function compactTarget(target: CampaignTarget): CampaignTarget {
  const { filter, ...lists } = target;
  return {
    ...Object.fromEntries(
      Object.entries(lists).filter(
        ([, values]) => Array.isArray(values) && values.length > 0,
      ),
    ),
    ...(filter?.trim() && { filter: filter.trim() }),
  };
}
