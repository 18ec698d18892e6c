// The people of the test catalogs, by their user entity refs. Who may do what is up to each
// test's permissions; these are the roles they usually play.

/** An engineer who requests reviews and waivers. */
export const JANE = 'user:default/jane';

/** The council member who triages and decides. */
export const GRACE = 'user:default/grace';

/** Someone neither asking nor deciding. */
export const ADA = 'user:default/ada';

/** A user the catalog's read permission denies. */
export const NOBODY = 'user:default/nobody';
