import type { Messages, SupportedLocale } from '@connector-kit/ui';
import { de, en, es, fr, it, nl, pt } from '@connector-kit/ui/locales';

/** The components' strings, one table per language of the switcher: each is given with its locale. */
export const uiMessages: Readonly<Record<SupportedLocale, Messages>> = { en, fr, de, es, it, nl, pt };

/** The demo's own strings around the components (the components bring theirs). */
export interface DemoMessages {
  skipToContent: string;
  productTagline: string;
  pagesNav: string;
  connectPage: string;
  adminPage: string;
  language: string;
  darkTheme: string;
  connectTitle: string;
  connectIntro: string;
  resultTitle: string;
  resultIntro: string;
  resultEmpty: string;
  clearEvents: string;
  reconnectConnection: string;
  callbackTitle: string;
  pathLegend: string;
  pathWebview: string;
  pathWebviewHint: string;
  pathWebviewUnavailable: string;
  pathDirect: string;
  pathDirectHint: string;
  loadingSetup: string;
  connectionsTitle: string;
  connectionsIntro: string;
  loadingConnections: string;
  noConnections: string;
  connectionUpToDate: string;
  connectionNeedsAttention: (state: string) => string;
  removeConnection: string;
  removeFailed: string;
  unknownBank: string;
}

