import type { SupportedLocale } from '@connector-kit/ui';
import type { ReactNode } from 'react';

/** The strings of a source's panel (`SourcesPanel`). */
export interface SourcesMessages {
  /** Labels of the authentication mechanisms, by mechanism; another mechanism shows as it is. */
  mechanisms: Readonly<Record<string, string>>;
  loading: (connector: string) => string;
  empty: (connector: string) => string;
  caption: (connector: string) => string;
  sourceColumn: string;
  authenticationColumn: string;
  statusColumn: string;
  /** A source without a mechanism. */
  noMechanism: string;
  /** After the mechanism of a source that offers no other. */
  onlyMechanism: string;
  authenticationOf: (source: string) => string;
  disabledSince: (date: string) => string;
  enabled: string;
  enable: string;
  disable: string;
  enableSource: (source: string) => string;
  disableSource: (source: string) => string;
}

/**
 * The sentences about writes. `target` is a connector's quoted name (`quote`) or a number of connectors
 * (`connectors`), `count` how many connectors it stands for; sources and connectors come quoted.
 */
export interface WriteMessages {
  quote: (name: string) => string;
  connectors: (count: number) => string;
  /** What was attempted, as the failure sentences start with it: "Hiding “BNP Paribas”". */
  hiding: (target: string) => string;
  unhiding: (target: string) => string;
  switchingSource: (source: string, connector: string, mechanism: string) => string;
  enablingSource: (source: string, connector: string) => string;
  disablingSource: (source: string, connector: string) => string;
  /** What was done, announced once the server has accepted it. */
  hidden: (target: string, count: number) => string;
  visibleAgain: (target: string, count: number) => string;
  sourceSwitched: (source: string, mechanism: string) => string;
  sourceEnabled: (source: string) => string;
  sourceDisabled: (source: string) => string;
  /** A write the server refused, or never received: its change was undone. */
  failed: (attempt: string) => string;
  /** A write whose answer could not be read: the server may have applied it. */
  unreadable: (attempt: string) => string;
}

/** The admin page's own strings around the components (the components bring theirs). */
export interface AdminMessages {
  title: string;
  /** The lead paragraph, around the server route (`apiRoot`) and a link to the note on hidden connectors. */
  intro: (apiRoot: ReactNode, hiddenLink: (label: string) => ReactNode) => ReactNode;
  filters: string;
  search: string;
  searchPlaceholder: string;
  country: string;
  allCountries: string;
  visibility: string;
  anyVisibility: string;
  visible: string;
  hidden: string;
  restricted: string;
  anyRestriction: string;
  onlyRestricted: string;
  notRestricted: string;
  /** Before the summary, with its trailing space: "2 selected. " */
  selectedCount: (count: number) => string;
  summary: (matching: number, total: number, hidden: number) => string;
  hideSelected: (count: number) => string;
  unhideSelected: (count: number) => string;
  clearSelection: string;
  dismiss: string;
  /** A refresh failed while the table shows what was loaded before. */
  refreshFailed: string;
  connectorsCaption: string;
  /** After the caption, in parentheses. */
  loading: string;
  refreshing: string;
  selectAllShown: string;
  connectorColumn: string;
  countriesColumn: string;
  sourcesColumn: string;
  actionColumn: string;
  noMatch: string;
  selectConnector: (name: string) => string;
  yes: string;
  no: string;
  sourcesButton: (count: number) => string;
  hide: string;
  unhide: string;
  hideConnector: (name: string) => string;
  unhideConnector: (name: string) => string;
  showMore: (count: number, notShown: number) => string;
  hiddenNoteTitle: string;
  hiddenNote: string;
  lookupLabel: string;
  lookupInvalid: (example: string) => string;
  lookupHint: string;
  lookup: string;
  lookupFailed: (uuid: ReactNode) => ReactNode;
  forgetUuid: string;
  sources: SourcesMessages;
  writes: WriteMessages;
}

