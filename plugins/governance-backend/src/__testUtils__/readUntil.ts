/**
 * Reads until what it read is `done`, 100 ms apart: for a route test to wait on the background
 * work of a scheduled task (the evaluation or the annotation scan at start-up) to be stored.
 * After `attempts` reads it fails, naming what it waited for and the last value read.
 */
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { attempts: number; waitingFor: string },
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    last = await read();
    if (done(last)) {
      return last;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(
    `Gave up waiting for ${options.waitingFor}; last read: ${JSON.stringify(
      last,
    )}`,
  );
}
