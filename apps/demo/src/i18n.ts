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
  connectAnother: string;
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
      'Choose a country, find your bank and fill in its form. Nothing is sent to a bank: this page shows what your app would receive.',
    resultTitle: 'What your app receives',
    resultIntro:
      'The flow hands this object to onSubmit. Passwords and secrets are masked on this page only: your app receives the real values, sends them to Powens and never logs them.',
    resultEmpty: 'Complete a connection to see it here.',
    connectAnother: 'Connect another bank',
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
      'Choisissez un pays, trouvez votre banque et remplissez son formulaire. Rien n’est envoyé à une banque : cette page montre ce que votre application recevrait.',
    resultTitle: 'Ce que reçoit votre application',
    resultIntro:
      'Le parcours transmet cet objet à onSubmit. Les mots de passe et codes secrets ne sont masqués que sur cette page : votre application reçoit les vraies valeurs, les envoie à Powens et ne les journalise jamais.',
    resultEmpty: 'Terminez une connexion pour la voir ici.',
    connectAnother: 'Connecter une autre banque',
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
      'Wählen Sie ein Land, suchen Sie Ihre Bank und füllen Sie das Formular aus. Es wird nichts an eine Bank gesendet: Diese Seite zeigt, was Ihre App erhalten würde.',
    resultTitle: 'Was Ihre App erhält',
    resultIntro:
      'Der Ablauf übergibt dieses Objekt an onSubmit. Passwörter und Geheimcodes sind nur auf dieser Seite verdeckt: Ihre App erhält die echten Werte, sendet sie an Powens und protokolliert sie nie.',
    resultEmpty: 'Schließen Sie eine Verbindung ab, um sie hier zu sehen.',
    connectAnother: 'Andere Bank verbinden',
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
      'Elige un país, busca tu banco y rellena su formulario. No se envía nada a ningún banco: esta página muestra lo que recibiría tu aplicación.',
    resultTitle: 'Lo que recibe tu aplicación',
    resultIntro:
      'El flujo entrega este objeto a onSubmit. Las contraseñas y los códigos secretos solo se ocultan en esta página: tu aplicación recibe los valores reales, los envía a Powens y nunca los registra.',
    resultEmpty: 'Completa una conexión para verla aquí.',
    connectAnother: 'Conectar otro banco',
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
      'Scegli un paese, trova la tua banca e compila il modulo. Non viene inviato nulla a nessuna banca: questa pagina mostra ciò che riceverebbe la tua app.',
    resultTitle: 'Ciò che riceve la tua app',
    resultIntro:
      'Il flusso passa questo oggetto a onSubmit. Password e codici segreti sono nascosti solo in questa pagina: la tua app riceve i valori reali, li invia a Powens e non li registra mai.',
    resultEmpty: 'Completa un collegamento per vederlo qui.',
    connectAnother: 'Collega un’altra banca',
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
      'Kies een land, zoek je bank en vul het formulier in. Er wordt niets naar een bank gestuurd: deze pagina laat zien wat je app zou ontvangen.',
    resultTitle: 'Wat je app ontvangt',
    resultIntro:
      'De flow geeft dit object aan onSubmit. Wachtwoorden en geheime codes zijn alleen op deze pagina verborgen: je app krijgt de echte waarden, stuurt ze naar Powens en logt ze nooit.',
    resultEmpty: 'Voltooi een koppeling om die hier te zien.',
    connectAnother: 'Een andere bank koppelen',
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
      'Escolha um país, encontre o seu banco e preencha o formulário. Nada é enviado a nenhum banco: esta página mostra o que a sua aplicação receberia.',
    resultTitle: 'O que a sua aplicação recebe',
    resultIntro:
      'O fluxo entrega este objeto a onSubmit. As palavras-passe e os códigos secretos só ficam ocultos nesta página: a sua aplicação recebe os valores reais, envia-os à Powens e nunca os regista.',
    resultEmpty: 'Conclua uma ligação para a ver aqui.',
    connectAnother: 'Ligar outro banco',
  },
};

/** A language's name in that language, capitalized as a menu item: "Français", "Deutsch". */
export function nativeLanguageName(locale: SupportedLocale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
