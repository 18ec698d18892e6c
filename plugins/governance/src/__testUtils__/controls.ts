import { BoundFunctions, ByRoleMatcher, queries } from '@testing-library/react';

type RoleQueries = Pick<
  BoundFunctions<typeof queries>,
  'getByRole' | 'queryByRole'
>;

/** A control by its role and accessible name, such as `['button', 'Save']`. */
export type Control = [role: ByRoleMatcher, name: string | RegExp];

/** Asserts that the page, or the part of it given, shows each of the controls. */
export function expectControlsShown(scope: RoleQueries, controls: Control[]) {
  for (const [role, name] of controls) {
    expect(scope.getByRole(role, { name })).toBeInTheDocument();
  }
}

/** Asserts that the page, or the part of it given, shows none of the controls. */
export function expectControlsAbsent(scope: RoleQueries, controls: Control[]) {
  for (const [role, name] of controls) {
    expect(scope.queryByRole(role, { name })).toBeNull();
  }
}
