import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import {
  Campaign,
  CampaignTarget,
  CreateCampaignRequest,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { isCalendarDay, utcToday } from '../../lib/days';
import { statusOf } from '../../lib/describeError';
import {
  FormDialog,
  FormTextArea,
  FormTextField,
  useFormSubmission,
} from '../FormDialog';
import {
  CampaignTargetFields,
  CHECK_OPTIONS,
  compactTarget,
  MultiValueField,
} from './CampaignFields';

/** What the form says when someone else's change got in first. */
export const CAMPAIGN_CONFLICT_MESSAGE =
  'Someone else changed this campaign while you were editing. The latest version is shown; check it and save again.';

// The contract's limits, so the form says what is wrong before the backend does.
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_LINK = 2000;
const MAX_CHECKS = 50;
const MAX_FILTER = 1000;

interface CampaignFields {
  title: string;
  description: string;
  link: string;
  checks: string[];
  target: CampaignTarget;
  deadline: string;
}

function fieldsOf(campaign?: Campaign): CampaignFields {
  return {
    title: campaign?.title ?? '',
    description: campaign?.description ?? '',
    link: campaign?.link ?? '',
    checks: campaign?.checks ?? [],
    target: campaign?.target ?? {},
    deadline: campaign?.deadline ?? '',
  };
}

function isWebLink(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The first problem found, in the order given; `undefined` when there is none. */
function firstProblem(
  ...rules: Array<[broken: boolean, problem: string]>
): string | undefined {
  return rules.find(([broken]) => broken)?.[1];
}

function problemsOf(fields: CampaignFields, deadlineChanged: boolean) {
  const { title, description, link, checks, target, deadline } = fields;
  return {
    title: firstProblem(
      [!title.trim(), 'Give the campaign a title.'],
      [title.length > MAX_TITLE, `At most ${MAX_TITLE} characters.`],
    ),
    description: firstProblem(
      [!description.trim(), 'Say what the campaign asks of owners, and why.'],
      [
        description.length > MAX_DESCRIPTION,
        `At most ${MAX_DESCRIPTION} characters.`,
      ],
    ),
    link: firstProblem([
      !!link.trim() && (!isWebLink(link.trim()) || link.length > MAX_LINK),
      'An http or https address, such as the ADR that explains the campaign.',
    ]),
    checks: firstProblem(
      [checks.length === 0, 'Pick at least one check.'],
      [checks.length > MAX_CHECKS, `At most ${MAX_CHECKS} checks.`],
    ),
    filter: firstProblem([
      (target.filter?.trim().length ?? 0) > MAX_FILTER,
      `At most ${MAX_FILTER} characters.`,
    ]),
    deadline: firstProblem(
      [!isCalendarDay(deadline), 'Pick the last day of the campaign.'],
      [
        deadlineChanged && deadline < utcToday(),
        'The deadline must be today or later.',
      ],
    ),
  };
}

function toRequest(fields: CampaignFields): CreateCampaignRequest {
  return {
    title: fields.title.trim(),
    description: fields.description.trim(),
    link: fields.link.trim() || undefined,
    checks: fields.checks,
    target: compactTarget(fields.target),
    deadline: fields.deadline,
  };
}

/** Props for {@link CampaignFormDialog}. */
export interface CampaignFormDialogProps {
  /** The campaign to edit; a new one when left out. */
  campaign?: Campaign;
  onClose: () => void;
  /** Called with the campaign as stored, after every save and after a conflict. */
  onSaved: (campaign?: Campaign) => void;
}

/**
 * Starts a campaign, or edits one: title, description and link, the checks that must pass,
 * which entities it covers, and its deadline. An edit is based on the revision shown; when
 * someone else saved in between, the form shows their version instead of overwriting it.
 */
export function CampaignFormDialog(props: CampaignFormDialogProps) {
  const { onClose, onSaved } = props;
  const governanceApi = useApi(governanceApiRef);
  const [base, setBase] = useState(props.campaign);
  const [fields, setFields] = useState(() => fieldsOf(props.campaign));
  const [conflict, setConflict] = useState(false);
  const set = (change: Partial<CampaignFields>) =>
    setFields(current => ({ ...current, ...change }));

  const form = useFormSubmission({
    problems: problemsOf(fields, fields.deadline !== base?.deadline),
    send: async () => {
      setConflict(false);
      if (!base) {
        onSaved(await governanceApi.createCampaign(toRequest(fields)));
        onClose();
        return;
      }
      try {
        const request = toRequest(fields);
        onSaved(
          await governanceApi.updateCampaign(base.id, {
            ...request,
            link: request.link ?? null,
            revision: base.revision,
          }),
        );
        onClose();
      } catch (e) {
        if (statusOf(e as Error) !== 409) {
          throw e;
        }
        const latest = await governanceApi.getCampaign(base.id);
        setBase(latest);
        setFields(fieldsOf(latest));
        setConflict(true);
        onSaved(latest);
      }
    },
    failure: 'The campaign was not saved.',
  });
  const { shown, submitting } = form;
  const idPrefix = 'governance-campaign-form';

  return (
    <FormDialog
      {...form.dialogProps}
      title={base ? `Edit ${base.title}` : 'New campaign'}
      idPrefix={idPrefix}
      intro={
        base
          ? undefined
          : "Owners of the entities it covers are notified, and each entity's Governance tab lists the campaign until it is closed."
      }
      errorTestId="governance-campaign-form-error"
      submitLabel={base ? 'Save' : 'Start campaign'}
      busyLabel="Saving…"
      onCancel={onClose}
    >
      {conflict && (
        <Alert
          severity="warning"
          style={{ marginBottom: 16 }}
          data-testid="governance-campaign-conflict"
        >
          {CAMPAIGN_CONFLICT_MESSAGE}
        </Alert>
      )}
      <FormTextField
        id={`${idPrefix}-campaign-title`}
        label="Title"
        value={fields.title}
        onChange={e => set({ title: e.target.value })}
        required
        fullWidth
        problem={shown.title}
      />
      <FormTextArea
        id={`${idPrefix}-description`}
        label="Description"
        value={fields.description}
        onChange={description => set({ description })}
        problem={shown.description}
        hint="Why the campaign matters and what owners should do."
      />
      <FormTextField
        id={`${idPrefix}-link`}
        label="Link"
        value={fields.link}
        onChange={e => set({ link: e.target.value })}
        fullWidth
        problem={shown.link}
        hint="Optional: often the ADR behind it."
      />
      <MultiValueField
        id={`${idPrefix}-checks`}
        label="Checks"
        values={fields.checks}
        onChange={checks => set({ checks })}
        options={CHECK_OPTIONS}
        required
        disabled={submitting}
        error={shown.checks}
        helperText="An entity is done once each of these checks on its scorecard passes, warns or is waived. Type the id of a custom check."
      />
      <CampaignTargetFields
        idPrefix={idPrefix}
        target={fields.target}
        onChange={target => set({ target })}
        disabled={submitting}
        filterProblem={shown.filter}
      />
      <FormTextField
        id={`${idPrefix}-deadline`}
        label="Deadline"
        type="date"
        value={fields.deadline}
        onChange={e => set({ deadline: e.target.value })}
        required
        InputLabelProps={{ shrink: true }}
        problem={shown.deadline}
        hint="The last day, in UTC."
      />
    </FormDialog>
  );
}
