import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema, printContract } from '../app/schema';
import { projectRoot } from '../platform/config/config';

/** `npm run schema`: writes schema.graphql, the published contract, from the type-graphql classes. */
createSchema()
  .then((schema) => {
    const file = join(projectRoot(), 'schema.graphql');
    writeFileSync(file, printContract(schema));
    console.log(`schema.graphql écrit (${file}).`);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
