import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admins' report notice stored as a key with its parameters, rendered in the reader's language
 * (issue 21, item 6): it was stored as a French sentence, so English readers of the API read French.
 * Notices written before are converted; their reporter's name is taken back out of the sentence.
 */
export class KeyedNotices1796730000000 implements MigrationInterface {
  name = 'KeyedNotices1796730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN text_key text, ADD COLUMN text_params jsonb, ALTER COLUMN text DROP NOT NULL`);
    await q.query(`
      UPDATE notification
         SET text_key = 'REPORT_NOTICE',
             text_params = jsonb_build_object('reporter', substring(text FROM '^Une notification a été signalée par (.*)\\. Pour traiter le signalement cliquez ici\\.$')),
             text = NULL
       WHERE report_id IS NOT NULL AND text ~ '^Une notification a été signalée par .*\\. Pour traiter le signalement cliquez ici\\.$'`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_text_or_key CHECK (text IS NOT NULL OR text_key IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_text_or_key`);
    await q.query(`
      UPDATE notification
         SET text = 'Une notification a été signalée par ' || (text_params ->> 'reporter') || '. Pour traiter le signalement cliquez ici.'
       WHERE text_key = 'REPORT_NOTICE'`);
    await q.query(`ALTER TABLE notification DROP COLUMN text_key, DROP COLUMN text_params, ALTER COLUMN text SET NOT NULL`);
  }
}
