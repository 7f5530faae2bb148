// The baseline of bench/fanout: a bare `ws` server that broadcasts one pre-serialised message to
// every client when asked over HTTP (POST /broadcast?key=…).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  const key = new URL(req.url, 'http://x').searchParams.get('key');
  const message = JSON.stringify({ key, payload: { reportAdded: { id: '00000000-0000-4000-8000-000000000000', text: key } } });
  for (const client of wss.clients) client.send(message);
  res.end('ok');
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
