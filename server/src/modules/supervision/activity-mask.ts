/** Below this many people, active or inactive, a figure is not shown (the INSEE frequency rule). */
export const MIN_PEOPLE = 3;

/**
 * « Actifs » is shown only when both the actives and the inactives are at least 3: « 9 sur 10 » would
 * single out the tenth as surely as « 1 sur 10 » the one. Null: masked (« — (moins de 3 personnes) »).
 */
export function maskedActives(active: number, accounts: number): number | null {
  return active >= MIN_PEOPLE && accounts - active >= MIN_PEOPLE ? active : null;
}
