import "server-only";

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

import { ConsoleError } from "@/lib/errors/console-error";

import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportBatch, type ExportHeader } from "./export-format";

// Reads a logical export line by line: the header first, then the batches.
// Rejects a file that is not an export of a version this console reads.
export async function* readExport(file: string): AsyncGenerator<ExportHeader | ExportBatch> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;

  try {
    for await (const line of lines) {
      if (line === "") {
        continue;
      }
      const value = JSON.parse(line) as unknown;
      if (first) {
        yield checkHeader(value, file);
        first = false;
      } else {
        yield value as ExportBatch;
      }
    }
  } catch (error) {
    if (error instanceof ConsoleError) {
      throw error;
    }
    throw new ConsoleError("invalid_input", `${file} is not a readable console export (${(error as Error).message}): pass a file that db:backup wrote`, {
      cause: error,
    });
  }

  if (first) {
    throw new ConsoleError("invalid_input", `${file} is empty: pass a file that db:backup wrote`);
  }
}

// Reads only the header of an export.
export async function readExportHeader(file: string): Promise<ExportHeader> {
  for await (const entry of readExport(file)) {
    return entry as ExportHeader;
  }
  throw new ConsoleError("invalid_input", `${file} is empty: pass a file that db:backup wrote`);
}

function checkHeader(value: unknown, file: string): ExportHeader {
  const header = value as Partial<ExportHeader> | null;
  if (header?.format !== EXPORT_FORMAT) {
    throw new ConsoleError("invalid_input", `${file} is not a console export (no ${EXPORT_FORMAT} header): pass a file that db:backup wrote`);
  }
  if (header.version !== EXPORT_FORMAT_VERSION) {
    throw new ConsoleError(
      "invalid_input",
      `${file} is export format version ${String(header.version)}, but this console reads version ${EXPORT_FORMAT_VERSION}: restore it with the console version that wrote it`,
    );
  }
  return header as ExportHeader;
}
