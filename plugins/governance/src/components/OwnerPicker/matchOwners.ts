/** A team or person that owns entities in the catalog, as the owner picker offers it. */
export interface OwnerOption {
  /** The entity ref, e.g. `group:default/team-payments`. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  /** `spec.profile.displayName` or `metadata.title`, when the catalog has one. */
  displayName?: string;
  /** The heading the picker lists the option under, e.g. "Council members". */
  group?: string;
  /** Why the option is shown but cannot be picked. */
  disabledReason?: string;
}

/** What the picker shows for an owner: its display name, else its name. */
export function ownerLabel(option: OwnerOption): string {
  return option.displayName ?? option.name;
}

/** The owner's ref as the catalog shows it, leaving out the default namespace. */
export function ownerSecondaryLabel(option: OwnerOption): string {
  const namespace =
    option.namespace === 'default' ? '' : `${option.namespace}/`;
  return `${option.kind}:${namespace}${option.name}`;
}

/** Case and separators do not matter: "Team Payments" reads like "team-payments". */
function words(value: string): string {
  return value
    .toLocaleLowerCase('en-US')
    .replace(/[\s._-]+/g, ' ')
    .trim();
}

/**
 * The owners that what a user typed could mean, best match first. People type a display name
 * ("Payments"), an entity name ("team-payments") or a ref, full or not
 * ("group:default/payments"); a kind or namespace in the text narrows the owners, and the name
 * part is compared with each owner's name and display name: equal first, then starting with
 * it, then containing it.
 */
export function matchOwners(
  options: OwnerOption[],
  text: string,
): OwnerOption[] {
  const typed = text.trim();
  if (!typed) {
    return options;
  }
  const parts = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(typed);
  const kind = parts?.[1]?.toLocaleLowerCase('en-US');
  const namespace = parts?.[2]?.toLocaleLowerCase('en-US');
  const name = words(parts ? parts[3] : typed);

  const scored: Array<{ option: OwnerOption; score: number }> = [];
  for (const option of options) {
    if (option.ref === typed.toLocaleLowerCase('en-US')) {
      scored.push({ option, score: 0 });
      continue;
    }
    if (
      (kind && option.kind.toLocaleLowerCase('en-US') !== kind) ||
      (namespace && option.namespace.toLocaleLowerCase('en-US') !== namespace)
    ) {
      continue;
    }
    const names = [option.name, option.displayName]
      .filter((n): n is string => Boolean(n))
      .map(words);
    let score: number | undefined;
    if (names[0] === name) {
      score = 1;
    } else if (names.includes(name)) {
      score = 2;
    } else if (names.some(n => n.startsWith(name))) {
      score = 3;
    } else if (names.some(n => n.includes(name))) {
      score = 4;
    }
    if (score !== undefined) {
      scored.push({ option, score });
    }
  }
  // A stable sort keeps the options' own order among equal matches.
  return scored.sort((a, b) => a.score - b.score).map(({ option }) => option);
}
