import { GovernanceApiSchemas } from './schema';

/**
 * One invalid governance annotation of one entity, as the governance backend's last catalog
 * scan found it: `held-back` when the catalog refused the entity (or its latest version),
 * `warning` when the entity was ingested and governance ignores the value.
 *
 * @public
 */
export type AnnotationProblemRecord =
  GovernanceApiSchemas['AnnotationProblemRecord'];

/**
 * `GET /api/governance/annotation-problems`: one page of annotation problems, held back first.
 *
 * @public
 */
export type AnnotationProblemPage =
  GovernanceApiSchemas['AnnotationProblemPage'];
