import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit-actions';

const SERVER_SRC = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('spec.ts') ? [path] : [];
  });
}

/**
 * The action codes a file hands to the audit log: the value of `action:` in a record, or the action
 * argument of a service's own `log(manager, actor, client, <action>, …)` helper; a ternary gives
 * both of its branches (« decision === 'KEEP' ? 'REPORT_KEPT' : 'REPORT_DELETED' »).
 */
function recordedActions(source: string): string[] {
  const expressions = [
    ...[...source.matchAll(/\baction:\s*([^\n]+)/g)].map((match) => match[1]),
    ...[...source.matchAll(/this\.log\(\s*manager,\s*actor,\s*client,\s*([^\n]+)/g)].map((match) => match[1]),
  ];
  return expressions.flatMap((expression) =>
    [...expression.matchAll(/(?:^|[?:]\s*)'([A-Z][A-Z_]+)'/g)].map((match) => match[1]),
  );
}

describe('AUDIT_ACTIONS', () => {
  it('lists every action a service records, and nothing else', () => {
    const found = new Map<string, string>();
    for (const file of sources(SERVER_SRC)) {
      const source = readFileSync(file, 'utf8');
      if (!source.includes('audit.record(')) continue;
      for (const action of recordedActions(source)) found.set(action, relative(SERVER_SRC, file));
    }
    const listed = new Set<string>(AUDIT_ACTIONS);
    const unlisted = [...found].filter(([action]) => !listed.has(action)).map(([action, file]) => `${action} (${file})`);
    expect(unlisted, 'recorded but missing from AUDIT_ACTIONS').toEqual([]);
    expect([...listed].filter((action) => !found.has(action)), 'listed but never recorded').toEqual([]);
  });

  it('has no duplicates', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});
