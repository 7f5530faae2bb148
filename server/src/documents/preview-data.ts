import { Profile } from '../platform/model/profile';
import type { ConnectionSheet } from './connection-sheet';

/**
 * Made-up sheets that exercise every case a template must handle: the preview CLI prints them and
 * the tests reuse them. No real person: names are the admin guide's examples or invented.
 */
export const PREVIEW_SHEETS: readonly ConnectionSheet[] = [
  {
    firstName: 'Marie',
    lastName: 'Aubert',
    profile: Profile.STUDENT,
    login: 'marie.aubert',
    activationCode: '3n6g8fmj',
    classes: ['CE1 A'],
    children: [],
    school: 'École élémentaire Jules Ferry',
  },
  {
    firstName: 'Virginie',
    lastName: 'Aubert',
    profile: Profile.RELATIVE,
    login: 'virginie.aubert',
    activationCode: 'wgyr53h4',
    classes: ['CE1 A', 'CM2 B'],
    children: [
      { firstName: 'Marie', lastName: 'Aubert', classes: ['CE1 A'] },
      { firstName: 'Emma', lastName: 'Aubert', classes: ['CM2 B'] },
    ],
    school: 'École élémentaire Jules Ferry',
  },
  {
    firstName: 'Fred',
    lastName: 'Bernard',
    profile: Profile.TEACHER,
    // An alias (« Identifiant personnalisé ») printed in place of the login.
    login: 'm.bernard.cm2',
    activationCode: 'kdbw6fnc',
    classes: ['CM2 B'],
    children: [],
    school: 'École élémentaire Jules Ferry',
  },
  {
    firstName: 'Naël',
    lastName: 'Colin',
    profile: Profile.PERSONNEL,
    login: 'nael.colin',
    // Already activated: no code, the sheet says to sign in with one's own password.
    activationCode: null,
    classes: [],
    children: [],
    school: 'École élémentaire Jules Ferry',
  },
  {
    firstName: `Zoé "<b>Zo</b>" {{d'Artagnan}}`,
    lastName: `O'Brien-Lefèvre & <i>Çà</i>`,
    profile: Profile.STUDENT,
    login: 'zoe.obrienlefevre',
    activationCode: '54y3p6rd',
    classes: ['CP <script>'],
    children: [],
    school: `École "Les <Tilleuls>" & {{Cie}}`,
  },
  {
    firstName: 'Marie-Héloïse-Anne-Sophie-Clémentine-Bérénice',
    lastName: 'de La Tour d’Auvergne-Montmorency-Saint-Germain-des-Prés-Wolfeschlegelsteinhausenbergerdorff',
    profile: Profile.RELATIVE,
    login: 'marieheloiseannesophiecle.delatourdauvergnemontmor',
    activationCode: '37jryt6h',
    classes: ['CM1 A', 'CM2 B', 'CE2 C'],
    children: [
      { firstName: 'Anne-Charlotte-Guillemette', lastName: 'de La Tour d’Auvergne-Montmorency', classes: ['CM1 A'] },
      { firstName: 'Pierre-Alexandre-Hippolyte', lastName: 'de La Tour d’Auvergne-Montmorency', classes: ['CM2 B'] },
      { firstName: 'Louise-Marguerite', lastName: 'de La Tour d’Auvergne-Montmorency', classes: ['CE2 C'] },
    ],
    school: 'École primaire publique du Groupe Scolaire Intercommunal des Coteaux de la Vallée de la Somme',
  },
  {
    firstName: 'Sofia',
    lastName: 'Dubois',
    profile: Profile.GUEST,
    login: 'sofia.dubois',
    activationCode: 'tvx8k4pm',
    classes: [],
    children: [],
    school: null,
  },
];

/** `count` sheets cycling through the preview ones, for multi-page previews. */
export function previewSheets(count = PREVIEW_SHEETS.length): ConnectionSheet[] {
  return Array.from({ length: count }, (_, i) => PREVIEW_SHEETS[i % PREVIEW_SHEETS.length]);
}
