/**
 * The directory relative paths and patterns start from. npx runs a package's bin from the
 * nearest package.json's directory rather than where it was typed, and tells where that was in
 * INIT_CWD; anywhere else it is the working directory.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.npm_lifecycle_event === 'npx' && env.INIT_CWD) {
    return env.INIT_CWD;
  }
  return process.cwd();
}
