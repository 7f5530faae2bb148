import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../app/entities';
import { migrations } from '../../migrations';
import { SecretBox } from '../../platform/crypto/secret-box';
import { createDataSource } from '../../platform/database/data-source';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { PROCESS_SECRET_KEY, ServerProcess, startServerProcess } from '../../test-support/server-process';
import { cloneTestDatabase } from '../../test-support/test-database';
import { GraphQLTestClient } from '../../test-support/test-server';
import { liveFeed } from '../../test-support/live-feed';
import { wsClient } from '../../test-support/ws-client';

describe('two server processes on one database', () => {
  const processes: ServerProcess[] = [];
  let drop: () => Promise<void>;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    const database = await cloneTestDatabase();
    drop = database.drop;
    const dataSource = createDataSource({ url: database.url, entities, migrations, poolSize: 2 });
    await dataSource.initialize();
    world = await new Fixtures(dataSource, new SecretBox(Buffer.from(PROCESS_SECRET_KEY, 'hex'))).departement();
    await dataSource.destroy();
    // The second logs at debug level: its « live subscription opened » line says when a subscriber is registered.
    processes.push(await startServerProcess(database.url), await startServerProcess(database.url, { LOG_LEVEL: 'debug' }));
  });
  afterAll(async () => {
    for (const proc of processes) await proc.stop();
    await drop?.();
  });

  it('delivers a report made through the first process to a subscriber on the second', async () => {
    const [first, second] = processes;
    const director = await new GraphQLTestClient(second.url).signIn(world.directorA.login, FIXTURE_PASSWORD);
    const socket = wsClient(second.url, director.cookie);
    const feed = liveFeed(socket, 'subscription { reportAdded { text } }');
    await second.logged((line) => line.msg === 'live subscription opened' && line.userId === world.directorA.id);

    const teacher = await new GraphQLTestClient(first.url).signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const { notificationId } = (
      await teacher.data('mutation { publishPost(input: { audience: CLASS, audienceId: "' + world.classA1 + '", title: "Entre deux processus", body: "x" }) { notificationId } }')
    ).publishPost;
    const pupil = await new GraphQLTestClient(first.url).signIn(world.pupilA.login, FIXTURE_PASSWORD);
    await pupil.data('mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }', { id: notificationId });
    expect(await feed.until(1)).toEqual([{ reportAdded: { text: 'Entre deux processus' } }]);
    await socket.dispose();
  });
});
