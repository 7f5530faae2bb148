import type { Lang } from '../../platform/errors/messages';

/**
 * The notices Préau writes itself into a fil de nouveautés, by key: stored as the key and its
 * parameters (notification.text_key, text_params) and rendered in the reader's language, so that an
 * English reader of the API does not read French. The console renders them from the item's own
 * data (TimelineItem.reportNotice) with its translation files.
 */
const NOTICE_TEXTS = {
  /** The admins' « Une notification a été signalée… » (ReportService.noticeToAdmins). */
  REPORT_NOTICE: {
    fr: (p: { reporter: string }) => `Une notification a été signalée par ${p.reporter}. Pour traiter le signalement cliquez ici.`,
    en: (p: { reporter: string }) => `A notification was reported by ${p.reporter}. To deal with the report, click here.`,
  },
} satisfies Record<string, Record<Lang, (params: never) => string>>;

export type NoticeKey = keyof typeof NOTICE_TEXTS;

export function noticeText(key: NoticeKey, params: Record<string, string> | null, lang: Lang): string {
  return NOTICE_TEXTS[key][lang]({ reporter: '', ...params });
}