export const demoMessages: Readonly<Record<SupportedLocale, DemoMessages>> = {
  en: {
    skipToContent: 'Skip to content',
    productTagline: 'demo',
    pagesNav: 'Pages',
    connectPage: 'Connect',
    adminPage: 'Admin',
    language: 'Language',
    darkTheme: 'Dark theme',
    connectTitle: 'Connect a bank',
    connectIntro:
      'Choose a country, find your bank and connect it. On the built-in emulator nothing leaves this machine: the Webview and the bank are emulated too.',
    resultTitle: 'What your app receives',
    resultIntro:
      'ConnectFlow reports what happens through onEvent, and the new connection through onConnected. No field value, token or code is ever part of them.',
    resultEmpty: 'Use the flow to see its events here.',
    clearEvents: 'Clear',
    reconnectConnection: 'Reconnect',
    callbackTitle: 'Back from your bank',
    pathLegend: 'How does your app finish the connection?',
    pathWebview: 'Powens Webview (any client)',
    pathWebviewHint: 'The user picks a bank here and finishes on Powens’ secure page. Every client may use it.',
    pathWebviewUnavailable: 'Unavailable: the demo server needs POWENS_CLIENT_ID and POWENS_CLIENT_SECRET.',
    pathDirect: 'Direct (Agent status)',
    pathDirectHint: 'Our form takes the credentials. Only for clients with Powens’ Agent status.',
    loadingSetup: 'Loading…',
    connectionsTitle: 'Your connections',
    connectionsIntro: 'The banks this browser’s user connected, as Powens lists them through the demo server.',
    loadingConnections: 'Loading your connections…',
    noConnections: 'No bank connected yet.',
    connectionUpToDate: 'Up to date',
    connectionNeedsAttention: (state) => `Needs attention (${state})`,
    removeConnection: 'Remove',
    removeFailed: 'Removing it failed. Please try again.',
    unknownBank: 'Unknown bank',
  },
  fr: {
    skipToContent: 'Aller au contenu',
    productTagline: 'démo',
    pagesNav: 'Pages',
    connectPage: 'Connexion',
    adminPage: 'Administration',
    language: 'Langue',
    darkTheme: 'Thème sombre',
    connectTitle: 'Connecter une banque',
    connectIntro:
      'Choisissez un pays, trouvez votre banque et connectez-la. Avec l’émulateur intégré, rien ne quitte cette machine : la Webview et la banque sont émulées elles aussi.',
    resultTitle: 'Ce que reçoit votre application',
    resultIntro:
      'ConnectFlow signale ce qui se passe via onEvent, et la nouvelle connexion via onConnected. Aucune valeur de champ, aucun jeton ni code n’en fait jamais partie.',
    resultEmpty: 'Utilisez le parcours pour voir ses événements ici.',
    clearEvents: 'Effacer',
    reconnectConnection: 'Reconnecter',
    callbackTitle: 'Retour de votre banque',
    pathLegend: 'Comment votre application termine-t-elle la connexion ?',
    pathWebview: 'Webview Powens (tout client)',
    pathWebviewHint:
      'L’utilisateur choisit sa banque ici et termine sur la page sécurisée de Powens. Tout client peut l’utiliser.',
    pathWebviewUnavailable: 'Indisponible : le serveur de démo a besoin de POWENS_CLIENT_ID et POWENS_CLIENT_SECRET.',
    pathDirect: 'Directe (statut d’agent)',
    pathDirectHint: 'Notre formulaire recueille les identifiants. Réservé aux clients ayant le statut d’agent Powens.',
    loadingSetup: 'Chargement…',
    connectionsTitle: 'Vos connexions',
    connectionsIntro:
      'Les banques connectées par l’utilisateur de ce navigateur, telles que Powens les liste via le serveur de démo.',
    loadingConnections: 'Chargement de vos connexions…',
    noConnections: 'Aucune banque connectée pour l’instant.',
    connectionUpToDate: 'À jour',
    connectionNeedsAttention: (state) => `Action requise (${state})`,
    removeConnection: 'Supprimer',
    removeFailed: 'La suppression a échoué. Veuillez réessayer.',
    unknownBank: 'Banque inconnue',
  },
  de: {
    skipToContent: 'Zum Inhalt springen',
    productTagline: 'Demo',
    pagesNav: 'Seiten',
    connectPage: 'Verbinden',
    adminPage: 'Verwaltung',
    language: 'Sprache',
    darkTheme: 'Dunkles Design',
    connectTitle: 'Bank verbinden',
    connectIntro:
      'Wählen Sie ein Land, suchen Sie Ihre Bank und verbinden Sie sie. Mit dem eingebauten Emulator verlässt nichts diesen Rechner: Auch die Webview und die Bank werden emuliert.',
    resultTitle: 'Was Ihre App erhält',
    resultIntro:
      'ConnectFlow meldet über onEvent, was passiert, und die neue Verbindung über onConnected. Feldwerte, Tokens oder Codes sind nie enthalten.',
    resultEmpty: 'Nutzen Sie den Ablauf, um seine Ereignisse hier zu sehen.',
    clearEvents: 'Leeren',
    reconnectConnection: 'Erneut verbinden',
    callbackTitle: 'Zurück von Ihrer Bank',
    pathLegend: 'Wie schließt Ihre App die Verbindung ab?',
    pathWebview: 'Powens-Webview (jeder Kunde)',
    pathWebviewHint:
      'Die Bank wird hier gewählt, der Abschluss erfolgt auf der sicheren Seite von Powens. Jeder Kunde darf sie nutzen.',
    pathWebviewUnavailable: 'Nicht verfügbar: Der Demo-Server benötigt POWENS_CLIENT_ID und POWENS_CLIENT_SECRET.',
    pathDirect: 'Direkt (Agent-Status)',
    pathDirectHint: 'Unser Formular nimmt die Zugangsdaten entgegen. Nur für Kunden mit Powens-Agent-Status.',
    loadingSetup: 'Wird geladen…',
    connectionsTitle: 'Ihre Verbindungen',
    connectionsIntro:
      'Die Banken, die der Nutzer dieses Browsers verbunden hat, wie Powens sie über den Demo-Server auflistet.',
    loadingConnections: 'Ihre Verbindungen werden geladen…',
    noConnections: 'Noch keine Bank verbunden.',
    connectionUpToDate: 'Aktuell',
    connectionNeedsAttention: (state) => `Handlung erforderlich (${state})`,
    removeConnection: 'Entfernen',
    removeFailed: 'Das Entfernen ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    unknownBank: 'Unbekannte Bank',
  },
  es: {
    skipToContent: 'Saltar al contenido',
    productTagline: 'demo',
    pagesNav: 'Páginas',
    connectPage: 'Conectar',
    adminPage: 'Administración',
    language: 'Idioma',
    darkTheme: 'Tema oscuro',
    connectTitle: 'Conectar un banco',
    connectIntro:
      'Elige un país, busca tu banco y conéctalo. Con el emulador integrado nada sale de esta máquina: la Webview y el banco también están emulados.',
    resultTitle: 'Lo que recibe tu aplicación',
    resultIntro:
      'ConnectFlow informa de lo que ocurre con onEvent, y de la nueva conexión con onConnected. Nunca incluyen valores de campos, tokens ni códigos.',
    resultEmpty: 'Usa el flujo para ver aquí sus eventos.',
    clearEvents: 'Borrar',
    reconnectConnection: 'Reconectar',
    callbackTitle: 'De vuelta de tu banco',
    pathLegend: '¿Cómo termina tu aplicación la conexión?',
    pathWebview: 'Webview de Powens (cualquier cliente)',
    pathWebviewHint:
      'El usuario elige aquí su banco y termina en la página segura de Powens. Cualquier cliente puede usarla.',
    pathWebviewUnavailable: 'No disponible: el servidor de demo necesita POWENS_CLIENT_ID y POWENS_CLIENT_SECRET.',
    pathDirect: 'Directa (estatus de agente)',
    pathDirectHint: 'Nuestro formulario recoge las credenciales. Solo para clientes con estatus de agente de Powens.',
    loadingSetup: 'Cargando…',
    connectionsTitle: 'Tus conexiones',
    connectionsIntro:
      'Los bancos que conectó el usuario de este navegador, tal como Powens los lista a través del servidor de demo.',
    loadingConnections: 'Cargando tus conexiones…',
    noConnections: 'Aún no hay ningún banco conectado.',
    connectionUpToDate: 'Al día',
    connectionNeedsAttention: (state) => `Requiere atención (${state})`,
    removeConnection: 'Eliminar',
    removeFailed: 'No se pudo eliminar. Inténtalo de nuevo.',
    unknownBank: 'Banco desconocido',
  },
  it: {
    skipToContent: 'Vai al contenuto',
    productTagline: 'demo',
    pagesNav: 'Pagine',
    connectPage: 'Collega',
    adminPage: 'Amministrazione',
    language: 'Lingua',
    darkTheme: 'Tema scuro',
    connectTitle: 'Collega una banca',
    connectIntro:
      'Scegli un paese, trova la tua banca e collegala. Con l’emulatore integrato nulla lascia questa macchina: anche la Webview e la banca sono emulate.',
    resultTitle: 'Ciò che riceve la tua app',
    resultIntro:
      'ConnectFlow segnala ciò che accade tramite onEvent, e il nuovo collegamento tramite onConnected. Non contengono mai valori dei campi, token o codici.',
    resultEmpty: 'Usa il flusso per vederne qui gli eventi.',
    clearEvents: 'Cancella',
    reconnectConnection: 'Ricollega',
    callbackTitle: 'Di ritorno dalla tua banca',
    pathLegend: 'Come completa il collegamento la tua app?',
    pathWebview: 'Webview Powens (qualsiasi cliente)',
    pathWebviewHint: 'L’utente sceglie qui la banca e conclude sulla pagina sicura di Powens. Ogni cliente può usarla.',
    pathWebviewUnavailable: 'Non disponibile: il server demo richiede POWENS_CLIENT_ID e POWENS_CLIENT_SECRET.',
    pathDirect: 'Diretto (stato di agente)',
    pathDirectHint: 'Il nostro modulo raccoglie le credenziali. Solo per i clienti con stato di agente Powens.',
    loadingSetup: 'Caricamento…',
    connectionsTitle: 'I tuoi collegamenti',
    connectionsIntro:
      'Le banche collegate dall’utente di questo browser, come Powens le elenca tramite il server demo.',
    loadingConnections: 'Caricamento dei tuoi collegamenti…',
    noConnections: 'Nessuna banca collegata per ora.',
    connectionUpToDate: 'Aggiornato',
    connectionNeedsAttention: (state) => `Richiede attenzione (${state})`,
    removeConnection: 'Rimuovi',
    removeFailed: 'Rimozione non riuscita. Riprova.',
    unknownBank: 'Banca sconosciuta',
  },
  nl: {
    skipToContent: 'Naar de inhoud',
    productTagline: 'demo',
    pagesNav: 'Pagina’s',
    connectPage: 'Koppelen',
    adminPage: 'Beheer',
    language: 'Taal',
    darkTheme: 'Donker thema',
    connectTitle: 'Een bank koppelen',
    connectIntro:
      'Kies een land, zoek je bank en koppel hem. Met de ingebouwde emulator verlaat niets deze machine: ook de Webview en de bank worden nagebootst.',
    resultTitle: 'Wat je app ontvangt',
    resultIntro:
      'ConnectFlow meldt wat er gebeurt via onEvent, en de nieuwe koppeling via onConnected. Veldwaarden, tokens of codes zitten er nooit in.',
    resultEmpty: 'Gebruik de flow om hier de gebeurtenissen te zien.',
    clearEvents: 'Wissen',
    reconnectConnection: 'Opnieuw koppelen',
    callbackTitle: 'Terug van je bank',
    pathLegend: 'Hoe rondt je app de koppeling af?',
    pathWebview: 'Powens-Webview (elke klant)',
    pathWebviewHint:
      'De gebruiker kiest hier de bank en rondt af op de beveiligde pagina van Powens. Elke klant mag hem gebruiken.',
    pathWebviewUnavailable: 'Niet beschikbaar: de demoserver heeft POWENS_CLIENT_ID en POWENS_CLIENT_SECRET nodig.',
    pathDirect: 'Direct (agentstatus)',
    pathDirectHint: 'Ons formulier neemt de inloggegevens aan. Alleen voor klanten met de agentstatus van Powens.',
    loadingSetup: 'Laden…',
    connectionsTitle: 'Je koppelingen',
    connectionsIntro:
      'De banken die de gebruiker van deze browser heeft gekoppeld, zoals Powens ze via de demoserver toont.',
    loadingConnections: 'Je koppelingen worden geladen…',
    noConnections: 'Nog geen bank gekoppeld.',
    connectionUpToDate: 'Bijgewerkt',
    connectionNeedsAttention: (state) => `Actie nodig (${state})`,
    removeConnection: 'Verwijderen',
    removeFailed: 'Verwijderen is mislukt. Probeer het opnieuw.',
    unknownBank: 'Onbekende bank',
  },
  pt: {
    skipToContent: 'Saltar para o conteúdo',
    productTagline: 'demo',
    pagesNav: 'Páginas',
    connectPage: 'Ligar',
    adminPage: 'Administração',
    language: 'Idioma',
    darkTheme: 'Tema escuro',
    connectTitle: 'Ligar um banco',
    connectIntro:
      'Escolha um país, encontre o seu banco e ligue-o. Com o emulador integrado nada sai desta máquina: a Webview e o banco também são emulados.',
    resultTitle: 'O que a sua aplicação recebe',
    resultIntro:
      'O ConnectFlow comunica o que acontece através de onEvent, e a nova ligação através de onConnected. Nunca incluem valores de campos, tokens nem códigos.',
    resultEmpty: 'Use o fluxo para ver aqui os seus eventos.',
    clearEvents: 'Limpar',
    reconnectConnection: 'Voltar a ligar',
    callbackTitle: 'De volta do seu banco',
    pathLegend: 'Como termina a sua aplicação a ligação?',
    pathWebview: 'Webview da Powens (qualquer cliente)',
    pathWebviewHint:
      'O utilizador escolhe aqui o banco e termina na página segura da Powens. Qualquer cliente a pode usar.',
    pathWebviewUnavailable:
      'Indisponível: o servidor de demonstração precisa de POWENS_CLIENT_ID e POWENS_CLIENT_SECRET.',
    pathDirect: 'Direta (estatuto de agente)',
    pathDirectHint:
      'O nosso formulário recolhe as credenciais. Apenas para clientes com o estatuto de agente da Powens.',
    loadingSetup: 'A carregar…',
    connectionsTitle: 'As suas ligações',
    connectionsIntro:
      'Os bancos que o utilizador deste navegador ligou, tal como a Powens os lista através do servidor de demonstração.',
    loadingConnections: 'A carregar as suas ligações…',
    noConnections: 'Ainda não há nenhum banco ligado.',
    connectionUpToDate: 'Atualizada',
    connectionNeedsAttention: (state) => `Requer atenção (${state})`,
    removeConnection: 'Remover',
    removeFailed: 'Não foi possível remover. Tente novamente.',
    unknownBank: 'Banco desconhecido',
  },
};

/** A language's name in that language, capitalized as a menu item: "Français", "Deutsch". */
export function nativeLanguageName(locale: SupportedLocale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
