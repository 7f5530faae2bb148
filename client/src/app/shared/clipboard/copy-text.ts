/**
 * Puts `text` on the clipboard. False where the browser refuses (an insecure origin, a permission
 * denied): the caller then selects the text so that Ctrl+C does it.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) {
      return false;
    }
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
