// The entry of the thread that runs the embedded database for the
// production server (see remote-pglite.ts for why). It opens PGlite and runs
// what its clients ask for: the thread that started it, and any thread that
// received a port from it. `npm run build` bundles it into
// .server/pglite-thread.mjs.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";

import { PGlite, messages, type Transaction } from "@electric-sql/pglite";

import { toThreadError, type ThreadOptions, type ThreadReply, type ThreadRequest, type ThreadStart } from "./thread-messages";

interface OpenTransaction {
  tx: Transaction;
  end: () => void;
  finished: Promise<void>;
  // Requests of one transaction run one after another, in the order sent.
  chain: Promise<unknown>;
}

// Returns each value unparsed, for the types whose parsers run on the
// client's thread: parsers are functions, which cannot cross threads.
const keepText = (text: string) => text;

async function start(options: ThreadOptions): Promise<void> {
  const owner = parentPort;
  if (!owner) {
    throw new Error("pglite-thread-worker must run in a worker thread");
  }

  let database: PGlite;
  try {
    database = await PGlite.create(options.databaseDir);
  } catch (error) {
    owner.postMessage({ type: "failed", error: toThreadError(error, false) } satisfies ThreadStart);
    return;
  }

  serve(database, owner);
  owner.postMessage({ type: "ready" } satisfies ThreadStart);
}

// Serves one client's requests. Transaction IDs belong to the client that
// chose them.
function serve(database: PGlite, port: MessagePort): void {
  const transactions = new Map<number, OpenTransaction>();

  port.on("message", (request: ThreadRequest) => {
    if (request.type === "connect") {
      serve(database, request.port);
      return;
    }
    void answer(port, run(database, transactions, request), request.id);
  });
}

async function answer(port: MessagePort, work: Promise<unknown>, id: number): Promise<void> {
  let reply: ThreadReply;
  try {
    reply = { id, ok: true, value: await work };
  } catch (error) {
    reply = { id, ok: false, error: toThreadError(error, error instanceof messages.DatabaseError) };
  }
  port.postMessage(reply);
}

function run(database: PGlite, transactions: Map<number, OpenTransaction>, request: Exclude<ThreadRequest, { type: "connect" }>): Promise<unknown> {
  switch (request.type) {
    case "begin":
      return begin(database, transactions, request.txId);
    case "close":
      return database.close();
    case "copy":
      return database.query(request.sql, [], { blob: new Blob([request.csv]) }).then(() => null);
    default:
      return request.txId === undefined ? runStatement(database, request) : inTransaction(transactions.get(request.txId), request);
  }
}

function runStatement(target: PGlite | Transaction, request: ThreadRequest): Promise<unknown> {
  if (request.type === "query") {
    const parsers = Object.fromEntries(request.rawTypes.map((type) => [type, keepText]));
    return target.query(request.sql, request.params, { rowMode: request.rowMode, parsers });
  }
  if (request.type === "exec") {
    return target.exec(request.sql);
  }
  throw new Error(`request ${request.type} does not run inside a transaction`);
}

function inTransaction(open: OpenTransaction | undefined, request: ThreadRequest): Promise<unknown> {
  if (!open) {
    return Promise.reject(new Error(`request ${request.type} names a transaction that is not open`));
  }

  const step = open.chain.then(() => {
    if (request.type === "rollback") {
      return open.tx.rollback();
    }
    if (request.type === "end") {
      open.end();
      return open.finished;
    }
    return runStatement(open.tx, request);
  });
  // A failed step must not stop the steps after it, such as the rollback.
  open.chain = step.catch(() => undefined);
  return step;
}

// Opens a transaction that stays open until its "end" request: PGlite
// commits it then, unless a "rollback" request closed it first.
function begin(database: PGlite, transactions: Map<number, OpenTransaction>, txId: number): Promise<null> {
  return new Promise((started, failed) => {
    const open = { chain: Promise.resolve() } as OpenTransaction;
    const ending = new Promise<void>((resolve) => {
      open.end = resolve;
    });

    open.finished = database
      .transaction(async (tx) => {
        open.tx = tx;
        transactions.set(txId, open);
        started(null);
        await ending;
      })
      .finally(() => transactions.delete(txId));

    // Before the start this fails the "begin" request; after it, the "end"
    // request reports the failure.
    open.finished.catch(failed);
  });
}

void start(workerData as ThreadOptions);
