import "server-only";

import type { Worker } from "node:worker_threads";

// Resolves with the value `pick` returns for the first message from
// `worker` that it accepts (not undefined), and rejects when `pick` returns
// an Error, when the thread fails or exits, or after `timeoutMs`. `name`
// names the thread in those errors. Only this function's own listeners are
// removed afterwards, because Worker keeps internal ones.
export function waitForWorkerMessage<Message, Result>(
  worker: Worker,
  options: { name: string; pick: (message: Message) => Result | Error | undefined; timeoutMs?: number },
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      const picked = options.pick(message);
      if (picked instanceof Error) {
        finish(() => reject(picked));
      } else if (picked !== undefined) {
        finish(() => resolve(picked));
      }
    };
    const onError = (error: Error) => finish(() => reject(error));
    const onExit = (code: number) => finish(() => reject(new Error(`${options.name} exited with code ${code}`)));

    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => finish(() => reject(new Error(`${options.name} did not reply within ${options.timeoutMs} ms`))), options.timeoutMs);

    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      settle();
    };

    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}
