import { MessageType, parseMessage, stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { nextFramePrefix } from './live-subscribe';

// Shared subscriptions write graphql-ws's "next" frame by hand around a payload serialised once for
// all subscribers. If graphql-ws changes its frame, this fails before any browser sees the change.
describe('contract with graphql-ws: the hand-written "next" frame', () => {
  const payload = { data: { reportAdded: { id: 'r1', text: 'Signalé « ici » \u2028 "quoted"' } } };

  it.each(['1', 'a-subscription-id', 'ids "with" quotes'])('is a message graphql-ws parses as its own (id %s)', (id) => {
    const frame = `${nextFramePrefix(id)}${JSON.stringify(payload)}}`;
    expect(parseMessage(frame)).toEqual({ id, type: MessageType.Next, payload });
    expect(JSON.parse(frame)).toEqual(JSON.parse(stringifyMessage({ id, type: MessageType.Next, payload })));
  });
});
