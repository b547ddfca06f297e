import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in Italian: `<LocaleProvider locale="it" messages={it}>`. */
export const it: Messages = {
  common: {
    loading: 'Caricamento…',
    retry: 'Riprova',
    errorReference: (id) => `Riferimento: ${id}`,
    errors: {
      network: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
      timeout: 'Il server ha impiegato troppo tempo a rispondere.',
      server: 'Il servizio ha dei problemi in questo momento. Riprova tra poco.',
      rateLimited: 'Troppe richieste. Attendi un momento e riprova.',
      notFound: 'Non abbiamo trovato ciò che cercavi.',
      unauthorized: 'Questa azione non è consentita con le credenziali attuali.',
      badRequest: 'Il server ha rifiutato la richiesta.',
      response: 'Il server ha inviato una risposta illeggibile.',
      unknown: 'Qualcosa è andato storto.',
    },
  },
  picker: {
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
    refreshFailed: 'Impossibile aggiornare l’elenco: mostra le banche come caricate l’ultima volta.',
    badges: { beta: 'Beta', restricted: 'Non disponibile', unstable: 'Potrebbe essere instabile' },
    restrictedReason: 'Al momento non è possibile aggiungere connessioni a questa banca.',
  },
  form: {
    title: (name) => `Collega ${name}`,
    paymentTitle: (name) => `Conferma il pagamento con ${name}`,
    stepIndicator: (current, total) => `Passo ${current} di ${total}`,
    next: 'Avanti',
    back: 'Indietro',
    submit: 'Collega',
    backToList: 'Scegli un’altra banca',
    requiredMark: 'obbligatorio',
    optional: 'facoltativo',
    showPassword: 'Mostra la password',
    capsLock: 'Il blocco maiuscole è attivo',
    selectPlaceholder: 'Scegli…',
    authMechanismLabel: 'Come vuoi collegarti?',
    authMechanisms: { credentials: 'Con le mie credenziali di home banking', webauth: 'Sul sito della mia banca' },
    continueToBank: 'Continua verso la tua banca',
    webauthHint: (name) => `Accederai dalla pagina di ${name}, poi tornerai qui.`,
    errorSummary: (count) => (count === 1 ? 'Correggi 1 campo' : `Correggi ${count} campi`),
    fieldErrors: {
      required: 'Compila questo campo.',
      pattern: 'Questo valore non ha il formato previsto.',
      date: 'Inserisci una data reale nel formato anno-mese-giorno.',
      list: 'Scegli una delle opzioni.',
    },
    noFields: 'Niente da compilare in questo passo.',
  },
  connect: {
    handoffOpening: (name) => `Apertura della pagina sicura di ${name}…`,
    handoffHint: (name) => `Concluderai su una pagina sicura per ${name}, poi tornerai qui.`,
    handoffContinue: 'Continua sulla pagina sicura',
    callbackReading: 'Verifica dell’esito…',
    connectedTitle: (name) => `Collegamento a ${name} riuscito`,
    connectedTitleUnnamed: 'La tua banca è collegata',
    connectedText: (count) =>
      count === 1
        ? 'I tuoi conti saranno tenuti aggiornati.'
        : `Sono stati aggiunti ${formatNumber('it', count)} collegamenti.`,
    deleted: { title: 'Il collegamento è stato rimosso', text: 'I suoi conti non saranno più aggiornati.' },
    done: 'Continua',
    startAgain: 'Ricomincia',
    connecting: (name) => `Collegamento a ${name}…`,
    connectingHint: 'La tua banca sta verificando i tuoi dati. Può richiedere un minuto o due.',
    elapsedLabel: 'Tempo trascorso',
    cancel: 'Annulla',
    fieldsTitle: (name) => `${name} chiede altre informazioni`,
    fieldsSubmit: 'Invia',
    decoupledTitle: (name) => `Approva nell’app di ${name}`,
    decoupledHint:
      'Apri l’app della tua banca e approva il collegamento. Questa pagina proseguirà da sola quando lo avrai fatto.',
    decoupledWaiting: 'In attesa della tua approvazione…',
    decoupledApproved: 'Ho approvato',
    decoupledTimedOut: {
      title: 'La tua approvazione non è arrivata in tempo',
      text: 'Approva il collegamento nell’app della tua banca, poi riprova.',
    },
    validatingTitle: (name) => `Verifica con ${name}…`,
    validatingTimedOut: {
      title: 'Ci vuole più tempo del solito',
      text: 'La tua banca non ha ancora finito. Riprova tra un momento.',
    },
    webauth: {
      title: (name) => `Conferma sul sito di ${name}`,
      text: 'La tua banca ti chiede di confermare la tua identità sul suo sito. Poi tornerai qui.',
    },
    webauthUnavailable: 'La tua banca chiede una conferma sul suo sito, che questa app non può aprire.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Azione richiesta sul sito di ${name}`,
        text: 'La tua banca ti chiede di fare qualcosa sul suo sito, ad esempio accettare nuove condizioni. Fallo lì, poi riprova.',
      },
      passwordExpired: {
        title: (name) => `La tua password di ${name} è scaduta`,
        text: 'Cambia la password sul sito della tua banca, poi riprova.',
      },
    },
    openBankWebsite: (name) => `Apri il sito di ${name}`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} limita i collegamenti in questo momento`,
        text: 'La tua banca riceve troppe richieste. Riprova più tardi.',
      },
      websiteUnavailable: {
        title: (name) => `${name} non è disponibile in questo momento`,
        text: 'Il sito o il servizio della tua banca non funziona. Riprova più tardi.',
      },
      bug: {
        title: (name) => `Impossibile raggiungere ${name}`,
        text: 'Si è verificato un errore nella comunicazione con la tua banca. Riprova più tardi.',
      },
    },
    connectAnother: 'Collega un’altra banca',
    outcomes: {
      accessDenied: {
        title: 'L’operazione non è stata completata',
        text: 'Non è stato collegato nulla. Puoi riprovare quando vuoi.',
      },
      tosDeclined: {
        title: 'Hai rifiutato le condizioni',
        text: 'La tua banca non può essere collegata senza accettarle.',
      },
      sessionExpired: {
        title: 'Ci è voluto troppo tempo',
        text: 'Per la tua sicurezza, la pagina sicura è stata chiusa. Riprova.',
      },
      serverError: {
        title: 'La pagina sicura ha avuto un problema',
        text: 'Non è stato collegato nulla. Riprova tra un momento.',
      },
      forged: {
        title: 'Questo link non può essere usato',
        text: 'È già stato usato oppure non proviene da questa app. Ricomincia dall’app.',
      },
      unknown: {
        title: 'Il collegamento non è andato a buon fine',
        text: 'Non è stato collegato nulla. Riprova.',
      },
    },
  },
};
