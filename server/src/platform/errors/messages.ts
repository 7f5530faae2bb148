/**
 * User-facing error messages, French first. Clients get the message in the language they asked for
 * (Accept-Language), plus a stable `extensions.code` to branch on.
 */
export type Lang = 'fr' | 'en';

export const messages = {
  BAD_CREDENTIALS: {
    fr: "L'identifiant ou le mot de passe est incorrect.",
    en: 'The login or the password is incorrect.',
  },
  UNAUTHENTICATED: {
    fr: "Vous n'êtes pas connecté, ou votre session a expiré. Reconnectez-vous.",
    en: 'You are not signed in, or your session has ended. Please sign in again.',
  },
  FORBIDDEN: {
    fr: "Vous n'avez pas les droits pour faire cette action.",
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    fr: "Cet élément n'existe pas ou ne fait pas partie de votre périmètre.",
    en: 'This item does not exist or is outside your scope.',
  },
  BAD_USER_INPUT: {
    fr: 'La demande est mal formée.',
    en: 'The request is malformed.',
  },
  TOO_MANY_ATTEMPTS: {
    fr: 'Trop de tentatives de connexion. Réessayez dans {minutes} minute(s).',
    en: 'Too many sign-in attempts. Try again in {minutes} minute(s).',
  },
  MAIL_UNAVAILABLE: {
    fr: "Ce serveur n'envoie pas de courriels pour le moment. Demandez un code de renouvellement à l'administrateur de votre école.",
    en: "This server cannot send e-mail at the moment. Ask your school's administrator for a renewal code.",
  },
  QUERY_TOO_COMPLEX: {
    fr: 'La requête est trop complexe.',
    en: 'The query is too complex.',
  },
  RATE_LIMITED: {
    fr: 'Trop de demandes en peu de temps. Réessayez dans {seconds} seconde(s).',
    en: 'Too many requests in a short time. Try again in {seconds} second(s).',
  },
  OVER_CLIENT_BUCKET: {
    fr: "La requête coûte {cost} points, plus que n'en contient le seau de ce client ({max}) : demandez-en moins par liste (argument first).",
    en: "The query costs {cost} points, more than this client's bucket holds ({max}): ask for fewer per list (argument first).",
  },
  PAGE_TOO_LARGE: {
    fr: 'Un jeton demande de 1 à {max} éléments par page (argument first, ici {first}).',
    en: 'A token asks for 1 to {max} items per page (argument first, here {first}).',
  },
  PAGE_SIZE_REQUIRED: {
    fr: "Un jeton indique le nombre d'éléments voulus (argument first, de 1 à {max}) sur chaque liste paginée : il manque sur {field}.",
    en: 'A token says how many items it wants (argument first, 1 to {max}) on every paged list: it is missing on {field}.',
  },
  QUERY_TOO_COSTLY: {
    fr: "La requête demande trop d'éléments à la fois ({cost} pour {max} au plus) : demandez-en moins par liste (argument first) ou sur moins de niveaux.",
    en: 'The query asks for too many items at once ({cost} for at most {max}): ask for fewer per list (argument first) or over fewer levels.',
  },
  API_CLIENT_INACTIVE: {
    fr: "Ce client API est révoqué ou expiré : son jeton ne peut plus être renouvelé. Créez un nouveau client.",
    en: 'This API client is revoked or expired: its token can no longer be rotated. Create a new client.',
  },
  INTERNAL: {
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez votre ERUN.',
    en: 'An unexpected error occurred. Try again; if it persists, contact your digital adviser.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export function translate(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = messages[key][lang] ?? messages[key].fr;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** `Accept-Language: en-GB,en;q=0.9` → 'en'; anything not English → 'fr'. */
export function langFrom(header: string | string[] | undefined): Lang {
  const value = (Array.isArray(header) ? header[0] : header ?? '').trim().toLowerCase();
  return value.startsWith('en') ? 'en' : 'fr';
}
