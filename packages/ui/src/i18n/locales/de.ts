import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in German: `<LocaleProvider locale="de" messages={de}>`. */
export const de: Messages = {
  common: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    errorReference: (id) => `Referenz: ${id}`,
    errors: {
      network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      timeout: 'Der Server hat zu lange nicht geantwortet.',
      server: 'Der Dienst hat gerade Probleme. Bitte versuchen Sie es gleich noch einmal.',
      rateLimited: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
      notFound: 'Das Gesuchte wurde nicht gefunden.',
      unauthorized: 'Diese Aktion ist mit den aktuellen Zugangsdaten nicht erlaubt.',
      badRequest: 'Der Server hat die Anfrage abgelehnt.',
      response: 'Die Antwort des Servers ist unlesbar.',
      unknown: 'Etwas ist schiefgelaufen.',
    },
  },
  picker: {
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
    refreshFailed: 'Die Liste konnte nicht aktualisiert werden: Sie zeigt die zuletzt geladenen Banken.',
    badges: { beta: 'Beta', restricted: 'Nicht verfügbar', unstable: 'Eventuell instabil' },
    restrictedReason: 'Neue Verbindungen zu dieser Bank sind derzeit nicht möglich.',
  },
  form: {
    title: (name) => `${name} verbinden`,
    paymentTitle: (name) => `Zahlung mit ${name} bestätigen`,
    stepIndicator: (current, total) => `Schritt ${current} von ${total}`,
    next: 'Weiter',
    back: 'Zurück',
    submit: 'Verbinden',
    backToList: 'Andere Bank wählen',
    requiredMark: 'Pflichtfeld',
    optional: 'optional',
    showPassword: 'Passwort anzeigen',
    capsLock: 'Die Feststelltaste ist aktiviert',
    selectPlaceholder: 'Auswählen…',
    authMechanismLabel: 'Wie möchten Sie sich verbinden?',
    authMechanisms: { credentials: 'Mit meinen Online-Banking-Zugangsdaten', webauth: 'Auf der Website meiner Bank' },
    continueToBank: 'Weiter zu Ihrer Bank',
    webauthHint: (name) => `Sie melden sich auf der Seite von ${name} an und kehren dann hierher zurück.`,
    errorSummary: (count) => (count === 1 ? 'Bitte korrigieren Sie 1 Feld' : `Bitte korrigieren Sie ${count} Felder`),
    fieldErrors: {
      required: 'Füllen Sie dieses Feld aus.',
      pattern: 'Dieser Wert hat nicht das erwartete Format.',
      date: 'Geben Sie ein gültiges Datum als Jahr-Monat-Tag ein.',
      list: 'Wählen Sie eine der Optionen.',
    },
    noFields: 'In diesem Schritt ist nichts auszufüllen.',
  },
  connect: {
    handoffOpening: (name) => `Die sichere Seite für ${name} wird geöffnet…`,
    handoffHint: (name) =>
      `Sie schließen den Vorgang auf einer sicheren Seite für ${name} ab und kehren dann hierher zurück.`,
    handoffContinue: 'Weiter zur sicheren Seite',
    callbackReading: 'Ergebnis wird geprüft…',
    connectedTitle: (name) => `${name} ist verbunden`,
    connectedTitleUnnamed: 'Ihre Bank ist verbunden',
    connectedText: (count) =>
      count === 1
        ? 'Ihre Konten werden ab jetzt aktuell gehalten.'
        : `${formatNumber('de', count)} Verbindungen wurden hinzugefügt.`,
    deleted: { title: 'Die Verbindung wurde entfernt', text: 'Ihre Konten werden nicht mehr aktualisiert.' },
    done: 'Weiter',
    startAgain: 'Neu beginnen',
    connecting: (name) => `Verbindung zu ${name} wird hergestellt…`,
    connectingHint: 'Ihre Bank prüft Ihre Angaben. Das kann ein bis zwei Minuten dauern.',
    elapsedLabel: 'Vergangene Zeit',
    cancel: 'Abbrechen',
    fieldsTitle: (name) => `${name} benötigt weitere Angaben`,
    fieldsSubmit: 'Senden',
    decoupledTitle: (name) => `In Ihrer ${name}-App bestätigen`,
    decoupledHint:
      'Öffnen Sie die App Ihrer Bank und bestätigen Sie die Verbindung. Diese Seite geht danach von selbst weiter.',
    decoupledWaiting: 'Warten auf Ihre Bestätigung…',
    decoupledApproved: 'Ich habe bestätigt',
    decoupledTimedOut: {
      title: 'Ihre Bestätigung kam nicht rechtzeitig',
      text: 'Bestätigen Sie die Verbindung in der App Ihrer Bank und versuchen Sie es dann erneut.',
    },
    validatingTitle: (name) => `Abgleich mit ${name}…`,
    validatingTimedOut: {
      title: 'Das dauert länger als üblich',
      text: 'Ihre Bank ist noch nicht fertig. Bitte versuchen Sie es gleich noch einmal.',
    },
    webauth: {
      title: (name) => `Auf der Website von ${name} bestätigen`,
      text: 'Ihre Bank bittet Sie, Ihre Identität auf ihrer eigenen Website zu bestätigen. Danach kehren Sie hierher zurück.',
    },
    webauthUnavailable:
      'Ihre Bank bittet um eine Bestätigung auf ihrer eigenen Website, die diese App nicht öffnen kann.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Handlung auf der Website von ${name} erforderlich`,
        text: 'Ihre Bank bittet Sie um eine Handlung auf ihrer Website, etwa neue Bedingungen zu akzeptieren. Erledigen Sie das dort und versuchen Sie es dann erneut.',
      },
      passwordExpired: {
        title: (name) => `Ihr Passwort bei ${name} ist abgelaufen`,
        text: 'Ändern Sie Ihr Passwort auf der Website Ihrer Bank und versuchen Sie es dann erneut.',
      },
    },
    openBankWebsite: (name) => `Website von ${name} öffnen`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} begrenzt derzeit die Verbindungen`,
        text: 'Ihre Bank erhält zu viele Anfragen. Bitte versuchen Sie es später erneut.',
      },
      websiteUnavailable: {
        title: (name) => `${name} ist derzeit nicht erreichbar`,
        text: 'Die Website oder der Dienst Ihrer Bank ist ausgefallen. Bitte versuchen Sie es später erneut.',
      },
      bug: {
        title: (name) => `${name} konnte nicht erreicht werden`,
        text: 'Beim Austausch mit Ihrer Bank ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
      },
    },
    connectAnother: 'Andere Bank verbinden',
    outcomes: {
      accessDenied: {
        title: 'Sie haben vor dem Abschluss abgebrochen',
        text: 'Es wurde nichts verbunden. Sie können es jederzeit erneut versuchen.',
      },
      tosDeclined: {
        title: 'Sie haben die Bedingungen abgelehnt',
        text: 'Ohne Ihre Zustimmung kann Ihre Bank nicht verbunden werden.',
      },
      sessionExpired: {
        title: 'Das hat zu lange gedauert',
        text: 'Zu Ihrer Sicherheit wurde die sichere Seite geschlossen. Bitte versuchen Sie es erneut.',
      },
      serverError: {
        title: 'Auf der sicheren Seite ist ein Problem aufgetreten',
        text: 'Es wurde nichts verbunden. Bitte versuchen Sie es gleich noch einmal.',
      },
      forged: {
        title: 'Dieser Link kann nicht verwendet werden',
        text: 'Er wurde bereits verwendet oder stammt nicht aus dieser App. Bitte beginnen Sie in der App neu.',
      },
      unknown: {
        title: 'Die Verbindung ist nicht zustande gekommen',
        text: 'Es wurde nichts verbunden. Bitte versuchen Sie es erneut.',
      },
    },
  },
};
