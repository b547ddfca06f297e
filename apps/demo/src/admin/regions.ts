/** A function naming a country (an ISO 3166-1 alpha-2 code) in this language; an unknown code stays as it is. */
export function regionNamer(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
