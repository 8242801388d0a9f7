/**
 * Runs tasks with the same key one after another (e.g. one pull request), so two events for the
 * same PR never race to create two check runs or two comments. Different keys run in parallel.
 */
const tails = new Map<string, Promise<unknown>>();

export function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
