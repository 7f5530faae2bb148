import type { MailingState } from '../../shared/mailing/data/mailing.operations';

/**
 * The history as loaded, with the mailing running on the page as last heard live: its row shows
 * the same state and counts as the progress bar above, whichever answer reached the page first.
 */
export function withLiveMailing<T extends MailingState>(mailings: readonly T[] | null, live: MailingState | null): readonly T[] | null {
  if (!mailings || !live) {
    return mailings;
  }
  return mailings.map((mailing) => (mailing.id === live.id ? { ...mailing, ...live } : mailing));
}
