/** A piece of a mail's plain text: words, or a web address to open. */
export interface MailTextPart {
  readonly text: string;
  readonly href: string | null;
}

const WEB_ADDRESS = /https?:\/\/[^\s<>"]+/g;

/**
 * Splits a plain-text mail so its web addresses (the renewal link) can be shown as links, without
 * ever interpreting the text as HTML.
 */
export function splitMailText(text: string): MailTextPart[] {
  const parts: MailTextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const start = match.index ?? 0;
    if (start > last) {
      parts.push({ text: text.slice(last, start), href: null });
    }
    parts.push({ text: match[0], href: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last), href: null });
  }
  return parts;
}
