/**
 * Starts the download of a same-origin file (the session cookie goes with it) as a click on a
 * temporary `<a download>` would: the browser saves it in « Téléchargements » and the page stays.
 */
export function downloadFile(document: Document, url: string, fileName = ''): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * `/telechargements/comptes.csv?filtre=…`: the CSV of « Exporter des comptes » for a user-list
 * filter (only the criteria that are set, so the address stays short).
 */
export function accountsCsvUrl(filter: object): string {
  const set = Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
  return `/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify(set))}`;
}
