/**
 * The worker's half of the liveness check: it holds a Web Lock named after itself for as long as it
 * lives. The page asks for the same lock; the browser grants it only once this worker is gone (crashed,
 * killed for memory, closed), which a busy worker cannot fake and a dead one cannot hide. See
 * engine/workerHost.ts. Resolves once the lock is held (at once where Web Locks are missing).
 */
export function holdLivenessLock(name: string): Promise<void> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks || !name) return Promise.resolve();
  return new Promise<void>((held) => {
    void locks.request(name, () => {
      held();
      return new Promise<never>(() => {}); // never released while the worker lives
    });
  });
}
