/**
 * The first schema: users, groups, sessions, the project/dataset/image tree, ROIs and annotations.
 * The DDL is portable between SQLite and PostgreSQL (STACK.md gotcha 7): identity columns differ
 * (`integer primary key autoincrement` vs `bigserial`), everything else uses types both accept.
 * Booleans are integer 0/1, times ISO-8601 text and JSON text on both, so rows read the same.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from "kysely";
import type { SqlDialect } from "../schema.ts";

type Table = CreateTableBuilder<string, string>;

/** The column types that differ between the dialects. */
function columnTypes(dialect: SqlDialect) {
  const sqlite = dialect === "sqlite";
  return {
    /** Adds the surrogate key. */
    id: (t: Table): Table =>
      sqlite
        ? t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        : t.addColumn("id", "bigserial", (c) => c.primaryKey()),
    /** A column that holds another table's id. */
    ref: sqlite ? ("integer" as const) : ("bigint" as const),
    double: sqlite ? ("real" as const) : ("double precision" as const),
  };
}

type Cascade = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
const notNull: Cascade = (c) => c.notNull();

/** owner_id, group_id and the time stamps every owned object carries. */
function ownership(t: Table, ref: "integer" | "bigint", withUpdatedAt: boolean): Table {
  let out = t
    .addColumn("owner_id", ref, (c) => c.notNull().references("users.id"))
    .addColumn("group_id", ref, (c) => c.notNull().references("groups.id"))
    .addColumn("created_at", "text", notNull);
  if (withUpdatedAt) out = out.addColumn("updated_at", "text", notNull);
  return out;
}

