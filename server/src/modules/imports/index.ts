import type { DomainModule } from '../../platform/module/domain-module';
import { ImportAddressEntity, ImportClassEntity, ImportSessionEntity } from './import.entities';
import { ImportService } from './import.service';
import { ImportsResolver } from './imports.resolver';

/**
 * « Importer des utilisateurs »: ONDE extractions and the Préau template read, matched against an
 * école and simulated (the dry run, stored as an import session). Applying comes later.
 */
export const importsModule: DomainModule = {
  name: 'imports',
  entities: [ImportSessionEntity, ImportClassEntity, ImportAddressEntity],
  resolvers: [ImportsResolver],
  createServices: (_services, { dataSource }): ImportsServices => ({
    imports: new ImportService(dataSource),
  }),
};

export interface ImportsServices {
  imports: ImportService;
}

declare module '../../platform/context/services' {
  interface Services extends ImportsServices {}
}

export type { UploadedFile } from './import.service';
export { MAX_FILE_BYTES } from './import-refusals';
export { refuse as importRefusals } from './import-refusals';
