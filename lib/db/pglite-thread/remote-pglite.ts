import "server-only";

import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";

import { messages, type PGlite, type Results } from "@electric-sql/pglite";

import { waitForWorkerMessage } from "@/lib/threads/wait-for-worker-message";

import type { ThreadError, ThreadOptions, ThreadReply, ThreadRequest, ThreadStart } from "./thread-messages";

type Parser = (text: string, typeId: number) => unknown;

interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}

// A request without its ID, which #send adds. "connect" goes through
// openClientPort, because its port must be transferred.
type RequestBody = Exclude<ThreadRequest, { type: "connect" }> extends infer Request
  ? Request extends ThreadRequest
    ? Omit<Request, "id">
    : never
  : never;

// The parts of a PGlite transaction that Prisma's PGlite adapter uses.
export interface RemoteTransaction {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
}

// PGlite runs PostgreSQL compiled to WASM on the thread that calls it, so
// every query it runs stalls every request on that thread. Under the token
// API's load, writing one audit row per token took more than a third of the
// serving thread (bench/README.md). The production server therefore runs
// PGlite in a worker thread, and this class forwards PGlite's query,
// exec and transaction calls to it, with the same results and errors.
export class RemotePGlite {
  readonly #endpoint: Worker | MessagePort;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #stopped: Error | null = null;
  #closing = false;

  private constructor(endpoint: Worker | MessagePort, onStop: (error: Error) => void) {
    this.#endpoint = endpoint;

    endpoint.on("message", (reply: ThreadReply) => this.#settle(reply));
    if (endpoint instanceof Worker) {
      endpoint.on("error", (error) => this.#stop(error, onStop));
      endpoint.on("exit", (code) => {
        if (!this.#closing) {
          this.#stop(new Error(`the embedded database thread exited with code ${code}`), onStop);
        }
      });
    } else {
      endpoint.on("close", () => {
        if (!this.#closing) {
          this.#stop(new Error("the port to the embedded database thread closed"), onStop);
        }
      });
    }
  }

  // Starts the thread and waits until PGlite has opened `databaseDir`.
  // `onStop` is called when the thread fails after that, since the console
  // cannot serve without its database.
  static async start(options: { workerFile: string; databaseDir: string; onStop: (error: Error) => void }): Promise<RemotePGlite> {
    const workerData: ThreadOptions = { databaseDir: options.databaseDir };
    const worker = new Worker(options.workerFile, { workerData });

    const start = await waitForWorkerMessage<ThreadStart, ThreadStart>(worker, {
      name: `the embedded database thread for ${options.databaseDir}`,
      pick: (message) => message,
    });
    if (start.type === "failed") {
      await worker.terminate();
      throw fromThreadError(start.error);
    }

    return new RemotePGlite(worker, options.onStop);
  }

  // A client in another thread, over a port from openClientPort(). Closing
  // it closes only the port: the thread that started the database closes it.
  static connect(port: MessagePort, onStop: (error: Error) => void): RemotePGlite {
    return new RemotePGlite(port, onStop);
  }

  // Returns a port that another thread passes to connect(), so it shares
  // this database. Only the client that started the thread can open one.
  openClientPort(): MessagePort {
    if (!(this.#endpoint instanceof Worker)) {
      throw new Error("only the thread that started the embedded database can open a port to it");
    }

    const { port1, port2 } = new MessageChannel();
    const request: ThreadRequest = { type: "connect", id: this.#nextId++, port: port2 };
    this.#endpoint.postMessage(request, [port2]);
    return port1;
  }

  async query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<Row>> {
    return this.#query<Row>(undefined, sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    return (await this.#send({ type: "exec", sql })) as Results[];
  }

  async copyFromCsv(sql: string, csv: string): Promise<void> {
    await this.#send({ type: "copy", sql, csv });
  }

  // Runs `callback` in one transaction on the database thread. It commits
  // when the callback returns and rolls back when it throws or calls
  // rollback(), as PGlite's own transaction() does.
  async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const txId = this.#nextId++;
    await this.#send({ type: "begin", txId });

    const tx: RemoteTransaction = {
      query: (sql, params = [], options = {}) => this.#query(txId, sql, params, options),
      exec: async (sql) => (await this.#send({ type: "exec", txId, sql })) as Results[],
      rollback: async () => {
        await this.#send({ type: "rollback", txId });
      },
    };

    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.#send({ type: "rollback", txId }).catch(() => undefined);
      await this.#send({ type: "end", txId }).catch(() => undefined);
      throw error;
    }

    await this.#send({ type: "end", txId });
    return result;
  }

  async close(): Promise<void> {
    if (this.#stopped) {
      return;
    }

    const endpoint = this.#endpoint;
    if (!(endpoint instanceof Worker)) {
      this.#closing = true;
      endpoint.close();
      return;
    }

    try {
      await this.#send({ type: "close" });
    } finally {
      this.#closing = true;
      await endpoint.terminate();
    }
  }

  // Seen by Prisma's PGlite adapter as a PGlite instance: it calls only
  // query, exec and transaction, which this class provides.
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }

  async #query<Row>(txId: number | undefined, sql: string, params: unknown[], options: QueryOptions): Promise<Results<Row>> {
    const parsers = options.parsers ?? {};
    const rawTypes = Object.keys(parsers).map(Number);

    const results = (await this.#send({ type: "query", txId, sql, params, rowMode: options.rowMode, rawTypes })) as Results<Row>;
    if (rawTypes.length > 0) {
      applyParsers(results, parsers);
    }
    return results;
  }

  #send(body: RequestBody): Promise<unknown> {
    if (this.#stopped) {
      return Promise.reject(this.#stopped);
    }

    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#endpoint.postMessage({ ...body, id } as ThreadRequest);
    });
  }

  #settle(reply: ThreadReply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) {
      return;
    }

    this.#pending.delete(reply.id);
    if (reply.ok) {
      waiting.resolve(reply.value);
    } else {
      waiting.reject(fromThreadError(reply.error));
    }
  }

  #stop(cause: Error, onStop: (error: Error) => void): void {
    if (this.#stopped) {
      return;
    }

    this.#stopped = new Error(`the embedded database thread stopped: ${cause.message}`, { cause });
    for (const waiting of this.#pending.values()) {
      waiting.reject(this.#stopped);
    }
    this.#pending.clear();
    onStop(this.#stopped);
  }
}

// Runs the parsers that could not cross to the database thread on the
// values it returned as text.
function applyParsers(results: Results<unknown>, parsers: Record<number, Parser>): void {
  const columns = results.fields.flatMap((field, index) => {
    const parse = parsers[field.dataTypeID];
    return parse ? [{ index, name: field.name, type: field.dataTypeID, parse }] : [];
  });

  for (const row of results.rows as Record<string | number, unknown>[]) {
    for (const column of columns) {
      const key = Array.isArray(row) ? column.index : column.name;
      const value = row[key];
      if (typeof value === "string") {
        row[key] = column.parse(value, column.type);
      }
    }
  }
}

// Rebuilds an error from the database thread as the class PGlite throws, so
// Prisma's adapter maps SQLSTATE codes as it does for PGlite in-thread.
function fromThreadError(data: ThreadError): Error {
  const error = data.databaseError ? new messages.DatabaseError(data.message, 0, "error") : new Error(data.message);

  Object.assign(error, data.fields, { name: data.name });
  if (data.stack) {
    error.stack = `${data.stack}\n    (on the embedded database thread)`;
  }
  return error;
}
