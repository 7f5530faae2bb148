import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { ActorCache } from './actor-cache';
import { Scope } from '../auth/scope';

const actor = (userId: string): Actor => ({
  userId,
  login: userId,
  firstName: 'A',
  lastName: 'B',
  profile: 'STUDENT' as Actor['profile'],
  functions: [],
  scope: Scope.none(),
  teacherClassIds: [],
});
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('ActorCache', () => {
  it('loads once, then serves from memory until the user is forgotten', async () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 10, invalidationsArrive: () => true });
    let loads = 0;
    const load = async () => (loads++, { actor: actor('u1'), expiresAt: inAnHour() });
    await cache.get('s1', load);
    await cache.get('s1', load);
    expect(loads).toBe(1);
    cache.forgetUsers(['u2']);
    await cache.get('s1', load);
    expect(loads).toBe(1);
    cache.forgetUsers(['u1']);
    await cache.get('s1', load);
    expect(loads).toBe(2);
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });

  it('does not keep a load that overlapped an invalidation (it may have read the state before the change)', async () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 10, invalidationsArrive: () => true });
    let release!: () => void;
    const slow = cache.get('s1', () => new Promise((resolve) => (release = () => resolve({ actor: actor('u1'), expiresAt: inAnHour() }))));
    cache.forgetUsers(['u1']);
    release();
    expect((await slow)?.userId).toBe('u1');
    expect(cache.size).toBe(0);
  });

  it("never serves past the session's expiry, nor past the TTL, nor keeps a refused session", async () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 10, invalidationsArrive: () => true });
    let loads = 0;
    await cache.get('s1', async () => (loads++, { actor: actor('u1'), expiresAt: new Date(Date.now() - 1) }));
    await cache.get('s1', async () => (loads++, null));
    expect(loads).toBe(2);
    expect(await cache.get('s1', async () => null)).toBeNull();
    const off = new ActorCache({ ttlMs: 0, maxEntries: 10, invalidationsArrive: () => true });
    await off.get('s1', async () => ({ actor: actor('u1'), expiresAt: inAnHour() }));
    expect(off.size).toBe(0);
  });

  it('keeps at most maxEntries sessions, dropping the oldest', async () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 2, invalidationsArrive: () => true });
    for (const id of ['s1', 's2', 's3']) await cache.get(id, async () => ({ actor: actor(id), expiresAt: inAnHour() }));
    expect(cache.size).toBe(2);
    let loaded = false;
    await cache.get('s1', async () => ((loaded = true), { actor: actor('s1'), expiresAt: inAnHour() }));
    expect(loaded).toBe(true);
  });

  it('is bypassed while invalidations cannot arrive, and keeps nothing loaded then', async () => {
    let listening = true;
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 10, invalidationsArrive: () => listening });
    let loads = 0;
    const load = async () => (loads++, { actor: actor('u1'), expiresAt: inAnHour() });
    await cache.get('s1', load);
    listening = false;
    await cache.get('s1', load);
    await cache.get('s1', load);
    expect(loads).toBe(3);
    expect(cache.size).toBe(0);
    listening = true;
    await cache.get('s1', load);
    await cache.get('s1', load);
    expect(loads).toBe(4);
  });

  it('forgets all the sessions of a user, and only theirs', async () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 10, invalidationsArrive: () => true });
    for (const [session, user] of [['s1', 'u1'], ['s2', 'u1'], ['s3', 'u2']]) await cache.get(session!, async () => ({ actor: actor(user!), expiresAt: inAnHour() }));
    cache.forgetUsers(['u1']);
    expect(cache.size).toBe(1);
  });
});
