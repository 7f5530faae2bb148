import { DataSource, EntityManager } from 'typeorm';

/** Bytes per stored row: large enough for few rows, small enough that a row is cheap in memory. */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;

/** How long a mailing's PDF (activation codes) is kept. */
const DOCUMENT_TTL = `interval '24 hours'`;

/**
 * Writes a mailing's PDF as it is merged, in rows of about `DOCUMENT_CHUNK_BYTES`, each INSERT
 * awaited before more is accepted (the merge waits for the database, memory does not grow).
 * `finish` records the document in the caller's transaction: until then it does not exist.
 */
export class MailingDocumentWriter {
  private parts: Uint8Array[] = [];
  private pending = 0;
  private seq = 0;
  private size = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailingId: string,
  ) {}

  /** Forgets what an earlier attempt (a crashed or failed job) wrote. */
  async begin(): Promise<void> {
    await this.dataSource.query(`DELETE FROM mailing_document WHERE mailing_id = $1`, [this.mailingId]);
    await this.dataSource.query(`DELETE FROM mailing_document_chunk WHERE mailing_id = $1`, [this.mailingId]);
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.parts.push(bytes);
    this.pending += bytes.byteLength;
    this.size += bytes.byteLength;
    while (this.pending >= DOCUMENT_CHUNK_BYTES) await this.flush(DOCUMENT_CHUNK_BYTES);
  }

  async finish(manager: EntityManager): Promise<void> {
    if (this.pending > 0) await this.flush(this.pending);
    await manager.query(`INSERT INTO mailing_document (mailing_id, byte_size, chunks) VALUES ($1, $2, $3)`, [this.mailingId, this.size, this.seq]);
  }

  private async flush(bytes: number): Promise<void> {
    const all = Buffer.concat(this.parts, this.pending);
    const row = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.parts = rest.length > 0 ? [rest] : [];
    this.pending = rest.length;
    await this.dataSource.query(`INSERT INTO mailing_document_chunk (mailing_id, seq, data) VALUES ($1, $2, $3)`, [this.mailingId, this.seq, row]);
    this.seq++;
  }
}

export interface StoredDocument {
  byteSize: number;
  /** The rows in order, one query each: no connection is held while the client reads. */
  chunks(): AsyncGenerator<Buffer>;
}

/** The stored PDF of a mailing of `authorId`, or null (absent, someone else's, purged). */
export async function findDocument(dataSource: DataSource, mailingId: string, authorId: string): Promise<StoredDocument | null> {
  const rows = (await dataSource.query(
    `SELECT d.byte_size, d.chunks FROM mailing_document d JOIN mailing m ON m.id = d.mailing_id WHERE d.mailing_id = $1 AND m.created_by_id = $2`,
    [mailingId, authorId],
  )) as { byte_size: string; chunks: number }[];
  if (!rows[0]) return null;
  const { chunks } = rows[0];
  return {
    byteSize: Number(rows[0].byte_size),
    async *chunks() {
      for (let seq = 0; seq < chunks; seq++) {
        const [row] = (await dataSource.query(`SELECT data FROM mailing_document_chunk WHERE mailing_id = $1 AND seq = $2`, [mailingId, seq])) as { data: Buffer }[];
        // Purged while it was being read (a download started in the last seconds of its day).
        if (!row) throw new Error('mailing document purged during the download');
        yield row.data;
      }
    },
  };
}

/** Mailing PDFs hold activation codes: gone after a day, with their rows (and those of unfinished ones). */
export async function purgeExpiredDocuments(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`DELETE FROM mailing_document WHERE created_at < now() - ${DOCUMENT_TTL}`);
    await manager.query(
      `DELETE FROM mailing_document_chunk c
        WHERE c.created_at < now() - ${DOCUMENT_TTL}
          AND NOT EXISTS (SELECT 1 FROM mailing_document d WHERE d.mailing_id = c.mailing_id)`,
    );
  });
}
