import { formatNumber, type LocaleTable } from './locale.ts';

/** Strings of the connector picker: country select, search, list and its states. */
export interface PickerMessages {
  countryLabel: string;
  allCountries: string;
  /** Accessible count of connectors beside a country name. */
  countryCount: (count: number) => string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  listLabel: string;
  popularHeading: string;
  allHeading: string;
  /** Announced politely as the results change. */
  resultCount: (count: number) => string;
  noResults: (query: string) => string;
  noResultsHint: string;
  /** A button shown when a query matches nothing in the chosen country but matches elsewhere. */
  searchAllCountries: (count: number) => string;
  empty: string;
  notListed: string;
  badges: { beta: string; restricted: string; unstable: string };
  restrictedReason: string;
}

export const pickerMessages: LocaleTable<PickerMessages> = {
  en: {
    countryLabel: 'Country',
    allCountries: 'All countries',
    countryCount: (count) => (count === 1 ? '1 bank' : `${formatNumber('en', count)} banks`),
    searchLabel: 'Search for your bank',
    searchPlaceholder: 'Bank name, e.g. Société Générale',
    clearSearch: 'Clear search',
    listLabel: 'Banks',
    popularHeading: 'Popular',
    allHeading: 'All banks',
    resultCount: (count) =>
      count === 0 ? 'No bank found' : count === 1 ? '1 bank found' : `${formatNumber('en', count)} banks found`,
    noResults: (query) => `No bank matches “${query}”.`,
    noResultsHint: 'Check the spelling, try fewer words, or choose another country.',
    searchAllCountries: (count) =>
      count === 1 ? 'Search all countries (1 bank)' : `Search all countries (${formatNumber('en', count)} banks)`,
    empty: 'No bank is available here yet.',
    notListed: 'My bank is not listed',
    badges: { beta: 'Beta', restricted: 'Unavailable', unstable: 'May be unstable' },
    restrictedReason: 'New connections to this bank are not possible at the moment.',
  },
  fr: {
    countryLabel: 'Pays',
    allCountries: 'Tous les pays',
    countryCount: (count) => (count <= 1 ? `${count} banque` : `${formatNumber('fr', count)} banques`),
    searchLabel: 'Rechercher votre banque',
    searchPlaceholder: 'Nom de la banque, ex. Société Générale',
    clearSearch: 'Effacer la recherche',
    listLabel: 'Banques',
    popularHeading: 'Populaires',
    allHeading: 'Toutes les banques',
    resultCount: (count) =>
      count === 0
        ? 'Aucune banque trouvée'
        : count === 1
          ? '1 banque trouvée'
          : `${formatNumber('fr', count)} banques trouvées`,
    noResults: (query) => `Aucune banque ne correspond à « ${query} ».`,
    noResultsHint: 'Vérifiez l’orthographe, essayez moins de mots ou choisissez un autre pays.',
    searchAllCountries: (count) =>
      count <= 1
        ? `Chercher dans tous les pays (${count} banque)`
        : `Chercher dans tous les pays (${formatNumber('fr', count)} banques)`,
    empty: 'Aucune banque n’est encore disponible ici.',
    notListed: 'Ma banque n’est pas dans la liste',
    badges: { beta: 'Bêta', restricted: 'Indisponible', unstable: 'Peut être instable' },
    restrictedReason: 'Il n’est pas possible d’ajouter une connexion à cette banque pour le moment.',
  },
  de: {
    countryLabel: 'Land',
    allCountries: 'Alle Länder',
    countryCount: (count) => (count === 1 ? '1 Bank' : `${formatNumber('de', count)} Banken`),
    searchLabel: 'Ihre Bank suchen',
    searchPlaceholder: 'Name der Bank, z. B. Sparkasse KölnBonn',
    clearSearch: 'Suche löschen',
    listLabel: 'Banken',
    popularHeading: 'Beliebt',
    allHeading: 'Alle Banken',
    resultCount: (count) =>
      count === 0
        ? 'Keine Bank gefunden'
        : count === 1
          ? '1 Bank gefunden'
          : `${formatNumber('de', count)} Banken gefunden`,
    noResults: (query) => `Keine Bank passt zu „${query}“.`,
    noResultsHint: 'Prüfen Sie die Schreibweise, versuchen Sie weniger Wörter oder wählen Sie ein anderes Land.',
    searchAllCountries: (count) =>
      count === 1
        ? 'In allen Ländern suchen (1 Bank)'
        : `In allen Ländern suchen (${formatNumber('de', count)} Banken)`,
    empty: 'Hier ist noch keine Bank verfügbar.',
    notListed: 'Meine Bank ist nicht aufgeführt',
    badges: { beta: 'Beta', restricted: 'Nicht verfügbar', unstable: 'Eventuell instabil' },
    restrictedReason: 'Neue Verbindungen zu dieser Bank sind derzeit nicht möglich.',
  },
  es: {
    countryLabel: 'País',
    allCountries: 'Todos los países',
    countryCount: (count) => (count === 1 ? '1 banco' : `${formatNumber('es', count)} bancos`),
    searchLabel: 'Busca tu banco',
    searchPlaceholder: 'Nombre del banco, p. ej. Banco Santander',
    clearSearch: 'Borrar la búsqueda',
    listLabel: 'Bancos',
    popularHeading: 'Populares',
    allHeading: 'Todos los bancos',
    resultCount: (count) =>
      count === 0
        ? 'Ningún banco encontrado'
        : count === 1
          ? '1 banco encontrado'
          : `${formatNumber('es', count)} bancos encontrados`,
    noResults: (query) => `Ningún banco coincide con «${query}».`,
    noResultsHint: 'Revisa la ortografía, prueba con menos palabras o elige otro país.',
    searchAllCountries: (count) =>
      count === 1
        ? 'Buscar en todos los países (1 banco)'
        : `Buscar en todos los países (${formatNumber('es', count)} bancos)`,
    empty: 'Todavía no hay bancos disponibles aquí.',
    notListed: 'Mi banco no aparece',
    badges: { beta: 'Beta', restricted: 'No disponible', unstable: 'Puede ser inestable' },
    restrictedReason: 'Por ahora no es posible añadir conexiones con este banco.',
  },
  it: {
    countryLabel: 'Paese',
    allCountries: 'Tutti i paesi',
    countryCount: (count) => (count === 1 ? '1 banca' : `${formatNumber('it', count)} banche`),
    searchLabel: 'Cerca la tua banca',
    searchPlaceholder: 'Nome della banca, es. Intesa Sanpaolo',
    clearSearch: 'Cancella la ricerca',
    listLabel: 'Banche',
    popularHeading: 'Più usate',
    allHeading: 'Tutte le banche',
    resultCount: (count) =>
      count === 0
        ? 'Nessuna banca trovata'
        : count === 1
          ? '1 banca trovata'
          : `${formatNumber('it', count)} banche trovate`,
    noResults: (query) => `Nessuna banca corrisponde a «${query}».`,
    noResultsHint: 'Controlla l’ortografia, prova con meno parole o scegli un altro paese.',
    searchAllCountries: (count) =>
      count === 1 ? 'Cerca in tutti i paesi (1 banca)' : `Cerca in tutti i paesi (${formatNumber('it', count)} banche)`,
    empty: 'Qui non è ancora disponibile nessuna banca.',
    notListed: 'La mia banca non è nell’elenco',
    badges: { beta: 'Beta', restricted: 'Non disponibile', unstable: 'Potrebbe essere instabile' },
    restrictedReason: 'Al momento non è possibile aggiungere connessioni a questa banca.',
  },
  nl: {
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
  pt: {
    countryLabel: 'País',
    allCountries: 'Todos os países',
    countryCount: (count) => (count === 1 ? '1 banco' : `${formatNumber('pt', count)} bancos`),
    searchLabel: 'Procure o seu banco',
    searchPlaceholder: 'Nome do banco, p. ex. Caixa Geral de Depósitos',
    clearSearch: 'Limpar a pesquisa',
    listLabel: 'Bancos',
    popularHeading: 'Populares',
    allHeading: 'Todos os bancos',
    resultCount: (count) =>
      count === 0
        ? 'Nenhum banco encontrado'
        : count === 1
          ? '1 banco encontrado'
          : `${formatNumber('pt', count)} bancos encontrados`,
    noResults: (query) => `Nenhum banco corresponde a «${query}».`,
    noResultsHint: 'Verifique a ortografia, experimente menos palavras ou escolha outro país.',
    searchAllCountries: (count) =>
      count === 1
        ? 'Pesquisar em todos os países (1 banco)'
        : `Pesquisar em todos os países (${formatNumber('pt', count)} bancos)`,
    empty: 'Ainda não há bancos disponíveis aqui.',
    notListed: 'O meu banco não está na lista',
    badges: { beta: 'Beta', restricted: 'Indisponível', unstable: 'Pode estar instável' },
    restrictedReason: 'De momento não é possível adicionar ligações a este banco.',
  },
};
