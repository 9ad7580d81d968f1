/**
 * The form names are compared in: sign-in names and team names are unique ignoring case (and
 * Unicode width/compatibility forms), so "Dana", "DANA" and "Ｄａｎａ" are one name.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase('und');
}
