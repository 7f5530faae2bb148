// The subscriber side of bench/fanout, in its own process: N WebSocket clients, either graphql-ws
// subscribers of reportAdded (mode "graphql") or plain ws clients (mode "raw"). Each received
// message's arrival time (epoch ms, sub-ms precision) is reported to the parent, batched.
import WebSocket from 'ws';

const [mode, url, tokensJson] = process.argv.slice(2);
const tokens = JSON.parse(tokensJson);
const now = () => performance.timeOrigin + performance.now();
let ready = 0;
let pending = [];
setInterval(() => {
  if (pending.length) {
    process.send({ type: 'arrivals', arrivals: pending });
    pending = [];
  }
}, 100).unref();

let retried = 0;
function open(index, attempt = 0) {
  const token = tokens[index];
  const socket = new WebSocket(url, mode === 'graphql' ? 'graphql-transport-ws' : undefined, {
    headers: token ? { cookie: `preau_session=${token}` } : {},
  });
  socket.on('open', () => {
    if (mode === 'graphql') socket.send(JSON.stringify({ type: 'connection_init' }));
    else if (++ready === tokens.length) process.send({ type: 'ready', retried });
  });
  socket.on('message', (raw) => {
    const at = now();
    const message = JSON.parse(raw.toString());
    if (mode === 'raw') return pending.push({ key: message.key, at });
    if (message.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { reportAdded { id text } }' } }));
      if (++ready === tokens.length) setTimeout(() => process.send({ type: 'ready', retried }), 500);
    } else if (message.type === 'next') {
      pending.push({ key: message.payload.data?.reportAdded?.text, at });
    }
  });
  let opened = false;
  socket.on('open', () => (opened = true));
  socket.on('error', (error) => {
    // A connection reset while 2,000 sockets connect at once on a loaded 2-core machine: try again
    // (counted and reported), rather than losing the whole run.
    if (!opened && attempt < 5) {
      retried++;
      return void setTimeout(() => open(index, attempt + 1), 200 * (attempt + 1));
    }
    process.send({ type: 'error', message: String(error.message) });
  });
}

for (let i = 0; i < tokens.length; i++) {
  open(i);
  if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
}
process.on('message', (message) => {
  if (message === 'exit') process.exit(0);
});
