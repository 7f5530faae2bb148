// The baseline of bench/pdf-download: the download as it was before the PDF was stored in rows. The
// document is read as ONE bytea value (as `SELECT content FROM mailing_document` did) into one Buffer
// and sent with res.end, on the same database and the same stored bytes. No session check: only the
// memory of serving the file is compared.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const server = createServer(async (req, res) => {
  const id = /([0-9a-f-]{36})\.pdf$/.exec(req.url ?? '')?.[1];
  if (!id) return res.writeHead(404).end();
  const { rows } = await pool.query(`SELECT string_agg(data, ''::bytea ORDER BY seq) AS content FROM mailing_document_chunk WHERE mailing_id = $1`, [id]);
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': rows[0].content.length }).end(rows[0].content);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
