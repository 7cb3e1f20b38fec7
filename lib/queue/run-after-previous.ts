// The run in progress of a flush that must not overlap with itself.
export interface FlushChain {
  flushing?: Promise<void>;
}

// Runs `flush` once every earlier run on the same chain has ended, whether it
// succeeded or failed. A flush takes its rows from a queue before it writes
// them, so without this a second caller, such as shutdown, could find the
// queue empty and close the database under a write still running.
export function runAfterPrevious(chain: FlushChain, flush: () => Promise<void>): Promise<void> {
  const previous = chain.flushing ?? Promise.resolve();
  const run = previous.then(flush);

  // The chain keeps only the order, so a failed run does not fail the next.
  chain.flushing = run.catch(() => undefined);
  return run;
}