async function createAccounts(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const { id, ref } = columnTypes(dialect);
  await id(db.schema.createTable("groups"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("description", "text", notNull)
    .addColumn("permissions", "text", notNull)
    .addColumn("created_at", "text", notNull)
    .execute();
  await id(db.schema.createTable("users"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("full_name", "text", notNull)
    .addColumn("email", "text", notNull)
    .addColumn("password_hash", "text", notNull)
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("privileges", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("default_group_id", ref, (c) => c.references("groups.id"))
    .addColumn("created_at", "text", notNull)
    .addColumn("updated_at", "text", notNull)
    .execute();
  await db.schema.createTable("group_members")
    .addColumn("group_id", ref, (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("user_id", ref, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("is_owner", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("group_members_pk", ["group_id", "user_id"])
    .execute();
  await db.schema.createIndex("group_members_user_id_idx").on("group_members").column("user_id").execute();
  await id(db.schema.createTable("sessions"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", ref, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("group_id", ref, (c) => c.references("groups.id"))
    .addColumn("kind", "text", notNull)
    .addColumn("csrf_token", "text")
    .addColumn("created_at", "text", notNull)
    .addColumn("expires_at", "text", notNull)
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_at_idx").on("sessions").column("expires_at").execute();
}

async function createContainers(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const { id, ref, double } = columnTypes(dialect);
  for (const table of ["projects", "datasets"]) {
    await ownership(
      id(db.schema.createTable(table)).addColumn("name", "text", notNull).addColumn("description", "text", notNull),
      ref, true,
    ).execute();
  }
  await ownership(id(db.schema.createTable("images")).addColumn("name", "text", notNull).addColumn("description", "text", notNull), ref, true)
    .addColumn("size_x", "integer", notNull)
    .addColumn("size_y", "integer", notNull)
    .addColumn("size_z", "integer", notNull)
    .addColumn("size_c", "integer", notNull)
    .addColumn("size_t", "integer", notNull)
    .addColumn("pixel_type", "text", notNull)
    .addColumn("physical_size_x", double)
    .addColumn("physical_size_y", double)
    .addColumn("physical_size_z", double)
    .addColumn("physical_size_unit", "text", notNull)
    .addColumn("time_increment", double)
    .addColumn("format", "text")
    .addColumn("store_key", "text")
    .addColumn("acquisition_date", "text")
    .execute();
  for (const table of ["projects", "datasets", "images"]) {
    await db.schema.createIndex(`${table}_group_owner_idx`).on(table).columns(["group_id", "owner_id"]).execute();
  }
  await db.schema.createTable("channels")
    .addColumn("image_id", ref, (c) => c.notNull().references("images.id").onDelete("cascade"))
    .addColumn("idx", "integer", notNull)
    .addColumn("name", "text", notNull)
    .addColumn("color", "text", notNull)
    .addColumn("emission_wavelength", double)
    .addColumn("window_start", double)
    .addColumn("window_end", double)
    .addColumn("min_value", double)
    .addColumn("max_value", double)
    .addPrimaryKeyConstraint("channels_pk", ["image_id", "idx"])
    .execute();
  const links = [
    ["project_dataset_links", "projects", "datasets"],
    ["dataset_image_links", "datasets", "images"],
  ] as const;
  for (const [table, parent, child] of links) {
    await ownership(
      id(db.schema.createTable(table))
        .addColumn("parent_id", ref, (c) => c.notNull().references(`${parent}.id`).onDelete("cascade"))
        .addColumn("child_id", ref, (c) => c.notNull().references(`${child}.id`).onDelete("cascade")),
      ref, false,
    ).execute();
    await db.schema.createIndex(`${table}_parent_child_uq`).on(table).columns(["parent_id", "child_id"]).unique().execute();
    await db.schema.createIndex(`${table}_child_id_idx`).on(table).column("child_id").execute();
  }
}

async function createRoisAndAnnotations(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const { id, ref, double } = columnTypes(dialect);
  await ownership(
    id(db.schema.createTable("rois"))
      .addColumn("image_id", ref, (c) => c.notNull().references("images.id").onDelete("cascade"))
      .addColumn("name", "text", notNull)
      .addColumn("description", "text", notNull),
    ref, true,
  ).execute();
  await db.schema.createIndex("rois_image_id_idx").on("rois").column("image_id").execute();
  await db.schema.createIndex("rois_group_owner_idx").on("rois").columns(["group_id", "owner_id"]).execute();
  await id(db.schema.createTable("shapes"))
    .addColumn("roi_id", ref, (c) => c.notNull().references("rois.id").onDelete("cascade"))
    .addColumn("kind", "text", notNull)
    .addColumn("geometry", "text", notNull)
    .addColumn("z", "integer")
    .addColumn("t", "integer")
    .addColumn("c", "integer")
    .addColumn("text", "text")
    .addColumn("stroke_color", "text")
    .addColumn("stroke_width", double)
    .addColumn("fill_color", "text")
    .execute();
  await db.schema.createIndex("shapes_roi_id_idx").on("shapes").column("roi_id").execute();
  await ownership(
    id(db.schema.createTable("annotations"))
      .addColumn("kind", "text", notNull)
      .addColumn("namespace", "text")
      .addColumn("description", "text", notNull)
      .addColumn("text_value", "text")
      .addColumn("map_value", "text")
      .addColumn("file_name", "text")
      .addColumn("mime_type", "text")
      .addColumn("file_size", ref)
      .addColumn("sha256", "text")
      .addColumn("storage_key", "text"),
    ref, true,
  ).execute();
  await db.schema.createIndex("annotations_group_owner_idx").on("annotations").columns(["group_id", "owner_id"]).execute();
  // parent_id points at a project, dataset, image or ROI depending on parent_kind, so it has no
  // foreign key: deleting a parent removes its annotation links explicitly.
  await ownership(
    id(db.schema.createTable("annotation_links"))
      .addColumn("parent_kind", "text", notNull)
      .addColumn("parent_id", ref, notNull)
      .addColumn("annotation_id", ref, (c) => c.notNull().references("annotations.id").onDelete("cascade")),
    ref, false,
  ).execute();
  await db.schema.createIndex("annotation_links_parent_uq").on("annotation_links")
    .columns(["parent_kind", "parent_id", "annotation_id"]).unique().execute();
  await db.schema.createIndex("annotation_links_annotation_id_idx").on("annotation_links").column("annotation_id").execute();
}

const TABLES_NEWEST_FIRST = [
  "annotation_links", "annotations", "shapes", "rois", "dataset_image_links", "project_dataset_links", "channels",
  "images", "datasets", "projects", "sessions", "group_members", "users", "groups",
];

/** Builds the migration for one dialect. */
export function initMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await createAccounts(db, dialect);
      await createContainers(db, dialect);
      await createRoisAndAnnotations(db, dialect);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of TABLES_NEWEST_FIRST) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
