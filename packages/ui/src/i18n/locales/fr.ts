import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in French: `<LocaleProvider locale="fr" messages={fr}>`. */
export const fr: Messages = {
  common: {
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
  picker: {
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
    refreshFailed:
      'Impossible d’actualiser la liste : elle montre les banques telles qu’elles ont été chargées en dernier.',
    badges: { beta: 'Bêta', restricted: 'Indisponible', unstable: 'Peut être instable' },
    restrictedReason: 'Il n’est pas possible d’ajouter une connexion à cette banque pour le moment.',
  },
  form: {
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
  connect: {
    handoffOpening: (name) => `Ouverture de la page sécurisée de ${name}…`,
    handoffHint: (name) => `Vous terminerez sur une page sécurisée pour ${name}, puis reviendrez ici.`,
    handoffContinue: 'Continuer vers la page sécurisée',
    callbackReading: 'Vérification en cours…',
    connectedTitle: (name) => `Connexion à ${name} réussie`,
    connectedTitleUnnamed: 'Votre banque est connectée',
    connectedText: (count) =>
      count === 1
        ? 'Vos comptes seront désormais tenus à jour.'
        : `${formatNumber('fr', count)} connexions ont été ajoutées.`,
    deleted: { title: 'La connexion a été supprimée', text: 'Ses comptes ne seront plus mis à jour.' },
    done: 'Continuer',
    startAgain: 'Recommencer',
    connecting: (name) => `Connexion à ${name}…`,
    connectingHint: 'Votre banque vérifie vos informations. Cela peut prendre une minute ou deux.',
    elapsedLabel: 'Temps écoulé',
    cancel: 'Annuler',
    fieldsTitle: (name) => `${name} demande des informations supplémentaires`,
    fieldsSubmit: 'Envoyer',
    decoupledTitle: (name) => `Validez dans votre application ${name}`,
    decoupledHint:
      'Ouvrez l’application de votre banque et validez la connexion. Cette page continue d’elle-même une fois que c’est fait.',
    decoupledWaiting: 'En attente de votre validation…',
    decoupledApproved: 'J’ai validé',
    decoupledTimedOut: {
      title: 'Votre validation n’est pas arrivée à temps',
      text: 'Validez la connexion dans l’application de votre banque, puis réessayez.',
    },
    validatingTitle: (name) => `Vérification auprès de ${name}…`,
    validatingTimedOut: {
      title: 'Cela prend plus de temps que d’habitude',
      text: 'Votre banque n’a pas encore terminé. Veuillez réessayer dans un instant.',
    },
    webauth: {
      title: (name) => `Confirmez sur le site de ${name}`,
      text: 'Votre banque vous demande de confirmer votre identité sur son propre site. Vous reviendrez ici ensuite.',
    },
    webauthUnavailable:
      'Votre banque vous demande de confirmer sur son propre site, que cette application ne peut pas ouvrir.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Action requise sur le site de ${name}`,
        text: 'Votre banque vous demande une action sur son site, par exemple accepter de nouvelles conditions. Faites-la, puis réessayez.',
      },
      passwordExpired: {
        title: (name) => `Votre mot de passe ${name} a expiré`,
        text: 'Changez votre mot de passe sur le site de votre banque, puis réessayez.',
      },
    },
    openBankWebsite: (name) => `Ouvrir le site de ${name}`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} limite les connexions en ce moment`,
        text: 'Votre banque reçoit trop de demandes. Veuillez réessayer plus tard.',
      },
      websiteUnavailable: {
        title: (name) => `${name} est indisponible en ce moment`,
        text: 'Le site ou le service de votre banque est en panne. Veuillez réessayer plus tard.',
      },
      bug: {
        title: (name) => `${name} n’a pas pu être joint`,
        text: 'Une erreur est survenue en échangeant avec votre banque. Veuillez réessayer plus tard.',
      },
    },
    connectAnother: 'Connecter une autre banque',
    outcomes: {
      accessDenied: {
        title: 'La connexion n’a pas été terminée',
        text: 'Rien n’a été connecté. Vous pouvez réessayer quand vous le souhaitez.',
      },
      tosDeclined: {
        title: 'Vous avez refusé les conditions',
        text: 'Votre banque ne peut pas être connectée sans les accepter.',
      },
      sessionExpired: {
        title: 'Cela a pris trop de temps',
        text: 'Pour votre sécurité, la page sécurisée a été fermée. Veuillez réessayer.',
      },
      serverError: {
        title: 'La page sécurisée a rencontré un problème',
        text: 'Rien n’a été connecté. Veuillez réessayer dans un instant.',
      },
      forged: {
        title: 'Ce lien ne peut pas être utilisé',
        text: 'Il a déjà servi, ou il ne provient pas de cette application. Veuillez recommencer depuis l’application.',
      },
      unknown: {
        title: 'La connexion n’a pas abouti',
        text: 'Rien n’a été connecté. Veuillez réessayer.',
      },
    },
  },
};
