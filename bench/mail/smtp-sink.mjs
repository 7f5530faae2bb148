// A local SMTP server in its own process (so that it does not share the measured process's CPU):
// accepts everything, counts messages, answers GET /count on an HTTP port. Prints "ready <smtp> <http>".
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

let count = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count++;
      callback();
    });
  },
});
smtp.listen(0, '127.0.0.1', () => {
  const http = createServer((req, res) => {
    if (req.url === '/reset') count = 0;
    res.end(String(count));
  });
  http.listen(0, '127.0.0.1', () => {
    console.log(`ready ${smtp.server.address().port} ${http.address().port}`);
  });
});
