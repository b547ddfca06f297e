import { formatNumber } from '../locale.ts';
import type { Messages } from '../messages.ts';

/** "1 bank", "2 banks", "1,234 banks". */
const banks = (count: number) => (count === 1 ? '1 bank' : `${formatNumber('en', count)} banks`);

/** Every string in English: built into the components, the fallback for whatever a table or an override leaves out. */
export const en: Messages = {
  common: {
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
  picker: {
    countryLabel: 'Country',
    allCountries: 'All countries',
    countryCount: banks,
    searchLabel: 'Search for your bank',
    searchPlaceholder: 'Bank name, e.g. Société Générale',
    clearSearch: 'Clear search',
    listLabel: 'Banks',
    popularHeading: 'Popular',
    allHeading: 'All banks',
    resultCount: (count) => (count === 0 ? 'No bank found' : `${banks(count)} found`),
    noResults: (query) => `No bank matches “${query}”.`,
    noResultsHint: 'Check the spelling, try fewer words, or choose another country.',
    searchAllCountries: (count) => `Search all countries (${banks(count)})`,
    empty: 'No bank is available here yet.',
    notListed: 'My bank is not listed',
    refreshFailed: 'Could not refresh the list: it shows the banks as last loaded.',
    badges: { beta: 'Beta', restricted: 'Unavailable', unstable: 'May be unstable' },
    restrictedReason: 'New connections to this bank are not possible at the moment.',
  },
  form: {
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
  connect: {
    handoffOpening: (name) => `Opening ${name}’s secure page…`,
    handoffHint: (name) => `You will finish on a secure page for ${name}, then come back here.`,
    handoffContinue: 'Continue to the secure page',
    callbackReading: 'Checking how it went…',
    connectedTitle: (name) => `${name} is connected`,
    connectedTitleUnnamed: 'Your bank is connected',
    connectedText: (count) =>
      count === 1
        ? 'Your accounts will now be kept up to date.'
        : `${formatNumber('en', count)} connections were added.`,
    deleted: { title: 'The connection was removed', text: 'Its accounts will no longer be updated.' },
    done: 'Continue',
    startAgain: 'Start again',
    connecting: (name) => `Connecting to ${name}…`,
    connectingHint: 'Your bank is checking your details. This can take a minute or two.',
    elapsedLabel: 'Time elapsed',
    cancel: 'Cancel',
    fieldsTitle: (name) => `${name} needs more information`,
    fieldsSubmit: 'Send',
    decoupledTitle: (name) => `Approve in your ${name} app`,
    decoupledHint: 'Open your bank’s app and approve the connection. This page goes on by itself once you have.',
    decoupledWaiting: 'Waiting for your approval…',
    decoupledApproved: 'I have approved',
    decoupledTimedOut: {
      title: 'Your approval did not arrive in time',
      text: 'Approve the connection in your bank’s app, then try again.',
    },
    validatingTitle: (name) => `Checking with ${name}…`,
    validatingTimedOut: {
      title: 'This is taking longer than usual',
      text: 'Your bank has not finished yet. Please try again in a moment.',
    },
    webauth: {
      title: (name) => `Confirm on ${name}’s website`,
      text: 'Your bank asks you to confirm it is you on its own website. You will come back here afterwards.',
    },
    webauthUnavailable: 'Your bank asks you to confirm on its own website, which this app cannot open.',
    bankActions: {
      actionNeeded: {
        title: (name) => `Action needed on ${name}’s website`,
        text: 'Your bank asks you to do something on its website, such as accepting new terms. Do it there, then try again.',
      },
      passwordExpired: {
        title: (name) => `Your ${name} password has expired`,
        text: 'Change your password on your bank’s website, then try again.',
      },
    },
    openBankWebsite: (name) => `Open ${name}’s website`,
    retryLater: {
      rateLimiting: {
        title: (name) => `${name} limits connections right now`,
        text: 'Your bank is receiving too many requests. Please try again later.',
      },
      websiteUnavailable: {
        title: (name) => `${name} is unavailable right now`,
        text: 'Your bank’s website or service is down. Please try again later.',
      },
      bug: {
        title: (name) => `${name} could not be reached`,
        text: 'Something went wrong while talking to your bank. Please try again later.',
      },
    },
    connectAnother: 'Connect another bank',
    outcomes: {
      accessDenied: {
        title: 'You left before finishing',
        text: 'Nothing was connected. You can try again whenever you are ready.',
      },
      tosDeclined: {
        title: 'You declined the terms',
        text: 'Your bank cannot be connected without accepting them.',
      },
      sessionExpired: {
        title: 'That took too long',
        text: 'For your security, the secure page closed. Please try again.',
      },
      serverError: {
        title: 'The secure page ran into a problem',
        text: 'Nothing was connected. Please try again in a moment.',
      },
      forged: {
        title: 'This link cannot be used',
        text: 'It was already used, or it did not come from this app. Please start again from the app.',
      },
      unknown: {
        title: 'The connection did not go through',
        text: 'Nothing was connected. Please try again.',
      },
    },
  },
};
