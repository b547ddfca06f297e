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
    refreshFailed: 'De lijst kon niet worden vernieuwd: hij toont de banken zoals ze het laatst zijn geladen.',
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
  connect: {
    handoffOpening: (name) => `De beveiligde pagina van ${name} wordt geopend…`,
    handoffHint: (name) => `Je rondt het af op een beveiligde pagina voor ${name} en komt daarna hier terug.`,
    handoffContinue: 'Verder naar de beveiligde pagina',
    callbackReading: 'Resultaat wordt gecontroleerd…',
    connectedTitle: (name) => `${name} is gekoppeld`,
    connectedTitleUnnamed: 'Je bank is gekoppeld',
    connectedText: (count) =>
      count === 1
        ? 'Je rekeningen worden voortaan bijgewerkt.'
        : `Er zijn ${formatNumber('nl', count)} koppelingen toegevoegd.`,
    deleted: { title: 'De koppeling is verwijderd', text: 'De rekeningen ervan worden niet meer bijgewerkt.' },
    done: 'Doorgaan',
    startAgain: 'Opnieuw beginnen',
    connecting: (name) => `Verbinden met ${name}…`,
    connectingHint: 'Je bank controleert je gegevens. Dit kan een minuut of twee duren.',
    elapsedLabel: 'Verstreken tijd',
    cancel: 'Annuleren',
    fieldsTitle: (name) => `${name} heeft meer informatie nodig`,
    fieldsSubmit: 'Versturen',
    decoupledTitle: (name) => `Keur goed in je ${name}-app`,
    decoupledHint: 'Open de app van je bank en keur de koppeling goed. Deze pagina gaat daarna vanzelf verder.',
    decoupledWaiting: 'Wachten op je goedkeuring…',
    decoupledApproved: 'Ik heb goedgekeurd',
    decoupledTimedOut: {
      title: 'Je goedkeuring kwam niet op tijd',
      text: 'Keur de koppeling goed in de app van je bank en probeer het opnieuw.',
    },
    validatingTitle: (name) => `Controleren bij ${name}…`,
    validatingTimedOut: {
      title: 'Dit duurt langer dan normaal',
      text: 'Je bank is nog niet klaar. Probeer het zo meteen opnieuw.',
    },
    webauth: {
      title: (name) => `Bevestig op de website van ${name}`,
      text: 'Je bank vraagt je op haar eigen website te bevestigen dat jij het bent. Daarna kom je hier terug.',
    },
    webauthUnavailable: 'Je bank vraagt een bevestiging op haar eigen website, die deze app niet kan openen.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Actie nodig op de website van ${name}`,
        text: 'Je bank vraagt je iets te doen op haar website, zoals nieuwe voorwaarden accepteren. Doe dat daar en probeer het opnieuw.',
      },
      passwordExpired: {
        title: (name) => `Je wachtwoord bij ${name} is verlopen`,
        text: 'Wijzig je wachtwoord op de website van je bank en probeer het opnieuw.',
      },
    },
    openBankWebsite: (name) => `Website van ${name} openen`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} beperkt koppelingen op dit moment`,
        text: 'Je bank krijgt te veel verzoeken. Probeer het later opnieuw.',
      },
      websiteUnavailable: {
        title: (name) => `${name} is op dit moment niet beschikbaar`,
        text: 'De website of dienst van je bank ligt plat. Probeer het later opnieuw.',
      },
      bug: {
        title: (name) => `${name} kon niet worden bereikt`,
        text: 'Er ging iets mis in het contact met je bank. Probeer het later opnieuw.',
      },
    },
    connectAnother: 'Een andere bank koppelen',
    outcomes: {
      accessDenied: {
        title: 'Je bent gestopt voordat het klaar was',
        text: 'Er is niets gekoppeld. Je kunt het opnieuw proberen wanneer je wilt.',
      },
      tosDeclined: {
        title: 'Je hebt de voorwaarden geweigerd',
        text: 'Zonder ze te accepteren kan je bank niet worden gekoppeld.',
      },
      sessionExpired: {
        title: 'Dat duurde te lang',
        text: 'Voor je veiligheid is de beveiligde pagina gesloten. Probeer het opnieuw.',
      },
      serverError: {
        title: 'Er ging iets mis op de beveiligde pagina',
        text: 'Er is niets gekoppeld. Probeer het zo meteen opnieuw.',
      },
      forged: {
        title: 'Deze link kan niet worden gebruikt',
        text: 'Hij is al gebruikt of komt niet uit deze app. Begin opnieuw vanuit de app.',
      },
      unknown: {
        title: 'Het koppelen is niet gelukt',
        text: 'Er is niets gekoppeld. Probeer het opnieuw.',
      },
    },
  },
};
