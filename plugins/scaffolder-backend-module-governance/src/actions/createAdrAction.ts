import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DECISION_KINDS,
  parseAdr,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  adrFolderOf,
  DEFAULT_ADR_FOLDER,
  NEW_ADR_STATUSES,
  readDate,
  readDecisionScope,
  readEntityRef,
  readList,
  readReview,
  readStatus,
  readTitle,
  resolveAdrFolder,
} from './adrInput';
import { madrFileName, nextAdrNumber, renderMadr } from './madrFile';
import { ownerDeciders } from './ownerDeciders';

// The id templates name in their steps.
const CREATE_ADR_ACTION_ID = 'governance:adr:create';

/**
 * Options of {@link createGovernanceAdrCreateAction}.
 *
 * @public
 */
export interface GovernanceAdrCreateActionOptions {
  /** The catalog, read with the credentials of whoever runs the template. */
  catalog: CatalogService;
  /** Today, for the ADR's default date; tests pass a fixed day. */
  now?: () => DateTime;
}

/**
 * The `governance:adr:create` action: writes the next numbered MADR file of an entity into the
 * workspace, with front matter (status, date, deciders, decision scope), and checks that the
 * governance parser reads back the same title, status and date.
 *
 * @public
 */
export function createGovernanceAdrCreateAction(
  options: GovernanceAdrCreateActionOptions,
) {
  const { catalog, now = () => DateTime.utc() } = options;
  return createTemplateAction({
    id: CREATE_ADR_ACTION_ID,
    description:
      'Writes the next numbered MADR file of an entity into the workspace, with the deciders of its owner group',
    // It writes only into the workspace, so a dry run (the template editor) runs it as it is.
    supportsDryRun: true,
    examples: [
      {
        description: 'Record a decision of checkout-web in its ADR folder',
        example: [
          'steps:',
          '  - id: adr',
          '    action: governance:adr:create',
          '    input:',
          '      entityRef: component:default/checkout-web',
          '      title: Use plain CSS modules',
          '      context: The CSS-in-JS library costs 40 kB of script.',
          '      options: [CSS modules, Keep the CSS-in-JS library]',
          '      decision: CSS modules, because they ship no runtime.',
          '      decisionScope: stack-choice',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description:
              'The entity the decision belongs to, e.g. component:default/checkout-web',
          }),
        title: z => z.string({ description: 'The decision, in one line' }),
        context: z =>
          z
            .string({ description: 'The context and problem statement' })
            .optional(),
        options: z =>
          z
            .array(z.string(), { description: 'The options considered' })
            .optional(),
        decision: z =>
          z.string({ description: 'The option chosen, and why' }).optional(),
        status: z =>
          z
            .enum(NEW_ADR_STATUSES, {
              description: 'proposed (the default) or accepted',
            })
            .optional(),
        decisionScope: z =>
          z
            .string({
              description: `The kind of decision, by id or title: ${DECISION_KINDS.map(
                k => k.id,
              ).join(', ')}`,
            })
            .optional(),
        path: z =>
          z
            .string({
              description: `The ADR folder in the workspace; by default the entity's relative governance/adr-location or backstage.io/adr-location, else ${DEFAULT_ADR_FOLDER}`,
            })
            .optional(),
        date: z =>
          z.string({ description: 'YYYY-MM-DD; today by default' }).optional(),
        deciders: z =>
          z
            .array(z.string(), {
              description:
                "Who decides; by default the members of the entity's owner group",
            })
            .optional(),
        review: z =>
          z
            .string({
              description:
                'The id of the review item whose decision this records; written to the front matter as review, so the review item links to the ADR once it lands',
            })
            .optional(),
      },
      output: {
        path: z =>
          z.string({ description: 'The new file, relative to the workspace' }),
        number: z => z.number({ description: 'The ADR number' }),
        fileName: z => z.string({ description: 'e.g. 0005-use-kafka.md' }),
        folder: z =>
          z.string({
            description:
              'The ADR folder, relative to the workspace: what a pull request publishes',
          }),
        content: z => z.string({ description: 'The Markdown written' }),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const entityRef = readEntityRef(input.entityRef);
      const title = readTitle(input.title);
      const status = readStatus(input.status);
      const decisionScope = readDecisionScope(input.decisionScope);
      const date = readDate(input.date, now());
      const givenDeciders = readList('deciders', input.deciders);
      const considered = readList('options', input.options);
      const review = readReview(input.review);

      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(
          `Invalid input entityRef: ${entityRef} is not in the catalog, or you may not see it`,
        );
      }
      const folder = resolveAdrFolder(
        ctx.workspacePath,
        input.path?.trim() || adrFolderOf(entity),
      );
      const deciders =
        givenDeciders.length > 0
          ? givenDeciders
          : await ownerDeciders(entity, catalog, credentials);

      // A recovered task must write the same file again, not the number after it.
      const number = await ctx.checkpoint({
        key: `governance.adr.create.number.${folder.relative}`,
        fn: () => nextAdrNumber(folder.absolute),
      });
      const fileName = madrFileName(number, title);
      const content = renderMadr({
        title,
        status,
        date,
        deciders,
        decisionScope,
        context: input.context,
        options: considered,
        decision: input.decision,
        review,
      });
      checkReadBack(fileName, content, { title, status, date });

      await fs.mkdir(folder.absolute, { recursive: true });
      await writeNewFile(path.join(folder.absolute, fileName), content);

      const relativePath = folder.relative
        ? `${folder.relative}/${fileName}`
        : fileName;
      ctx.logger.info(
        `Wrote ADR ${number} of ${entityRef} to ${relativePath}${
          deciders.length > 0 ? `, deciders ${deciders.join(', ')}` : ''
        }`,
      );
      ctx.output('path', relativePath);
      ctx.output('number', number);
      ctx.output('fileName', fileName);
      ctx.output('folder', folder.relative || '.');
      ctx.output('content', content);
    },
  });
}

/**
 * The governance plugin will ingest this file with the same parser: a title it would shorten
 * (`7. Use Kafka` loses its number) or a status it would read otherwise is better refused here
 * than shown differently later.
 */
function checkReadBack(
  fileName: string,
  content: string,
  expected: { title: string; status: string; date: string },
) {
  const parsed = parseAdr(fileName, content);
  const read = {
    title: parsed.title,
    status: parsed.status,
    date: parsed.date,
  };
  const differences = (Object.keys(expected) as (keyof typeof expected)[])
    .filter(field => read[field] !== expected[field])
    .map(
      field =>
        `${field} '${expected[field]}' would be read as '${read[field] ?? ''}'`,
    );
  if (differences.length > 0) {
    throw new InputError(
      `The ADR would not be read back as written: ${differences.join(
        '; ',
      )}. Write the title without a leading number, ADR id or [tag]`,
    );
  }
}

async function writeNewFile(file: string, content: string) {
  try {
    await fs.writeFile(file, content, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
    // Written already by this task before it was recovered: the same file is no conflict.
    const existing = await fs.readFile(file, 'utf8');
    if (existing !== content) {
      throw new ConflictError(
        `${path.basename(
          file,
        )} already exists in the ADR folder; it is left as it is`,
      );
    }
  }
}
