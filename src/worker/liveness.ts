/**
 * The worker's half of the liveness check: it holds a Web Lock named after itself for as long as it
 * lives. The page asks for the same lock; the browser grants it only once this worker is gone (crashed,
 * killed for memory, closed), which a busy worker cannot fake and a dead one cannot hide. See
 * engine/workerHost.ts. Resolves true once the lock is held, false where Web Locks are missing or refused
 * (a third-party frame whose browser blocks storage): the worker then uses its heartbeat (worker/heartbeat.ts).
 */
export function holdLivenessLock(name: string): Promise<boolean> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks || !name) return Promise.resolve(false);
  return new Promise<boolean>((held) => {
    locks
      .request(name, () => {
        held(true);
        return new Promise<never>(() => {}); // never released while the worker lives
      })
      .catch(() => held(false));
  });
}
