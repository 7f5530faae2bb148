import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * structure_ancestor, the closure of the structure tree, kept by triggers (COPY included), and the
 * audit log's structure_ids widened to the ancestors of the target's écoles so it is scoped by roots.
 */
export class ScopeClosure1795881597319 implements MigrationInterface {
  name = 'ScopeClosure1795881597319';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "structure_ancestor" ("ancestor_id" uuid NOT NULL, "structure_id" uuid NOT NULL, "depth" integer NOT NULL, CONSTRAINT "PK_fdd447b0223ce90bec469730210" PRIMARY KEY ("ancestor_id", "structure_id"))`);
    await q.query(`CREATE INDEX "structure_ancestor_structure_idx" ON "structure_ancestor" ("structure_id", "ancestor_id")`);
    await q.query(`
      CREATE FUNCTION structure_ancestor_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO structure_ancestor (ancestor_id, structure_id, depth) VALUES (NEW.id, NEW.id, 0);
        IF NEW.parent_id IS NOT NULL THEN
          INSERT INTO structure_ancestor (ancestor_id, structure_id, depth)
          SELECT sa.ancestor_id, NEW.id, sa.depth + 1 FROM structure_ancestor sa WHERE sa.structure_id = NEW.parent_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION structure_ancestor_refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'structures are not re-parented (structure %): create the new one and move the accounts', OLD.id;
      END $$`);
    await q.query(`
      CREATE FUNCTION structure_ancestor_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM structure_ancestor WHERE structure_id = OLD.id OR ancestor_id = OLD.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER structure_ancestor_insert AFTER INSERT ON structure FOR EACH ROW EXECUTE FUNCTION structure_ancestor_insert()`);
    await q.query(`CREATE TRIGGER structure_ancestor_move BEFORE UPDATE OF parent_id ON structure FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION structure_ancestor_refuse_move()`);
    await q.query(`CREATE TRIGGER structure_ancestor_delete AFTER DELETE ON structure FOR EACH ROW EXECUTE FUNCTION structure_ancestor_delete()`);
    // Existing structures (databases created before this migration).
    await q.query(`
      WITH RECURSIVE up AS (
        SELECT id AS structure_id, id AS ancestor_id, parent_id, 0 AS depth FROM structure
        UNION ALL
        SELECT up.structure_id, p.id, p.parent_id, up.depth + 1 FROM up JOIN structure p ON p.id = up.parent_id
      )
      INSERT INTO structure_ancestor (ancestor_id, structure_id, depth) SELECT ancestor_id, structure_id, depth FROM up`);
    await q.query(`ANALYZE structure_ancestor`);
    await q.query(`
      UPDATE audit_log a SET structure_ids = COALESCE(
        (SELECT array_agg(DISTINCT sa.ancestor_id) FROM structure_ancestor sa WHERE sa.structure_id = ANY(a.structure_ids)), '{}')`);
  }

  async down(): Promise<void> {
    throw new Error('ScopeClosure1795881597319 is not reversible');
  }
}
