/**
 * The `retour` query parameter of /connexion, accepted only as a path of this site
 * (never `//host` or `https://…`, which would make the login page an open redirect).
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value.startsWith('/connexion') ? null : value;
}
