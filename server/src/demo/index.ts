/** The demo département: generator, COPY loader and the role accounts with known credentials. */
export { DEMO_SEED, DEMO_USERS, MAX_USERS, MIN_USERS, REFERENCE_DATE, LEVELS, LoginAllocator, generateDemoDirectory, planDemoDirectory, uaiCode } from './demo-generator';
export type { DemoChunk, DemoOptions, DemoPlan, StructureRow, SchoolClassRow, UserRow, AccountNameRow, UserStructureRow, ClassMemberRow, RelativeLinkRow, AdminFunctionRow } from './demo-generator';
export { DEMO_PASSWORD, DIRECTORY_TABLES, hasDirectoryData, loadDemoData, loadDemoDataWithClient } from './demo-loader';
export type { DemoLoadSummary, DemoProgress, LoadDemoOptions } from './demo-loader';
export { DEMO_ROLE_LABELS, demoAccounts, findDemoAccounts } from './demo-accounts';
export type { DemoAccount, DemoAccounts, DemoRole } from './demo-accounts';
export { COPY_TABLES, copyEscape, copyLine, copyValue, pgArrayLiteral } from './copy-format';
