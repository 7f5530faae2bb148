import { Profile } from './profile';

/** The profiles as French directors read them (lists, sheets, exports). */
export const PROFILE_LABELS_FR: Record<Profile, string> = {
  [Profile.STUDENT]: 'Élève',
  [Profile.RELATIVE]: 'Parent',
  [Profile.TEACHER]: 'Enseignant',
  [Profile.PERSONNEL]: 'Personnel',
  [Profile.GUEST]: 'Invité',
};
