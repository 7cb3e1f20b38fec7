import { describe, expect, it } from "vitest";

import { runAfterPrevious, type FlushChain } from "./run-after-previous";

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("runAfterPrevious", () => {
  it("starts a run after the one in progress ends", async () => {
    const chain: FlushChain = {};
    const events: string[] = [];

    const first = runAfterPrevious(chain, async () => {
      events.push("first started");
      await delay(30);
      events.push("first ended");
    });
    const second = runAfterPrevious(chain, async () => {
      events.push("second started");
    });
    await Promise.all([first, second]);

    expect(events).toEqual(["first started", "first ended", "second started"]);
  });

  it("runs the next flush after a failed one", async () => {
    const chain: FlushChain = {};

    const failed = runAfterPrevious(chain, () => Promise.reject(new Error("database closed")));
    const next = runAfterPrevious(chain, async () => undefined);

    await expect(failed).rejects.toThrow("database closed");
    await expect(next).resolves.toBeUndefined();
  });
});
