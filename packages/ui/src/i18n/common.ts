import type { LocaleTable } from './locale.ts';

/** Strings every component shares: loading, errors, retry. */
export interface CommonMessages {
  loading: string;
  retry: string;
  /** Shown under an error when the server gave a request id, for support. */
  errorReference: (requestId: string) => string;
  errors: {
    network: string;
    timeout: string;
    server: string;
    rateLimited: string;
    notFound: string;
    unauthorized: string;
    badRequest: string;
    response: string;
    unknown: string;
  };
}

export const commonMessages: LocaleTable<CommonMessages> = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    errorReference: (id) => `Reference: ${id}`,
    errors: {
      network: 'We could not reach the server. Check your connection, then try again.',
      timeout: 'The server took too long to answer.',
      server: 'The service is having trouble right now. Please try again in a moment.',
      rateLimited: 'Too many requests. Please wait a moment, then try again.',
      notFound: 'We could not find what you asked for.',
      unauthorized: 'This action is not allowed with the current credentials.',
      badRequest: 'The request was refused by the server.',
      response: 'The server sent an answer we could not read.',
      unknown: 'Something went wrong.',
    },
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    errorReference: (id) => `Référence : ${id}`,
    errors: {
      network: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
      timeout: 'Le serveur a mis trop de temps à répondre.',
      server: 'Le service rencontre un problème. Veuillez réessayer dans un instant.',
      rateLimited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
      notFound: 'Nous n’avons pas trouvé ce que vous cherchez.',
      unauthorized: 'Cette action n’est pas autorisée avec les identifiants actuels.',
      badRequest: 'Le serveur a refusé la requête.',
      response: 'Le serveur a envoyé une réponse illisible.',
      unknown: 'Une erreur est survenue.',
    },
  },
  de: {
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
  es: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    errorReference: (id) => `Referencia: ${id}`,
    errors: {
      network: 'No pudimos conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
      timeout: 'El servidor tardó demasiado en responder.',
      server: 'El servicio tiene problemas en este momento. Inténtalo de nuevo en unos instantes.',
      rateLimited: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
      notFound: 'No encontramos lo que buscabas.',
      unauthorized: 'Esta acción no está permitida con las credenciales actuales.',
      badRequest: 'El servidor rechazó la solicitud.',
      response: 'El servidor envió una respuesta que no pudimos leer.',
      unknown: 'Algo salió mal.',
    },
  },
  it: {
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
  nl: {
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
  pt: {
    loading: 'A carregar…',
    retry: 'Tentar novamente',
    errorReference: (id) => `Referência: ${id}`,
    errors: {
      network: 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.',
      timeout: 'O servidor demorou demasiado a responder.',
      server: 'O serviço está com problemas neste momento. Tente novamente dentro de instantes.',
      rateLimited: 'Demasiados pedidos. Aguarde um momento e tente novamente.',
      notFound: 'Não encontrámos o que procurava.',
      unauthorized: 'Esta ação não é permitida com as credenciais atuais.',
      badRequest: 'O servidor recusou o pedido.',
      response: 'O servidor enviou uma resposta que não conseguimos ler.',
      unknown: 'Algo correu mal.',
    },
  },
};
