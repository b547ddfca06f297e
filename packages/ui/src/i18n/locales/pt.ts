import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** Every string in Portuguese: `<LocaleProvider locale="pt" messages={pt}>`. */
export const pt: Messages = {
  common: {
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
  picker: {
    countryLabel: 'País',
    allCountries: 'Todos os países',
    countryCount: (count) => (count === 1 ? '1 banco' : `${formatNumber('pt', count)} bancos`),
    searchLabel: 'Procure o seu banco',
    searchPlaceholder: 'Nome do banco, p. ex. Caixa Geral de Depósitos',
    clearSearch: 'Limpar a pesquisa',
    listLabel: 'Bancos',
    popularHeading: 'Populares',
    allHeading: 'Todos os bancos',
    resultCount: (count) =>
      count === 0
        ? 'Nenhum banco encontrado'
        : count === 1
          ? '1 banco encontrado'
          : `${formatNumber('pt', count)} bancos encontrados`,
    noResults: (query) => `Nenhum banco corresponde a «${query}».`,
    noResultsHint: 'Verifique a ortografia, experimente menos palavras ou escolha outro país.',
    searchAllCountries: (count) =>
      count === 1
        ? 'Pesquisar em todos os países (1 banco)'
        : `Pesquisar em todos os países (${formatNumber('pt', count)} bancos)`,
    empty: 'Ainda não há bancos disponíveis aqui.',
    notListed: 'O meu banco não está na lista',
    refreshFailed: 'Não foi possível atualizar a lista: mostra os bancos tal como foram carregados da última vez.',
    badges: { beta: 'Beta', restricted: 'Indisponível', unstable: 'Pode estar instável' },
    restrictedReason: 'De momento não é possível adicionar ligações a este banco.',
  },
  form: {
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
  connect: {
    handoffOpening: (name) => `A abrir a página segura de ${name}…`,
    handoffHint: (name) => `Vai concluir numa página segura para ${name} e depois voltar aqui.`,
    handoffContinue: 'Continuar para a página segura',
    callbackReading: 'A verificar o resultado…',
    connectedTitle: (name) => `Ligação a ${name} concluída`,
    connectedTitleUnnamed: 'O seu banco está ligado',
    connectedText: (count) =>
      count === 1
        ? 'As suas contas passam a ser mantidas atualizadas.'
        : `Foram adicionadas ${formatNumber('pt', count)} ligações.`,
    deleted: { title: 'A ligação foi removida', text: 'As respetivas contas deixam de ser atualizadas.' },
    done: 'Continuar',
    startAgain: 'Recomeçar',
    connecting: (name) => `A ligar a ${name}…`,
    connectingHint: 'O seu banco está a verificar os seus dados. Pode demorar um ou dois minutos.',
    elapsedLabel: 'Tempo decorrido',
    cancel: 'Cancelar',
    fieldsTitle: (name) => `${name} precisa de mais informações`,
    fieldsSubmit: 'Enviar',
    decoupledTitle: (name) => `Aprove na aplicação ${name}`,
    decoupledHint: 'Abra a aplicação do seu banco e aprove a ligação. Esta página continua sozinha depois disso.',
    decoupledWaiting: 'A aguardar a sua aprovação…',
    decoupledApproved: 'Já aprovei',
    decoupledTimedOut: {
      title: 'A sua aprovação não chegou a tempo',
      text: 'Aprove a ligação na aplicação do seu banco e tente novamente.',
    },
    validatingTitle: (name) => `A verificar com ${name}…`,
    validatingTimedOut: {
      title: 'Está a demorar mais do que o habitual',
      text: 'O seu banco ainda não terminou. Tente novamente dentro de momentos.',
    },
    webauth: {
      title: (name) => `Confirme no site de ${name}`,
      text: 'O seu banco pede-lhe que confirme a sua identidade no próprio site. Depois volta aqui.',
    },
    webauthUnavailable: 'O seu banco pede uma confirmação no próprio site, que esta aplicação não consegue abrir.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Ação necessária no site de ${name}`,
        text: 'O seu banco pede-lhe que faça algo no site, como aceitar novos termos. Faça-o lá e tente novamente.',
      },
      passwordExpired: {
        title: (name) => `A sua palavra-passe de ${name} expirou`,
        text: 'Altere a palavra-passe no site do seu banco e tente novamente.',
      },
    },
    openBankWebsite: (name) => `Abrir o site de ${name}`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} está a limitar ligações de momento`,
        text: 'O seu banco está a receber demasiados pedidos. Tente novamente mais tarde.',
      },
      websiteUnavailable: {
        title: (name) => `${name} está indisponível de momento`,
        text: 'O site ou o serviço do seu banco está em baixo. Tente novamente mais tarde.',
      },
      bug: {
        title: (name) => `Não foi possível contactar ${name}`,
        text: 'Algo correu mal na comunicação com o seu banco. Tente novamente mais tarde.',
      },
    },
    connectAnother: 'Ligar outro banco',
    outcomes: {
      accessDenied: {
        title: 'Saiu antes de terminar',
        text: 'Nada foi ligado. Pode tentar novamente quando quiser.',
      },
      tosDeclined: {
        title: 'Recusou os termos',
        text: 'O seu banco não pode ser ligado sem os aceitar.',
      },
      sessionExpired: {
        title: 'Demorou demasiado tempo',
        text: 'Por segurança, a página segura foi fechada. Tente novamente.',
      },
      serverError: {
        title: 'A página segura teve um problema',
        text: 'Nada foi ligado. Tente novamente dentro de momentos.',
      },
      forged: {
        title: 'Este link não pode ser usado',
        text: 'Já foi usado ou não veio desta aplicação. Recomece a partir da aplicação.',
      },
      unknown: {
        title: 'A ligação não foi concluída',
        text: 'Nada foi ligado. Tente novamente.',
      },
    },
  },
};
