import type { ErrorTextKey } from '../../../../test/faults.ts';

export * from '../../../../test/faults.ts';

/** The localized sentences an error may end in, in the two languages every fault case checks. */
export const ERROR_TEXT: Record<ErrorTextKey, { en: string; fr: string }> = {
  timeout: { en: 'The server took too long to answer.', fr: 'Le serveur a mis trop de temps à répondre.' },
  server: {
    en: 'The service is having trouble right now. Please try again in a moment.',
    fr: 'Le service rencontre un problème. Veuillez réessayer dans un instant.',
  },
  rateLimited: {
    en: 'Too many requests. Please wait a moment, then try again.',
    fr: 'Trop de requêtes. Patientez un instant, puis réessayez.',
  },
  unauthorized: {
    en: 'This action is not allowed with the current credentials.',
    fr: 'Cette action n’est pas autorisée avec les identifiants actuels.',
  },
  notFound: { en: 'We could not find what you asked for.', fr: 'Nous n’avons pas trouvé ce que vous cherchez.' },
  response: { en: 'The server sent an answer we could not read.', fr: 'Le serveur a envoyé une réponse illisible.' },
  network: {
    en: 'We could not reach the server. Check your connection, then try again.',
    fr: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  },
};

export const RETRY_LABEL = { en: 'Try again', fr: 'Réessayer' } as const;
export const REFERENCE_TEXT = { en: /Reference: \d+/, fr: /Référence\s:\s\d+/u } as const;
