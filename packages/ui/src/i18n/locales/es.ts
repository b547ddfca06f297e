import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in Spanish: `<LocaleProvider locale="es" messages={es}>`. */
export const es: Messages = {
  common: {
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
  picker: {
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
    refreshFailed: 'No se pudo actualizar la lista: muestra los bancos tal como se cargaron por última vez.',
    badges: { beta: 'Beta', restricted: 'No disponible', unstable: 'Puede ser inestable' },
    restrictedReason: 'Por ahora no es posible añadir conexiones con este banco.',
  },
  form: {
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
  connect: {
    handoffOpening: (name) => `Abriendo la página segura de ${name}…`,
    handoffHint: (name) => `Terminarás en una página segura para ${name} y después volverás aquí.`,
    handoffContinue: 'Continuar a la página segura',
    callbackReading: 'Comprobando el resultado…',
    connectedTitle: (name) => `Conexión con ${name} completada`,
    connectedTitleUnnamed: 'Tu banco está conectado',
    connectedText: (count) =>
      count === 1
        ? 'Tus cuentas se mantendrán al día a partir de ahora.'
        : `Se añadieron ${formatNumber('es', count)} conexiones.`,
    deleted: { title: 'Se eliminó la conexión', text: 'Sus cuentas ya no se actualizarán.' },
    done: 'Continuar',
    startAgain: 'Empezar de nuevo',
    connecting: (name) => `Conectando con ${name}…`,
    connectingHint: 'Tu banco está comprobando tus datos. Puede tardar uno o dos minutos.',
    elapsedLabel: 'Tiempo transcurrido',
    cancel: 'Cancelar',
    fieldsTitle: (name) => `${name} necesita más información`,
    fieldsSubmit: 'Enviar',
    decoupledTitle: (name) => `Aprueba en tu app de ${name}`,
    decoupledHint: 'Abre la app de tu banco y aprueba la conexión. Esta página continuará sola cuando lo hagas.',
    decoupledWaiting: 'Esperando tu aprobación…',
    decoupledApproved: 'Ya lo he aprobado',
    decoupledTimedOut: {
      title: 'Tu aprobación no llegó a tiempo',
      text: 'Aprueba la conexión en la app de tu banco y vuelve a intentarlo.',
    },
    validatingTitle: (name) => `Comprobando con ${name}…`,
    validatingTimedOut: {
      title: 'Está tardando más de lo habitual',
      text: 'Tu banco aún no ha terminado. Inténtalo de nuevo en un momento.',
    },
    webauth: {
      title: (name) => `Confirma en la web de ${name}`,
      text: 'Tu banco te pide que confirmes tu identidad en su propia web. Después volverás aquí.',
    },
    webauthUnavailable: 'Tu banco te pide confirmar en su propia web, que esta aplicación no puede abrir.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Acción necesaria en la web de ${name}`,
        text: 'Tu banco te pide hacer algo en su web, como aceptar nuevas condiciones. Hazlo allí y vuelve a intentarlo.',
      },
      passwordExpired: {
        title: (name) => `Tu contraseña de ${name} ha caducado`,
        text: 'Cambia tu contraseña en la web de tu banco y vuelve a intentarlo.',
      },
    },
    openBankWebsite: (name) => `Abrir la web de ${name}`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} limita las conexiones ahora mismo`,
        text: 'Tu banco está recibiendo demasiadas solicitudes. Inténtalo más tarde.',
      },
      websiteUnavailable: {
        title: (name) => `${name} no está disponible ahora mismo`,
        text: 'La web o el servicio de tu banco no funciona. Inténtalo más tarde.',
      },
      bug: {
        title: (name) => `No se pudo contactar con ${name}`,
        text: 'Algo falló al comunicar con tu banco. Inténtalo más tarde.',
      },
    },
    connectAnother: 'Conectar otro banco',
    outcomes: {
      accessDenied: {
        title: 'Saliste antes de terminar',
        text: 'No se conectó nada. Puedes volver a intentarlo cuando quieras.',
      },
      tosDeclined: {
        title: 'Rechazaste las condiciones',
        text: 'Tu banco no se puede conectar sin aceptarlas.',
      },
      sessionExpired: {
        title: 'Ha tardado demasiado',
        text: 'Por tu seguridad, la página segura se cerró. Inténtalo de nuevo.',
      },
      serverError: {
        title: 'La página segura tuvo un problema',
        text: 'No se conectó nada. Inténtalo de nuevo en un momento.',
      },
      forged: {
        title: 'Este enlace no se puede usar',
        text: 'Ya se usó o no viene de esta aplicación. Vuelve a empezar desde la aplicación.',
      },
      unknown: {
        title: 'La conexión no se completó',
        text: 'No se conectó nada. Inténtalo de nuevo.',
      },
    },
  },
};