const en: AdminMessages = {
  title: 'Manage connectors',
  intro: (apiRoot, hiddenLink) => (
    <>
      Hide a bank from your users, or change how one of its sources connects. Each change shows at once and is undone if
      the API refuses it. Writes go to this app’s own server at {apiRoot}, which adds the config token before forwarding
      them: the token never reaches this page. Hidden connectors are not in the API’s list:{' '}
      {hiddenLink('see how this page finds them')}.
    </>
  ),
  filters: 'Filter connectors',
  search: 'Search',
  searchPlaceholder: 'Name, slug, bank code or UUID',
  country: 'Country',
  allCountries: 'All countries',
  visibility: 'Visibility',
  anyVisibility: 'All',
  visible: 'Visible',
  hidden: 'Hidden',
  restricted: 'Restricted',
  anyRestriction: 'Any',
  onlyRestricted: 'Restricted',
  notRestricted: 'Not restricted',
  selectedCount: (count) => `${count} selected. `,
  summary: (matching, total, hidden) =>
    `${matching} of ${total} connectors match the filters${hidden > 0 ? `; ${hidden} of the ${total} are hidden` : ''}.`,
  hideSelected: (count) => `Hide selected${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Unhide selected${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Clear selection',
  dismiss: 'Dismiss',
  refreshFailed: 'Could not refresh the table: it shows the connectors as last loaded.',
  connectorsCaption: 'Connectors',
  loading: 'loading…',
  refreshing: 'refreshing…',
  selectAllShown: 'Select every connector shown',
  connectorColumn: 'Connector',
  countriesColumn: 'Countries',
  sourcesColumn: 'Sources',
  actionColumn: 'Action',
  noMatch: 'No connector matches these filters.',
  selectConnector: (name) => `Select ${name}`,
  yes: 'Yes',
  no: 'No',
  sourcesButton: (count) => `Sources (${count})`,
  hide: 'Hide',
  unhide: 'Unhide',
  hideConnector: (name) => `Hide ${name}`,
  unhideConnector: (name) => `Unhide ${name}`,
  showMore: (count, notShown) => `Show ${count} more (${notShown} not shown)`,
  hiddenNoteTitle: 'Where hidden connectors come from',
  hiddenNote:
    'The API leaves hidden connectors out of its list, and no endpoint lists them. This table shows the listed connectors, plus those hidden from this tab during the session and those you look up by UUID (a single connector can be read even when hidden). A connector hidden elsewhere stays out of this table until you look it up.',
  lookupLabel: 'Connector UUID',
  lookupInvalid: (example) => `Enter a UUID such as ${example}.`,
  lookupHint: 'Reads one connector, hidden or not, and keeps it in this table for the session.',
  lookup: 'Look up',
  lookupFailed: (uuid) => <>Could not read connector {uuid}.</>,
  forgetUuid: 'Forget this UUID',
  sources: {
    mechanisms: { credentials: 'credentials (form)', webauth: 'webauth (bank’s page)' },
    loading: (connector) => `Loading the sources of ${connector}…`,
    empty: (connector) => `${connector} has no sources.`,
    caption: (connector) => `Sources of ${connector}`,
    sourceColumn: 'Source',
    authenticationColumn: 'Authentication',
    statusColumn: 'Status',
    noMechanism: 'none',
    onlyMechanism: '(the only one available)',
    authenticationOf: (source) => `Authentication of source ${source}`,
    disabledSince: (date) => `Disabled since ${date}`,
    enabled: 'Enabled',
    enable: 'Enable',
    disable: 'Disable',
    enableSource: (source) => `Enable source ${source}`,
    disableSource: (source) => `Disable source ${source}`,
  },
  writes: {
    quote: (name) => `“${name}”`,
    connectors: (count) => `${count} connectors`,
    hiding: (target) => `Hiding ${target}`,
    unhiding: (target) => `Unhiding ${target}`,
    switchingSource: (source, connector, mechanism) => `Switching source ${source} of ${connector} to ${mechanism}`,
    enablingSource: (source, connector) => `Enabling source ${source} of ${connector}`,
    disablingSource: (source, connector) => `Disabling source ${source} of ${connector}`,
    hidden: (target) => `${target} hidden.`,
    visibleAgain: (target) => `${target} visible again.`,
    sourceSwitched: (source, mechanism) => `Source ${source} now uses ${mechanism}.`,
    sourceEnabled: (source) => `Source ${source} enabled.`,
    sourceDisabled: (source) => `Source ${source} disabled.`,
    failed: (attempt) => `${attempt} failed; the change was undone.`,
    unreadable: (attempt) =>
      `${attempt}: the server's answer could not be read; the table shows what the server holds now.`,
  },
};

