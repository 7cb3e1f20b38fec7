import { get_dmmf } from "@prisma/prisma-schema-wasm";

import type { SqlSession } from "@/lib/db/sql-session";

// A database schema reduced to sorted lines such as
// `column ApiKey.label text not null`, so that the schema Prisma expects and
// the schema the migrations build can be compared line by line.
export type SchemaShape = string[];

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

// Prisma's PostgreSQL column types for each scalar without @db attributes.
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

// Defaults Prisma computes in the client, which leave no default in the table.
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

const ON_DELETE: Record<string, string> = {
  Cascade: "cascade",
  SetNull: "set null",
  Restrict: "restrict",
  NoAction: "no action",
  SetDefault: "set default",
};

export function describePrismaSchema(schemaText: string): SchemaShape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] }))) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const lines: string[] = [];

  const tableOf = (modelName: string) => {
    const model = models.get(modelName);
    return model?.dbName ?? modelName;
  };
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const entry of dmmf.datamodel.enums) {
    lines.push(`enum ${entry.dbName ?? entry.name} (${entry.values.map((value) => value.dbName ?? value.name).join(", ")})`);
  }

  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model.name);
    lines.push(`table ${table}`);

    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        lines.push(describePrismaColumn(table, field));
      }

      if (field.kind === "object" && field.relationFromFields && field.relationFromFields.length > 0) {
        const target = models.get(field.type);
        if (!target) {
          continue;
        }
        const from = field.relationFromFields.map((name) => columnOf(model, name)).join(", ");
        const to = (field.relationToFields ?? []).map((name) => columnOf(target, name)).join(", ");
        const onDelete = ON_DELETE[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
        lines.push(`foreign key ${table}(${from}) -> ${tableOf(field.type)}(${to}) on delete ${onDelete}`);
      }
    }
  }

  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) {
      continue;
    }
    const columns = index.fields.map((field) => columnOf(model, field.name)).join(", ");
    lines.push(`${INDEX_KINDS[index.type] ?? "index"} ${tableOf(index.model)}(${columns})`);
  }

  return lines.sort();
}

const INDEX_KINDS: Record<string, string> = { id: "primary key", unique: "unique index" };

// List columns are left out of the comparison of nullability, because
// Prisma leaves scalar lists nullable in PostgreSQL.
function describeNullability(isList: boolean, isNullable: boolean): string {
  if (isList) {
    return "";
  }
  return isNullable ? " null" : " not null";
}

function describePrismaColumn(table: string, field: DmmfField): string {
  const baseType = field.kind === "enum" ? field.type : (SCALAR_TYPES[field.type] ?? `unknown:${field.type}`);
  const type = field.isList ? `${baseType}[]` : baseType;

  const nullability = describeNullability(field.isList, !field.isRequired);

  const defaultName = typeof field.default === "object" && field.default !== null ? (field.default as { name: string }).name : null;
  const hasDatabaseDefault = field.hasDefaultValue && !(defaultName && CLIENT_SIDE_DEFAULTS.has(defaultName));

  return `column ${table}.${field.dbName ?? field.name} ${type}${nullability}${hasDatabaseDefault ? " default" : ""}`;
}

export async function describeDatabaseSchema(session: SqlSession): Promise<SchemaShape> {
  const lines: string[] = [];

  const enums = await session.query<{ name: string; values: string }>(
    `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  lines.push(...enums.map((entry) => `enum ${entry.name} (${entry.values})`));

  const tables = await session.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  lines.push(...tables.map((table) => `table ${table.name}`));

  const columns = await session.query<{ table_name: string; column_name: string; udt_name: string; data_type: string; is_nullable: string; column_default: string | null; datetime_precision: number | null }>(
    `SELECT table_name, column_name, udt_name, data_type, is_nullable, column_default, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  lines.push(...columns.map(describeDatabaseColumn));

  const constraints = await session.query<{ definition: string; table_name: string; type: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS definition, cl.relname AS table_name, c.contype AS type
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = 'public' AND cl.relname <> '_prisma_migrations' AND c.contype IN ('p', 'f')`,
  );
  lines.push(...constraints.map(describeConstraint));

  const indexes = await session.query<{ table_name: string; definition: string }>(
    `SELECT tablename AS table_name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE '%\\_pkey'`,
  );
  lines.push(...indexes.map(describeIndex));

  return lines.sort();
}

function describeDatabaseColumn(column: {
  table_name: string;
  column_name: string;
  udt_name: string;
  data_type: string;
  is_nullable: string;
  column_default: string | null;
  datetime_precision: number | null;
}): string {
  const isList = column.data_type === "ARRAY";
  let type = isList ? column.udt_name.replace(/^_/, "") : column.udt_name;
  if (type === "timestamp") {
    type = `timestamp(${column.datetime_precision ?? 6})`;
  }
  if (isList) {
    type = `${type}[]`;
  }

  const nullability = describeNullability(isList, column.is_nullable === "YES");
  return `column ${column.table_name}.${column.column_name} ${type}${nullability}${column.column_default !== null ? " default" : ""}`;
}

function describeConstraint(constraint: { definition: string; table_name: string; type: string }): string {
  const columns = (text: string) => text.replace(/"/g, "").split(",").map((part) => part.trim()).join(", ");

  if (constraint.type === "p") {
    const match = /PRIMARY KEY \((.+)\)/.exec(constraint.definition);
    return `primary key ${constraint.table_name}(${columns(match?.[1] ?? "?")})`;
  }

  const match = /FOREIGN KEY \((.+?)\) REFERENCES "?([^"(]+)"?\((.+?)\)(.*)/.exec(constraint.definition);
  const onDelete = /ON DELETE (CASCADE|SET NULL|RESTRICT|SET DEFAULT)/.exec(match?.[4] ?? "")?.[1]?.toLowerCase() ?? "no action";
  return `foreign key ${constraint.table_name}(${columns(match?.[1] ?? "?")}) -> ${match?.[2] ?? "?"}(${columns(match?.[3] ?? "?")}) on delete ${onDelete}`;
}

function describeIndex(index: { table_name: string; definition: string }): string {
  const unique = /^CREATE UNIQUE INDEX/.test(index.definition);
  const columns = /\((.+)\)$/.exec(index.definition)?.[1]?.replace(/"/g, "").split(",").map((part) => part.trim()).join(", ") ?? "?";
  return `${unique ? "unique index" : "index"} ${index.table_name}(${columns})`;
}
