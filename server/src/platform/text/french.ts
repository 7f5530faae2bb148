/**
 * French typography for the texts Préau writes itself (sheets, e-mails, server-side messages):
 * elision of « de », « le », « la » before a name, names in capitals, lists, the école's name in
 * a sentence. One place, so every document elides and capitalises the same way.
 *
 * Elision rule (« de » → « d' », « le »/« la » → « l' »): before a vowel sound.
 * - A vowel letter, accented or not, lower or upper case: a e i o u, à â ä é è ê ë î ï ô ö ù û ü,
 *   æ œ (« d'Œdipe », « d'Élodie », « d'Îlona »). Letters are compared without their accents.
 * - « y » before a consonant is a vowel (« d'Yves », « d'Yvonne »), before a vowel a consonant
 *   (« de Yann », « de Yasmine », « de Yohan »).
 * - « h »: most French first names starting with h have an h muet and elide (« d'Hugo »,
 *   « d'Hélène », « d'Hervé », « d'Hector », « d'Henri »): every h is treated as muet, except the
 *   short list H_ASPIRE below (names whose h is pronounced in French usage: « de Hamza »,
 *   « de Harry »). A wrong guess on a rare name reads as a choice of the writer, never as an error
 *   of the software, whereas « de Hugo » on 200 sheets would.
 * - Anything else (consonants, digits, symbols, an empty text) does not elide.
 * Names with a particle keep it: « de » + « d'Artagnan » → « de d'Artagnan » (the particle stays
 * before a vowel), but « de » + « de La Fontaine » → « de La Fontaine » (never « de de »).
 */

/** Names whose h is pronounced (h aspiré): no elision before them. Compared without accents, lower case. */
const H_ASPIRE = new Set([
  'hamza', 'hamid', 'hakim', 'hassan', 'hussein', 'hocine', 'houssam', 'hind', 'haroun', 'hamed',
  'harry', 'hans', 'heidi', 'harold', 'hannibal', 'hilda', 'hugh', 'howard', 'hollande', 'hongrie',
]);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'æ', 'œ']);

/** Lower case without diacritics: « Élodie » → « elodie », « Œdipe » → « œdipe ». */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr-FR');
}

/** The first word of `text` (letters, up to a space, hyphen or apostrophe). */
function firstWord(text: string): string {
  return /^[\p{L}\p{M}]*/u.exec(text)?.[0] ?? '';
}

/** Whether `word` starts with a vowel sound, per the rule at the top of this file. */
export function startsWithVowelSound(word: string): boolean {
  const text = plain(word.trimStart().replace(/^[«"“‘'(\s]+/u, ''));
  const first = text.charAt(0);
  if (VOWELS.has(first)) return true;
  if (first === 'y') return text.length > 1 && !VOWELS.has(text.charAt(1)) && text.charAt(1) !== 'y';
  if (first === 'h') return text.length > 1 && !H_ASPIRE.has(firstWord(text));
  return false;
}

/** « de » before a name or noun: « d'Imrân », « de Paul », « d'Hugo », « de La Fontaine » (never « de de »). */
export function de(name: string): string {
  const text = name.trim();
  if (/^de\s/u.test(text)) return text; // « de Gaulle » after « de » stays « de Gaulle »
  return startsWithVowelSound(text) ? `d'${text}` : `de ${text}`;
}

/** « le » before a masculine word: « l'Hôtel », « le CP ». */
export function le(word: string): string {
  const text = word.trim();
  return startsWithVowelSound(text) ? `l'${text}` : `le ${text}`;
}

/** « la » before a feminine word: « l'école », « la classe ». */
export function la(word: string): string {
  const text = word.trim();
  return startsWithVowelSound(text) ? `l'${text}` : `la ${text}`;
}

/** French agreement with a count: the singular below 2 (« 0 élève », « 1 élève », « 2 élèves »). */
export function singularFor(count: number): boolean {
  return count < 2;
}

/** A count and its noun, agreed: `countOf(1, 'ligne', 'lignes')` → « 1 ligne ». */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${singularFor(count) ? one : many}`;
}

/** Capitalises the first letter of a sentence: « d'Imrân » → « D'Imrân ». */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/**
 * A last name in capitals, done here rather than in SQL: PostgreSQL's upper() follows the database's
 * LC_CTYPE, and under `C` it leaves « é » as it is (« PRéVOST »). JavaScript maps the whole of
 * Unicode whatever the server (é → É, ç → Ç, œ → Œ, ß → SS).
 */
export function upperName(name: string): string {
  return name.toLocaleUpperCase('fr-FR');
}

/** « Prénom NOM », as a letter addresses its reader. */
export function firstLast(firstName: string, lastName: string): string {
  return [firstName.trim(), upperName(lastName.trim())].filter(Boolean).join(' ');
}

/** « NOM Prénom », as lists sort and show names. */
export function lastFirst(firstName: string, lastName: string): string {
  return [upperName(lastName.trim()), firstName.trim()].filter(Boolean).join(' ');
}

/** « A », « A et B », « A, B et C ». */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * Words a school's official name starts with when it already says what it is: « École élémentaire
 * Jules Ferry », « Groupe scolaire Pasteur ». Such a name is not preceded by « l'école ».
 */
const SCHOOL_WORDS = /^(ecole|groupe scolaire|gs|eepu|empu|eepr|epr|epp|rpi|maternelle|elementaire|primaire|college|institution|ensemble scolaire|cours)\b/u;

/**
 * The école as the subject of a sentence: « L'école Jules Ferry » for a bare name, but the name
 * alone when it says « École… » already (never « L'école École élémentaire… »).
 */
export function schoolSubject(name: string): string {
  const text = name.trim();
  return SCHOOL_WORDS.test(plain(text)) ? capitalise(text) : `L'école ${text}`;
}
