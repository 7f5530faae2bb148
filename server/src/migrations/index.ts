import { Initial1764340000000 } from './1764340000000-initial';

/** Migrations in order. A landed migration is never edited: add a new one. */
export const migrations = [Initial1764340000000];