const fr: AdminMessages = {
  title: 'Gérer les connecteurs',
  intro: (apiRoot, hiddenLink) => (
    <>
      Masquez une banque pour vos utilisateurs, ou changez la façon dont l’une de ses sources se connecte. Chaque
      modification s’affiche aussitôt et est annulée si l’API la refuse. Les écritures passent par le serveur de cette
      application, à l’adresse {apiRoot}, qui ajoute le jeton de configuration avant de les transmettre : le jeton
      n’atteint jamais cette page. Les connecteurs masqués ne figurent pas dans la liste de l’API :{' '}
      {hiddenLink('voyez comment cette page les trouve')}.
    </>
  ),
  filters: 'Filtrer les connecteurs',
  search: 'Rechercher',
  searchPlaceholder: 'Nom, slug, code banque ou UUID',
  country: 'Pays',
  allCountries: 'Tous les pays',
  visibility: 'Visibilité',
  anyVisibility: 'Tous',
  visible: 'Visible',
  hidden: 'Masqué',
  restricted: 'Restreint',
  anyRestriction: 'Indifférent',
  onlyRestricted: 'Restreint',
  notRestricted: 'Non restreint',
  selectedCount: (count) => `${count} sélectionné${count > 1 ? 's' : ''}. `,
  summary: (matching, total, hidden) =>
    `${matching} connecteur${matching > 1 ? 's' : ''} sur ${total} ${matching > 1 ? 'correspondent' : 'correspond'} aux filtres${
      hidden > 0 ? ` ; ${hidden} sur ${total} ${hidden > 1 ? 'sont masqués' : 'est masqué'}` : ''
    }.`,
  hideSelected: (count) => `Masquer la sélection${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Réafficher la sélection${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Vider la sélection',
  dismiss: 'Fermer',
  refreshFailed:
    'Impossible d’actualiser le tableau : il montre les connecteurs tels qu’ils ont été chargés en dernier.',
  connectorsCaption: 'Connecteurs',
  loading: 'chargement…',
  refreshing: 'actualisation…',
  selectAllShown: 'Sélectionner tous les connecteurs affichés',
  connectorColumn: 'Connecteur',
  countriesColumn: 'Pays',
  sourcesColumn: 'Sources',
  actionColumn: 'Action',
  noMatch: 'Aucun connecteur ne correspond à ces filtres.',
  selectConnector: (name) => `Sélectionner ${name}`,
  yes: 'Oui',
  no: 'Non',
  sourcesButton: (count) => `Sources (${count})`,
  hide: 'Masquer',
  unhide: 'Réafficher',
  hideConnector: (name) => `Masquer ${name}`,
  unhideConnector: (name) => `Réafficher ${name}`,
  showMore: (count, notShown) => `Afficher ${count} de plus (${notShown} non affiché${notShown > 1 ? 's' : ''})`,
  hiddenNoteTitle: 'D’où viennent les connecteurs masqués',
  hiddenNote:
    'L’API exclut les connecteurs masqués de sa liste, et aucun point d’accès ne les liste. Ce tableau montre les connecteurs listés, ainsi que ceux masqués depuis cet onglet pendant la session et ceux que vous consultez par UUID (un connecteur seul peut être lu même masqué). Un connecteur masqué ailleurs reste hors de ce tableau tant que vous ne l’avez pas consulté.',
  lookupLabel: 'UUID du connecteur',
  lookupInvalid: (example) => `Saisissez un UUID tel que ${example}.`,
  lookupHint: 'Lit un connecteur, masqué ou non, et le garde dans ce tableau pendant la session.',
  lookup: 'Consulter',
  lookupFailed: (uuid) => <>Impossible de lire le connecteur {uuid}.</>,
  forgetUuid: 'Oublier cet UUID',
  sources: {
    mechanisms: { credentials: 'identifiants (formulaire)', webauth: 'webauth (page de la banque)' },
    loading: (connector) => `Chargement des sources de ${connector}…`,
    empty: (connector) => `${connector} n’a aucune source.`,
    caption: (connector) => `Sources de ${connector}`,
    sourceColumn: 'Source',
    authenticationColumn: 'Authentification',
    statusColumn: 'État',
    noMechanism: 'aucune',
    onlyMechanism: '(la seule disponible)',
    authenticationOf: (source) => `Authentification de la source ${source}`,
    disabledSince: (date) => `Désactivée depuis le ${date}`,
    enabled: 'Activée',
    enable: 'Activer',
    disable: 'Désactiver',
    enableSource: (source) => `Activer la source ${source}`,
    disableSource: (source) => `Désactiver la source ${source}`,
  },
  writes: {
    quote: (name) => `« ${name} »`,
    connectors: (count) => `${count} connecteur${count > 1 ? 's' : ''}`,
    hiding: (target) => `Masquer ${target}`,
    unhiding: (target) => `Réafficher ${target}`,
    switchingSource: (source, connector, mechanism) => `Passer la source ${source} de ${connector} à ${mechanism}`,
    enablingSource: (source, connector) => `Activer la source ${source} de ${connector}`,
    disablingSource: (source, connector) => `Désactiver la source ${source} de ${connector}`,
    hidden: (target, count) => `${target} ${count > 1 ? 'masqués' : 'masqué'}.`,
    visibleAgain: (target, count) => `${target} de nouveau ${count > 1 ? 'visibles' : 'visible'}.`,
    sourceSwitched: (source, mechanism) => `La source ${source} utilise désormais ${mechanism}.`,
    sourceEnabled: (source) => `Source ${source} activée.`,
    sourceDisabled: (source) => `Source ${source} désactivée.`,
    failed: (attempt) => `${attempt} : échec, la modification a été annulée.`,
    unreadable: (attempt) =>
      `${attempt} : la réponse du serveur est illisible ; le tableau montre ce que le serveur contient maintenant.`,
  },
};

const de: AdminMessages = {
  title: 'Konnektoren verwalten',
  intro: (apiRoot, hiddenLink) => (
    <>
      Blenden Sie eine Bank für Ihre Nutzer aus oder ändern Sie, wie sich eine ihrer Quellen verbindet. Jede Änderung
      ist sofort sichtbar und wird rückgängig gemacht, wenn die API sie ablehnt. Schreibzugriffe gehen an den eigenen
      Server dieser App unter {apiRoot}, der das Konfigurationstoken hinzufügt, bevor er sie weiterleitet: Das Token
      erreicht diese Seite nie. Ausgeblendete Konnektoren stehen nicht in der Liste der API:{' '}
      {hiddenLink('so findet diese Seite sie')}.
    </>
  ),
  filters: 'Konnektoren filtern',
  search: 'Suchen',
  searchPlaceholder: 'Name, Slug, Bankcode oder UUID',
  country: 'Land',
  allCountries: 'Alle Länder',
  visibility: 'Sichtbarkeit',
  anyVisibility: 'Alle',
  visible: 'Sichtbar',
  hidden: 'Ausgeblendet',
  restricted: 'Eingeschränkt',
  anyRestriction: 'Beliebig',
  onlyRestricted: 'Eingeschränkt',
  notRestricted: 'Nicht eingeschränkt',
  selectedCount: (count) => `${count} ausgewählt. `,
  summary: (matching, total, hidden) =>
    `${matching} von ${total} Konnektoren ${matching === 1 ? 'entspricht' : 'entsprechen'} den Filtern${
      hidden > 0 ? `; ${hidden} der ${total} ${hidden === 1 ? 'ist' : 'sind'} ausgeblendet` : ''
    }.`,
  hideSelected: (count) => `Auswahl ausblenden${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Auswahl einblenden${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Auswahl aufheben',
  dismiss: 'Schließen',
  refreshFailed: 'Die Tabelle konnte nicht aktualisiert werden: Sie zeigt die zuletzt geladenen Konnektoren.',
  connectorsCaption: 'Konnektoren',
  loading: 'wird geladen…',
  refreshing: 'wird aktualisiert…',
  selectAllShown: 'Alle angezeigten Konnektoren auswählen',
  connectorColumn: 'Konnektor',
  countriesColumn: 'Länder',
  sourcesColumn: 'Quellen',
  actionColumn: 'Aktion',
  noMatch: 'Kein Konnektor entspricht diesen Filtern.',
  selectConnector: (name) => `${name} auswählen`,
  yes: 'Ja',
  no: 'Nein',
  sourcesButton: (count) => `Quellen (${count})`,
  hide: 'Ausblenden',
  unhide: 'Einblenden',
  hideConnector: (name) => `${name} ausblenden`,
  unhideConnector: (name) => `${name} einblenden`,
  showMore: (count, notShown) => `${count} weitere anzeigen (${notShown} nicht angezeigt)`,
  hiddenNoteTitle: 'Woher ausgeblendete Konnektoren kommen',
  hiddenNote:
    'Die API lässt ausgeblendete Konnektoren in ihrer Liste weg, und kein Endpunkt listet sie auf. Diese Tabelle zeigt die gelisteten Konnektoren, dazu die in dieser Sitzung in diesem Tab ausgeblendeten und die, die Sie per UUID nachschlagen (ein einzelner Konnektor lässt sich auch ausgeblendet lesen). Ein anderswo ausgeblendeter Konnektor fehlt in dieser Tabelle, bis Sie ihn nachschlagen.',
  lookupLabel: 'UUID des Konnektors',
  lookupInvalid: (example) => `Geben Sie eine UUID wie ${example} ein.`,
  lookupHint: 'Liest einen Konnektor, ob ausgeblendet oder nicht, und behält ihn für die Sitzung in dieser Tabelle.',
  lookup: 'Nachschlagen',
  lookupFailed: (uuid) => <>Konnektor {uuid} konnte nicht gelesen werden.</>,
  forgetUuid: 'Diese UUID vergessen',
  sources: {
    mechanisms: { credentials: 'Zugangsdaten (Formular)', webauth: 'webauth (Seite der Bank)' },
    loading: (connector) => `Quellen von ${connector} werden geladen…`,
    empty: (connector) => `${connector} hat keine Quellen.`,
    caption: (connector) => `Quellen von ${connector}`,
    sourceColumn: 'Quelle',
    authenticationColumn: 'Authentifizierung',
    statusColumn: 'Status',
    noMechanism: 'keine',
    onlyMechanism: '(die einzige verfügbare)',
    authenticationOf: (source) => `Authentifizierung der Quelle ${source}`,
    disabledSince: (date) => `Deaktiviert seit ${date}`,
    enabled: 'Aktiviert',
    enable: 'Aktivieren',
    disable: 'Deaktivieren',
    enableSource: (source) => `Quelle ${source} aktivieren`,
    disableSource: (source) => `Quelle ${source} deaktivieren`,
  },
  writes: {
    quote: (name) => `„${name}“`,
    connectors: (count) => `${count} ${count === 1 ? 'Konnektor' : 'Konnektoren'}`,
    hiding: (target) => `${target} ausblenden`,
    unhiding: (target) => `${target} einblenden`,
    switchingSource: (source, connector, mechanism) => `Quelle ${source} von ${connector} auf ${mechanism} umstellen`,
    enablingSource: (source, connector) => `Quelle ${source} von ${connector} aktivieren`,
    disablingSource: (source, connector) => `Quelle ${source} von ${connector} deaktivieren`,
    hidden: (target) => `${target} ausgeblendet.`,
    visibleAgain: (target) => `${target} wieder sichtbar.`,
    sourceSwitched: (source, mechanism) => `Quelle ${source} nutzt jetzt ${mechanism}.`,
    sourceEnabled: (source) => `Quelle ${source} aktiviert.`,
    sourceDisabled: (source) => `Quelle ${source} deaktiviert.`,
    failed: (attempt) => `${attempt}: fehlgeschlagen, die Änderung wurde rückgängig gemacht.`,
    unreadable: (attempt) =>
      `${attempt}: Die Antwort des Servers war nicht lesbar; die Tabelle zeigt, was der Server jetzt enthält.`,
  },
};

const es: AdminMessages = {
  title: 'Gestionar conectores',
  intro: (apiRoot, hiddenLink) => (
    <>
      Oculta un banco a tus usuarios o cambia cómo se conecta una de sus fuentes. Cada cambio se ve al instante y se
      deshace si la API lo rechaza. Las escrituras pasan por el propio servidor de esta aplicación, en {apiRoot}, que
      añade el token de configuración antes de reenviarlas: el token nunca llega a esta página. Los conectores ocultos
      no están en la lista de la API: {hiddenLink('mira cómo los encuentra esta página')}.
    </>
  ),
  filters: 'Filtrar conectores',
  search: 'Buscar',
  searchPlaceholder: 'Nombre, slug, código de banco o UUID',
  country: 'País',
  allCountries: 'Todos los países',
  visibility: 'Visibilidad',
  anyVisibility: 'Todos',
  visible: 'Visible',
  hidden: 'Oculto',
  restricted: 'Restringido',
  anyRestriction: 'Cualquiera',
  onlyRestricted: 'Restringido',
  notRestricted: 'No restringido',
  selectedCount: (count) => `${count} seleccionado${count === 1 ? '' : 's'}. `,
  summary: (matching, total, hidden) =>
    `${matching} de ${total} conectores ${matching === 1 ? 'coincide' : 'coinciden'} con los filtros${
      hidden > 0 ? `; ${hidden} de los ${total} ${hidden === 1 ? 'está oculto' : 'están ocultos'}` : ''
    }.`,
  hideSelected: (count) => `Ocultar selección${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Mostrar selección${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Borrar selección',
  dismiss: 'Cerrar',
  refreshFailed: 'No se pudo actualizar la tabla: muestra los conectores tal como se cargaron por última vez.',
  connectorsCaption: 'Conectores',
  loading: 'cargando…',
  refreshing: 'actualizando…',
  selectAllShown: 'Seleccionar todos los conectores mostrados',
  connectorColumn: 'Conector',
  countriesColumn: 'Países',
  sourcesColumn: 'Fuentes',
  actionColumn: 'Acción',
  noMatch: 'Ningún conector coincide con estos filtros.',
  selectConnector: (name) => `Seleccionar ${name}`,
  yes: 'Sí',
  no: 'No',
  sourcesButton: (count) => `Fuentes (${count})`,
  hide: 'Ocultar',
  unhide: 'Mostrar',
  hideConnector: (name) => `Ocultar ${name}`,
  unhideConnector: (name) => `Mostrar ${name}`,
  showMore: (count, notShown) => `Mostrar ${count} más (${notShown} sin mostrar)`,
  hiddenNoteTitle: 'De dónde vienen los conectores ocultos',
  hiddenNote:
    'La API deja los conectores ocultos fuera de su lista, y ningún endpoint los lista. Esta tabla muestra los conectores listados, más los ocultados desde esta pestaña durante la sesión y los que consultas por UUID (un conector concreto se puede leer aunque esté oculto). Un conector ocultado en otro lugar no aparece en esta tabla hasta que lo consultas.',
  lookupLabel: 'UUID del conector',
  lookupInvalid: (example) => `Introduce un UUID como ${example}.`,
  lookupHint: 'Lee un conector, oculto o no, y lo mantiene en esta tabla durante la sesión.',
  lookup: 'Consultar',
  lookupFailed: (uuid) => <>No se pudo leer el conector {uuid}.</>,
  forgetUuid: 'Olvidar este UUID',
  sources: {
    mechanisms: { credentials: 'credenciales (formulario)', webauth: 'webauth (página del banco)' },
    loading: (connector) => `Cargando las fuentes de ${connector}…`,
    empty: (connector) => `${connector} no tiene fuentes.`,
    caption: (connector) => `Fuentes de ${connector}`,
    sourceColumn: 'Fuente',
    authenticationColumn: 'Autenticación',
    statusColumn: 'Estado',
    noMechanism: 'ninguno',
    onlyMechanism: '(el único disponible)',
    authenticationOf: (source) => `Autenticación de la fuente ${source}`,
    disabledSince: (date) => `Desactivada desde ${date}`,
    enabled: 'Activada',
    enable: 'Activar',
    disable: 'Desactivar',
    enableSource: (source) => `Activar la fuente ${source}`,
    disableSource: (source) => `Desactivar la fuente ${source}`,
  },
  writes: {
    quote: (name) => `«${name}»`,
    connectors: (count) => `${count} conector${count === 1 ? '' : 'es'}`,
    hiding: (target) => `Ocultar ${target}`,
    unhiding: (target) => `Mostrar ${target}`,
    switchingSource: (source, connector, mechanism) => `Cambiar la fuente ${source} de ${connector} a ${mechanism}`,
    enablingSource: (source, connector) => `Activar la fuente ${source} de ${connector}`,
    disablingSource: (source, connector) => `Desactivar la fuente ${source} de ${connector}`,
    hidden: (target, count) => `${target} ${count > 1 ? 'ocultos' : 'oculto'}.`,
    visibleAgain: (target, count) => `${target} de nuevo ${count > 1 ? 'visibles' : 'visible'}.`,
    sourceSwitched: (source, mechanism) => `La fuente ${source} usa ahora ${mechanism}.`,
    sourceEnabled: (source) => `Fuente ${source} activada.`,
    sourceDisabled: (source) => `Fuente ${source} desactivada.`,
    failed: (attempt) => `${attempt}: falló; se deshizo el cambio.`,
    unreadable: (attempt) =>
      `${attempt}: no se pudo leer la respuesta del servidor; la tabla muestra lo que el servidor tiene ahora.`,
  },
};

const it: AdminMessages = {
  title: 'Gestisci i connettori',
  intro: (apiRoot, hiddenLink) => (
    <>
      Nascondi una banca ai tuoi utenti o cambia il modo in cui si collega una delle sue fonti. Ogni modifica appare
      subito e viene annullata se l’API la rifiuta. Le scritture passano dal server di questa app, all’indirizzo{' '}
      {apiRoot}, che aggiunge il token di configurazione prima di inoltrarle: il token non raggiunge mai questa pagina.
      I connettori nascosti non sono nell’elenco dell’API: {hiddenLink('guarda come li trova questa pagina')}.
    </>
  ),
  filters: 'Filtra i connettori',
  search: 'Cerca',
  searchPlaceholder: 'Nome, slug, codice banca o UUID',
  country: 'Paese',
  allCountries: 'Tutti i paesi',
  visibility: 'Visibilità',
  anyVisibility: 'Tutti',
  visible: 'Visibile',
  hidden: 'Nascosto',
  restricted: 'Limitato',
  anyRestriction: 'Qualsiasi',
  onlyRestricted: 'Limitato',
  notRestricted: 'Non limitato',
  selectedCount: (count) => `${count} selezionat${count === 1 ? 'o' : 'i'}. `,
  summary: (matching, total, hidden) =>
    `${matching} connettor${matching === 1 ? 'e' : 'i'} su ${total} ${matching === 1 ? 'corrisponde' : 'corrispondono'} ai filtri${
      hidden > 0 ? `; ${hidden} su ${total} ${hidden === 1 ? 'è nascosto' : 'sono nascosti'}` : ''
    }.`,
  hideSelected: (count) => `Nascondi selezionati${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Mostra selezionati${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Annulla selezione',
  dismiss: 'Chiudi',
  refreshFailed: 'Impossibile aggiornare la tabella: mostra i connettori come caricati l’ultima volta.',
  connectorsCaption: 'Connettori',
  loading: 'caricamento…',
  refreshing: 'aggiornamento…',
  selectAllShown: 'Seleziona tutti i connettori mostrati',
  connectorColumn: 'Connettore',
  countriesColumn: 'Paesi',
  sourcesColumn: 'Fonti',
  actionColumn: 'Azione',
  noMatch: 'Nessun connettore corrisponde a questi filtri.',
  selectConnector: (name) => `Seleziona ${name}`,
  yes: 'Sì',
  no: 'No',
  sourcesButton: (count) => `Fonti (${count})`,
  hide: 'Nascondi',
  unhide: 'Mostra',
  hideConnector: (name) => `Nascondi ${name}`,
  unhideConnector: (name) => `Mostra ${name}`,
  showMore: (count, notShown) => `Mostra altri ${count} (${notShown} non mostrat${notShown === 1 ? 'o' : 'i'})`,
  hiddenNoteTitle: 'Da dove vengono i connettori nascosti',
  hiddenNote:
    'L’API esclude i connettori nascosti dal suo elenco, e nessun endpoint li elenca. Questa tabella mostra i connettori elencati, più quelli nascosti da questa scheda durante la sessione e quelli che consulti per UUID (un singolo connettore si può leggere anche se nascosto). Un connettore nascosto altrove resta fuori da questa tabella finché non lo consulti.',
  lookupLabel: 'UUID del connettore',
  lookupInvalid: (example) => `Inserisci un UUID come ${example}.`,
  lookupHint: 'Legge un connettore, nascosto o no, e lo tiene in questa tabella per la sessione.',
  lookup: 'Consulta',
  lookupFailed: (uuid) => <>Impossibile leggere il connettore {uuid}.</>,
  forgetUuid: 'Dimentica questo UUID',
  sources: {
    mechanisms: { credentials: 'credenziali (modulo)', webauth: 'webauth (pagina della banca)' },
    loading: (connector) => `Caricamento delle fonti di ${connector}…`,
    empty: (connector) => `${connector} non ha fonti.`,
    caption: (connector) => `Fonti di ${connector}`,
    sourceColumn: 'Fonte',
    authenticationColumn: 'Autenticazione',
    statusColumn: 'Stato',
    noMechanism: 'nessuno',
    onlyMechanism: '(l’unico disponibile)',
    authenticationOf: (source) => `Autenticazione della fonte ${source}`,
    disabledSince: (date) => `Disattivata dal ${date}`,
    enabled: 'Attivata',
    enable: 'Attiva',
    disable: 'Disattiva',
    enableSource: (source) => `Attiva la fonte ${source}`,
    disableSource: (source) => `Disattiva la fonte ${source}`,
  },
  writes: {
    quote: (name) => `«${name}»`,
    connectors: (count) => `${count} connettor${count === 1 ? 'e' : 'i'}`,
    hiding: (target) => `Nascondere ${target}`,
    unhiding: (target) => `Mostrare ${target}`,
    switchingSource: (source, connector, mechanism) => `Passare la fonte ${source} di ${connector} a ${mechanism}`,
    enablingSource: (source, connector) => `Attivare la fonte ${source} di ${connector}`,
    disablingSource: (source, connector) => `Disattivare la fonte ${source} di ${connector}`,
    hidden: (target, count) => `${target} ${count > 1 ? 'nascosti' : 'nascosto'}.`,
    visibleAgain: (target, count) => `${target} di nuovo ${count > 1 ? 'visibili' : 'visibile'}.`,
    sourceSwitched: (source, mechanism) => `La fonte ${source} ora usa ${mechanism}.`,
    sourceEnabled: (source) => `Fonte ${source} attivata.`,
    sourceDisabled: (source) => `Fonte ${source} disattivata.`,
    failed: (attempt) => `${attempt}: non riuscito; la modifica è stata annullata.`,
    unreadable: (attempt) =>
      `${attempt}: impossibile leggere la risposta del server; la tabella mostra ciò che il server contiene ora.`,
  },
};

const nl: AdminMessages = {
  title: 'Connectoren beheren',
  intro: (apiRoot, hiddenLink) => (
    <>
      Verberg een bank voor je gebruikers, of wijzig hoe een van haar bronnen verbinding maakt. Elke wijziging is meteen
      zichtbaar en wordt teruggedraaid als de API haar weigert. Schrijfacties gaan naar de eigen server van deze app op{' '}
      {apiRoot}, die het configuratietoken toevoegt voordat hij ze doorstuurt: het token bereikt deze pagina nooit.
      Verborgen connectoren staan niet in de lijst van de API: {hiddenLink('zie hoe deze pagina ze vindt')}.
    </>
  ),
  filters: 'Connectoren filteren',
  search: 'Zoeken',
  searchPlaceholder: 'Naam, slug, bankcode of UUID',
  country: 'Land',
  allCountries: 'Alle landen',
  visibility: 'Zichtbaarheid',
  anyVisibility: 'Alle',
  visible: 'Zichtbaar',
  hidden: 'Verborgen',
  restricted: 'Beperkt',
  anyRestriction: 'Maakt niet uit',
  onlyRestricted: 'Beperkt',
  notRestricted: 'Niet beperkt',
  selectedCount: (count) => `${count} geselecteerd. `,
  summary: (matching, total, hidden) =>
    `${matching} van ${total} connectoren ${matching === 1 ? 'voldoet' : 'voldoen'} aan de filters${
      hidden > 0 ? `; ${hidden} van de ${total} ${hidden === 1 ? 'is' : 'zijn'} verborgen` : ''
    }.`,
  hideSelected: (count) => `Selectie verbergen${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Selectie tonen${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Selectie wissen',
  dismiss: 'Sluiten',
  refreshFailed: 'De tabel kon niet worden vernieuwd: hij toont de connectoren zoals ze het laatst zijn geladen.',
  connectorsCaption: 'Connectoren',
  loading: 'laden…',
  refreshing: 'vernieuwen…',
  selectAllShown: 'Alle getoonde connectoren selecteren',
  connectorColumn: 'Connector',
  countriesColumn: 'Landen',
  sourcesColumn: 'Bronnen',
  actionColumn: 'Actie',
  noMatch: 'Geen connector voldoet aan deze filters.',
  selectConnector: (name) => `${name} selecteren`,
  yes: 'Ja',
  no: 'Nee',
  sourcesButton: (count) => `Bronnen (${count})`,
  hide: 'Verbergen',
  unhide: 'Tonen',
  hideConnector: (name) => `${name} verbergen`,
  unhideConnector: (name) => `${name} tonen`,
  showMore: (count, notShown) => `Nog ${count} tonen (${notShown} niet getoond)`,
  hiddenNoteTitle: 'Waar verborgen connectoren vandaan komen',
  hiddenNote:
    'De API laat verborgen connectoren weg uit haar lijst, en geen enkel endpoint toont ze. Deze tabel toont de vermelde connectoren, plus die tijdens de sessie vanuit dit tabblad zijn verborgen en die je op UUID opzoekt (één connector kan ook verborgen worden gelezen). Een elders verborgen connector blijft buiten deze tabel tot je hem opzoekt.',
  lookupLabel: 'UUID van de connector',
  lookupInvalid: (example) => `Voer een UUID in zoals ${example}.`,
  lookupHint: 'Leest één connector, verborgen of niet, en houdt hem voor de sessie in deze tabel.',
  lookup: 'Opzoeken',
  lookupFailed: (uuid) => <>Connector {uuid} kon niet worden gelezen.</>,
  forgetUuid: 'Deze UUID vergeten',
  sources: {
    mechanisms: { credentials: 'inloggegevens (formulier)', webauth: 'webauth (pagina van de bank)' },
    loading: (connector) => `Bronnen van ${connector} laden…`,
    empty: (connector) => `${connector} heeft geen bronnen.`,
    caption: (connector) => `Bronnen van ${connector}`,
    sourceColumn: 'Bron',
    authenticationColumn: 'Authenticatie',
    statusColumn: 'Status',
    noMechanism: 'geen',
    onlyMechanism: '(de enige beschikbare)',
    authenticationOf: (source) => `Authenticatie van bron ${source}`,
    disabledSince: (date) => `Uitgeschakeld sinds ${date}`,
    enabled: 'Ingeschakeld',
    enable: 'Inschakelen',
    disable: 'Uitschakelen',
    enableSource: (source) => `Bron ${source} inschakelen`,
    disableSource: (source) => `Bron ${source} uitschakelen`,
  },
  writes: {
    quote: (name) => `‘${name}’`,
    connectors: (count) => `${count} ${count === 1 ? 'connector' : 'connectoren'}`,
    hiding: (target) => `${target} verbergen`,
    unhiding: (target) => `${target} tonen`,
    switchingSource: (source, connector, mechanism) => `Bron ${source} van ${connector} omzetten naar ${mechanism}`,
    enablingSource: (source, connector) => `Bron ${source} van ${connector} inschakelen`,
    disablingSource: (source, connector) => `Bron ${source} van ${connector} uitschakelen`,
    hidden: (target) => `${target} verborgen.`,
    visibleAgain: (target) => `${target} weer zichtbaar.`,
    sourceSwitched: (source, mechanism) => `Bron ${source} gebruikt nu ${mechanism}.`,
    sourceEnabled: (source) => `Bron ${source} ingeschakeld.`,
    sourceDisabled: (source) => `Bron ${source} uitgeschakeld.`,
    failed: (attempt) => `${attempt}: mislukt, de wijziging is teruggedraaid.`,
    unreadable: (attempt) =>
      `${attempt}: het antwoord van de server was onleesbaar; de tabel toont wat de server nu bevat.`,
  },
};

const pt: AdminMessages = {
  title: 'Gerir conectores',
  intro: (apiRoot, hiddenLink) => (
    <>
      Oculte um banco aos seus utilizadores, ou altere a forma como uma das suas fontes se liga. Cada alteração aparece
      de imediato e é desfeita se a API a recusar. As escritas passam pelo servidor desta aplicação, em {apiRoot}, que
      acrescenta o token de configuração antes de as reencaminhar: o token nunca chega a esta página. Os conectores
      ocultos não estão na lista da API: {hiddenLink('veja como esta página os encontra')}.
    </>
  ),
  filters: 'Filtrar conectores',
  search: 'Pesquisar',
  searchPlaceholder: 'Nome, slug, código do banco ou UUID',
  country: 'País',
  allCountries: 'Todos os países',
  visibility: 'Visibilidade',
  anyVisibility: 'Todos',
  visible: 'Visível',
  hidden: 'Oculto',
  restricted: 'Restrito',
  anyRestriction: 'Qualquer',
  onlyRestricted: 'Restrito',
  notRestricted: 'Não restrito',
  selectedCount: (count) => `${count} selecionado${count === 1 ? '' : 's'}. `,
  summary: (matching, total, hidden) =>
    `${matching} de ${total} conectores ${matching === 1 ? 'corresponde' : 'correspondem'} aos filtros${
      hidden > 0 ? `; ${hidden} dos ${total} ${hidden === 1 ? 'está oculto' : 'estão ocultos'}` : ''
    }.`,
  hideSelected: (count) => `Ocultar seleção${count > 0 ? ` (${count})` : ''}`,
  unhideSelected: (count) => `Mostrar seleção${count > 0 ? ` (${count})` : ''}`,
  clearSelection: 'Limpar seleção',
  dismiss: 'Fechar',
  refreshFailed: 'Não foi possível atualizar a tabela: mostra os conectores tal como foram carregados da última vez.',
  connectorsCaption: 'Conectores',
  loading: 'a carregar…',
  refreshing: 'a atualizar…',
  selectAllShown: 'Selecionar todos os conectores mostrados',
  connectorColumn: 'Conector',
  countriesColumn: 'Países',
  sourcesColumn: 'Fontes',
  actionColumn: 'Ação',
  noMatch: 'Nenhum conector corresponde a estes filtros.',
  selectConnector: (name) => `Selecionar ${name}`,
  yes: 'Sim',
  no: 'Não',
  sourcesButton: (count) => `Fontes (${count})`,
  hide: 'Ocultar',
  unhide: 'Mostrar',
  hideConnector: (name) => `Ocultar ${name}`,
  unhideConnector: (name) => `Mostrar ${name}`,
  showMore: (count, notShown) => `Mostrar mais ${count} (${notShown} por mostrar)`,
  hiddenNoteTitle: 'De onde vêm os conectores ocultos',
  hiddenNote:
    'A API deixa os conectores ocultos fora da sua lista, e nenhum endpoint os lista. Esta tabela mostra os conectores listados, mais os ocultados a partir deste separador durante a sessão e os que consultar por UUID (um conector isolado pode ser lido mesmo quando oculto). Um conector ocultado noutro lado fica fora desta tabela até o consultar.',
  lookupLabel: 'UUID do conector',
  lookupInvalid: (example) => `Introduza um UUID como ${example}.`,
  lookupHint: 'Lê um conector, oculto ou não, e mantém-no nesta tabela durante a sessão.',
  lookup: 'Consultar',
  lookupFailed: (uuid) => <>Não foi possível ler o conector {uuid}.</>,
  forgetUuid: 'Esquecer este UUID',
  sources: {
    mechanisms: { credentials: 'credenciais (formulário)', webauth: 'webauth (página do banco)' },
    loading: (connector) => `A carregar as fontes de ${connector}…`,
    empty: (connector) => `${connector} não tem fontes.`,
    caption: (connector) => `Fontes de ${connector}`,
    sourceColumn: 'Fonte',
    authenticationColumn: 'Autenticação',
    statusColumn: 'Estado',
    noMechanism: 'nenhum',
    onlyMechanism: '(o único disponível)',
    authenticationOf: (source) => `Autenticação da fonte ${source}`,
    disabledSince: (date) => `Desativada desde ${date}`,
    enabled: 'Ativada',
    enable: 'Ativar',
    disable: 'Desativar',
    enableSource: (source) => `Ativar a fonte ${source}`,
    disableSource: (source) => `Desativar a fonte ${source}`,
  },
  writes: {
    quote: (name) => `«${name}»`,
    connectors: (count) => `${count} conector${count === 1 ? '' : 'es'}`,
    hiding: (target) => `Ocultar ${target}`,
    unhiding: (target) => `Mostrar ${target}`,
    switchingSource: (source, connector, mechanism) => `Mudar a fonte ${source} de ${connector} para ${mechanism}`,
    enablingSource: (source, connector) => `Ativar a fonte ${source} de ${connector}`,
    disablingSource: (source, connector) => `Desativar a fonte ${source} de ${connector}`,
    hidden: (target, count) => `${target} ${count > 1 ? 'ocultos' : 'oculto'}.`,
    visibleAgain: (target, count) => `${target} de novo ${count > 1 ? 'visíveis' : 'visível'}.`,
    sourceSwitched: (source, mechanism) => `A fonte ${source} usa agora ${mechanism}.`,
    sourceEnabled: (source) => `Fonte ${source} ativada.`,
    sourceDisabled: (source) => `Fonte ${source} desativada.`,
    failed: (attempt) => `${attempt}: falhou; a alteração foi desfeita.`,
    unreadable: (attempt) =>
      `${attempt}: não foi possível ler a resposta do servidor; a tabela mostra o que o servidor tem agora.`,
  },
};

/** The admin page's strings, in every language of the switcher. */
export const adminMessages: Readonly<Record<SupportedLocale, AdminMessages>> = { en, fr, de, es, it, nl, pt };
