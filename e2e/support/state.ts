import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_FILE = join(__dirname, '../../test-results/e2e-state.json');

export interface DemoAccount {
  role: 'OPERATOR' | 'DEPARTEMENT_ADMIN' | 'CIRCONSCRIPTION_ADMIN' | 'SCHOOL_ADMIN' | 'OTHER_SCHOOL_ADMIN' | 'TEACHER' | 'STUDENT' | 'RELATIVE' | 'RELATIVE_NOT_ACTIVATED';
  label: string;
  login: string;
  password?: string;
  activationCode?: string;
  displayName: string;
  school?: string;
  /** What the account administers or belongs to (a class name for a pupil or a teacher). */
  scope?: string;
}

export interface E2EState {
  url: string;
  databaseUrl: string;
  dataDir: string;
  accounts: DemoAccount[];
}

let cached: E2EState | undefined;

export function e2eState(): E2EState {
  cached ??= JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2EState;
  return cached;
}

export function demoAccount(role: DemoAccount['role']): DemoAccount {
  const account = e2eState().accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}
