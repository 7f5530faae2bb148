import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entities } from '../app/entities';
import { migrations } from '../migrations';
import { createDataSource } from '../platform/database/data-source';
import { withScratchDatabase } from '../platform/database/scratch-database';
import { pendingSchemaChanges } from '../platform/database/schema-diff';
import { projectRoot } from '../platform/config/config';

/**
 * `npm run migration:generate -- <Name>`: applies the existing migrations to a scratch database and
 * writes a new migration with what the entities still need. Review it before committing; hand-written
 * indexes must be declared on their entity with `synchronize: false` or they show up here as drops.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Usage : npm run migration:generate -- NomEnPascalCase');
    process.exit(2);
  }
  await withScratchDatabase(async (url) => {
    const dataSource = createDataSource({ url, entities, migrations });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const statements = await pendingSchemaChanges(dataSource);
    await dataSource.destroy();
    if (statements.length === 0) {
      console.log('Les entités et les migrations sont déjà en accord : rien à générer.');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const body = statements.map((sql) => `    await q.query(${JSON.stringify(sql)});`).join('\n');
    const file = join(projectRoot(), 'server/src/migrations', `${stamp}-${name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(q: QueryRunner): Promise<void> {\n${body}\n  }\n\n  async down(): Promise<void> {\n    throw new Error('${className} is not reversible');\n  }\n}\n`,
    );
    console.log(`Migration écrite : ${file}\nAjoutez-la à server/src/migrations/index.ts.`);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
