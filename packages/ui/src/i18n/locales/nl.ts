import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in Dutch: `<LocaleProvider locale="nl" messages={nl}>`. */
export const nl: Messages = {
  common: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    errorReference: (id) => `Referentie: ${id}`,
    errors: {
      network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
      timeout: 'De server deed er te lang over om te antwoorden.',
      server: 'De dienst heeft op dit moment problemen. Probeer het zo opnieuw.',
      rateLimited: 'Te veel verzoeken. Wacht even en probeer het dan opnieuw.',
      notFound: 'We konden niet vinden wat je zocht.',
      unauthorized: 'Deze actie is niet toegestaan met de huidige inloggegevens.',
      badRequest: 'De server heeft het verzoek geweigerd.',
      response: 'De server stuurde een antwoord dat we niet konden lezen.',
      unknown: 'Er ging iets mis.',
    },
  },
  picker: {
    countryLabel: 'Land',
    allCountries: 'Alle landen',
    countryCount: (count) => (count === 1 ? '1 bank' : `${formatNumber('nl', count)} banken`),
    searchLabel: 'Zoek je bank',
    searchPlaceholder: 'Naam van de bank, bijv. ABN AMRO',
    clearSearch: 'Zoekopdracht wissen',
    listLabel: 'Banken',
    popularHeading: 'Populair',
    allHeading: 'Alle banken',
    resultCount: (count) =>
      count === 0
        ? 'Geen bank gevonden'
        : count === 1
          ? '1 bank gevonden'
          : `${formatNumber('nl', count)} banken gevonden`,
    noResults: (query) => `Geen bank komt overeen met ‘${query}’.`,
    noResultsHint: 'Controleer de spelling, probeer minder woorden of kies een ander land.',
    searchAllCountries: (count) =>
      count === 1 ? 'In alle landen zoeken (1 bank)' : `In alle landen zoeken (${formatNumber('nl', count)} banken)`,
    empty: 'Hier is nog geen bank beschikbaar.',
    notListed: 'Mijn bank staat er niet bij',
    badges: { beta: 'Bèta', restricted: 'Niet beschikbaar', unstable: 'Mogelijk instabiel' },
    restrictedReason: 'Nieuwe verbindingen met deze bank zijn op dit moment niet mogelijk.',
  },
  form: {
    title: (name) => `${name} koppelen`,
    paymentTitle: (name) => `Betaling bevestigen met ${name}`,
    stepIndicator: (current, total) => `Stap ${current} van ${total}`,
    next: 'Volgende',
    back: 'Terug',
    submit: 'Koppelen',
    backToList: 'Een andere bank kiezen',
    requiredMark: 'verplicht',
    optional: 'optioneel',
    showPassword: 'Wachtwoord tonen',
    capsLock: 'Caps Lock staat aan',
    selectPlaceholder: 'Kiezen…',
    authMechanismLabel: 'Hoe wil je koppelen?',
    authMechanisms: { credentials: 'Met mijn internetbankiergegevens', webauth: 'Op de website van mijn bank' },
    continueToBank: 'Verder naar je bank',
    webauthHint: (name) => `Je logt in op de pagina van ${name} en komt daarna hier terug.`,
    errorSummary: (count) => (count === 1 ? 'Verbeter 1 veld' : `Verbeter ${count} velden`),
    fieldErrors: {
      required: 'Vul dit veld in.',
      pattern: 'Deze waarde heeft niet het verwachte formaat.',
      date: 'Vul een echte datum in als jaar-maand-dag.',
      list: 'Kies een van de opties.',
    },
    noFields: 'Bij deze stap hoeft niets ingevuld te worden.',
  },
};
