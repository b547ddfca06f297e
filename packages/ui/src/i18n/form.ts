import type { LocaleTable } from './locale.ts';

/** Strings of the connection form and the connect flow. */
export interface FormMessages {
  title: (connectorName: string) => string;
  /** Title of the form that validates a payment (`kind: 'payment'`). */
  paymentTitle: (connectorName: string) => string;
  stepIndicator: (current: number, total: number) => string;
  next: string;
  back: string;
  submit: string;
  backToList: string;
  requiredMark: string;
  optional: string;
  showPassword: string;
  hidePassword: string;
  capsLock: string;
  selectPlaceholder: string;
  authMechanismLabel: string;
  authMechanisms: { credentials: string; webauth: string };
  continueToBank: string;
  webauthHint: (connectorName: string) => string;
  /** Heading of the list of problems shown after a failed submit. */
  errorSummary: (count: number) => string;
  /** Field errors, by the keys `buildFieldsSchema` reports. */
  fieldErrors: { required: string; pattern: string; date: string; list: string };
  noFields: string;
}

export const formMessages: LocaleTable<FormMessages> = {
  en: {
    title: (name) => `Connect ${name}`,
    paymentTitle: (name) => `Confirm your payment with ${name}`,
    stepIndicator: (current, total) => `Step ${current} of ${total}`,
    next: 'Next',
    back: 'Back',
    submit: 'Connect',
    backToList: 'Choose another bank',
    requiredMark: 'required',
    optional: 'optional',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    capsLock: 'Caps Lock is on',
    selectPlaceholder: 'Choose…',
    authMechanismLabel: 'How do you want to connect?',
    authMechanisms: { credentials: 'With my online banking credentials', webauth: 'On my bank’s website' },
    continueToBank: 'Continue to your bank',
    webauthHint: (name) => `You will sign in on ${name}’s own page, then come back here.`,
    errorSummary: (count) => (count === 1 ? 'Please correct 1 field' : `Please correct ${count} fields`),
    fieldErrors: {
      required: 'Fill in this field.',
      pattern: 'This value does not have the expected format.',
      date: 'Enter a real date as year-month-day.',
      list: 'Choose one of the options.',
    },
    noFields: 'Nothing to fill in for this step.',
  },
  fr: {
    title: (name) => `Connecter ${name}`,
    paymentTitle: (name) => `Valider votre paiement avec ${name}`,
    stepIndicator: (current, total) => `Étape ${current} sur ${total}`,
    next: 'Suivant',
    back: 'Retour',
    submit: 'Connecter',
    backToList: 'Choisir une autre banque',
    requiredMark: 'obligatoire',
    optional: 'facultatif',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    capsLock: 'La touche Verr. Maj est activée',
    selectPlaceholder: 'Choisir…',
    authMechanismLabel: 'Comment voulez-vous vous connecter ?',
    authMechanisms: { credentials: 'Avec mes identifiants de banque en ligne', webauth: 'Sur le site de ma banque' },
    continueToBank: 'Continuer vers votre banque',
    webauthHint: (name) => `Vous vous identifierez sur la page de ${name}, puis reviendrez ici.`,
    errorSummary: (count) => (count === 1 ? 'Veuillez corriger 1 champ' : `Veuillez corriger ${count} champs`),
    fieldErrors: {
      required: 'Renseignez ce champ.',
      pattern: 'Cette valeur n’a pas le format attendu.',
      date: 'Saisissez une date réelle au format année-mois-jour.',
      list: 'Choisissez l’une des options.',
    },
    noFields: 'Rien à renseigner pour cette étape.',
  },
  de: {
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
    hidePassword: 'Passwort verbergen',
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
  es: {
    title: (name) => `Conectar ${name}`,
    paymentTitle: (name) => `Confirmar el pago con ${name}`,
    stepIndicator: (current, total) => `Paso ${current} de ${total}`,
    next: 'Siguiente',
    back: 'Atrás',
    submit: 'Conectar',
    backToList: 'Elegir otro banco',
    requiredMark: 'obligatorio',
    optional: 'opcional',
    showPassword: 'Mostrar la contraseña',
    hidePassword: 'Ocultar la contraseña',
    capsLock: 'Bloq Mayús está activado',
    selectPlaceholder: 'Elegir…',
    authMechanismLabel: '¿Cómo quieres conectarte?',
    authMechanisms: { credentials: 'Con mis credenciales de banca en línea', webauth: 'En la web de mi banco' },
    continueToBank: 'Continuar a tu banco',
    webauthHint: (name) => `Iniciarás sesión en la página de ${name} y después volverás aquí.`,
    errorSummary: (count) => (count === 1 ? 'Corrige 1 campo' : `Corrige ${count} campos`),
    fieldErrors: {
      required: 'Rellena este campo.',
      pattern: 'Este valor no tiene el formato esperado.',
      date: 'Introduce una fecha real con el formato año-mes-día.',
      list: 'Elige una de las opciones.',
    },
    noFields: 'No hay nada que rellenar en este paso.',
  },
  it: {
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
    hidePassword: 'Nascondi la password',
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
  nl: {
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
    hidePassword: 'Wachtwoord verbergen',
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
  pt: {
    title: (name) => `Ligar ${name}`,
    paymentTitle: (name) => `Confirmar o pagamento com ${name}`,
    stepIndicator: (current, total) => `Passo ${current} de ${total}`,
    next: 'Seguinte',
    back: 'Voltar',
    submit: 'Ligar',
    backToList: 'Escolher outro banco',
    requiredMark: 'obrigatório',
    optional: 'opcional',
    showPassword: 'Mostrar a palavra-passe',
    hidePassword: 'Ocultar a palavra-passe',
    capsLock: 'O Caps Lock está ativo',
    selectPlaceholder: 'Escolher…',
    authMechanismLabel: 'Como pretende ligar-se?',
    authMechanisms: { credentials: 'Com as minhas credenciais de homebanking', webauth: 'No site do meu banco' },
    continueToBank: 'Continuar para o seu banco',
    webauthHint: (name) => `Vai iniciar sessão na página de ${name} e depois voltar aqui.`,
    errorSummary: (count) => (count === 1 ? 'Corrija 1 campo' : `Corrija ${count} campos`),
    fieldErrors: {
      required: 'Preencha este campo.',
      pattern: 'Este valor não tem o formato esperado.',
      date: 'Introduza uma data real no formato ano-mês-dia.',
      list: 'Escolha uma das opções.',
    },
    noFields: 'Não há nada a preencher neste passo.',
  },
};
