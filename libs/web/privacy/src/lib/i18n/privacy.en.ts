import type { DeepStrings } from '@civitas/web/ui';
import type { privacyPl } from './privacy.pl';

/** English texts of the privacy centre, the privacy notice and the office's privacy pages. */
export const privacyEn: DeepStrings<typeof privacyPl> = {
  nav: { centre: 'Privacy', office: 'Data protection' },
  centre: {
    title: 'Privacy centre',
    intro:
      'Exercise your rights over your personal data (GDPR) here: access and a copy, rectification, erasure, restriction of processing, objection and withdrawing consent.',
    noticeLink: 'Read the privacy notice',
  },
  export: {
    title: 'Download all your data',
    intro:
      'A ZIP archive with data.json (machine-readable data from every part of the service) and the files you uploaded.',
    button: 'Download my data',
    done: 'The archive has been downloaded.',
    failed: 'The archive could not be downloaded. Please try again.',
  },
  correct: {
    title: 'Correct your data',
    intro:
      'Correct your name, position, department and phone in your profile. Change your e-mail address here.',
    link: 'Go to my profile',
  },
  email: {
    title: 'Change your e-mail address',
    current: 'Your address: {{email}}',
    intro:
      'We send a confirmation link to the new address, valid for 24 hours. The address changes only when you open the link while signed in; your current address gets a notice. Your other devices are then signed out.',
    newEmail: 'New e-mail address',
    password: 'Current password',
    button: 'Send the confirmation link',
    pending:
      'We sent a link to {{email}}. Open it by {{date}} while signed in. Until then your address stays as it is. A new request replaces this one.',
    invalid: 'Enter an e-mail address like name@example.com.',
    same: 'This is your current address.',
    taken: 'This address is already used by another Civitas account. Choose another one.',
    wrongPassword: 'The password is wrong.',
  },
  confirmEmail: {
    title: 'Confirm your new e-mail address',
    working: 'Changing your address…',
    done: 'Done. Your account’s e-mail address is now {{email}}. Your other devices were signed out.',
    expired: 'This link has expired (it works for 24 hours). Ask for the change again.',
    used: 'This link has already been used — your address was changed.',
    invalid:
      'This link is not valid, or it was cancelled by a newer change request or by a new password. Open the link in the latest message or ask for the change again.',
    taken:
      'This address is already used by another Civitas account. Ask to change to another address.',
    missing: 'The confirmation code is missing from the address. Open the link from the e-mail.',
    again: 'Back to the privacy centre',
  },
  consents: {
    title: 'Your consents',
    empty: 'You have not given any consent yet.',
    granted: 'Given on {{date}}',
    withdrawn: 'Withdrawn on {{date}}',
    version: 'Wording version: {{version}}',
    withdraw: 'Withdraw consent',
    withdrawnNow: 'Consent withdrawn. This takes effect at once.',
    purpose: {
      NEWSLETTER: 'Newsletter',
      EMAIL_NOTIFICATIONS: 'E-mail notifications',
      EVENT_DATA_SHARING: "Sharing event participants' data",
    },
  },
  restrict: {
    title: 'Restrict processing',
    intro:
      'While processing is restricted you are not shown in the people directory or group member lists, and the service sends you no e-mail.',
    reason: 'Reason',
    button: 'Restrict processing',
    active: 'Processing of your data has been restricted since {{date}}.',
    lift: 'End the restriction',
  },
  object: {
    title: 'Object to processing',
    intro:
      'The office decides on an objection within one month. See the answer under "Your requests".',
    reason: 'Grounds for your objection',
    button: 'Send the objection',
    done: 'Your objection has been sent to the office.',
  },
  other: {
    title: 'Another request',
    intro: 'Describe what you need. The office answers within one month.',
    reason: 'Your request',
    button: 'Send the request',
    done: 'Your request has been sent to the office.',
  },
  requests: {
    title: 'Your requests',
    empty: 'You have no requests.',
    caption: 'Your requests, their deadline and outcome',
    col: {
      kind: 'Kind',
      createdAt: 'Filed',
      status: 'Status',
      dueOn: 'Answer due',
      outcome: "The office's answer",
    },
    kind: {
      RESTRICTION: 'Restriction of processing',
      RESTRICTION_LIFTED: 'Restriction ended',
      OBJECTION: 'Objection',
      OTHER: 'Other request',
    },
    status: { OPEN: 'Waiting', RESOLVED: 'Resolved' },
    overdue: 'overdue',
  },
  erase: {
    title: 'Erase your account and data',
    intro:
      'Your account is closed after 14 days; until then it keeps working and you can change your mind. Your posts, messages and comments stay in their threads as "Anonymous user", without your data. Files in groups stay with the groups.',
    password: 'Password (to confirm)',
    wrongPassword: 'The password is wrong.',
    button: 'Erase my account',
    confirmTitle: 'Erase your account?',
    confirmBody:
      'In 14 days your account will be closed and your personal data erased. Once that date has passed this cannot be undone.',
    confirm: 'Yes, erase my account',
    pending: 'Your account is due to be erased on {{date}}.',
    cancel: 'Cancel the erasure',
    cancelled: 'You cancelled the erasure of your account.',
  },
  notice: {
    title: 'Privacy notice',
    version: 'Version {{version}} of {{date}}',
    none: 'The notice has not been published yet.',
    gateTitle: 'The privacy notice has changed',
    gateIntro: 'Please read the new version of the notice on how your personal data is processed.',
    acknowledge: 'I have read it',
  },
  office: {
    title: 'Data protection — office',
    tabs: { requests: 'Requests', consents: 'Consent log', notice: 'Privacy notice' },
    queue: {
      caption: 'Requests to answer, most urgent first',
      empty: 'No requests.',
      status: 'Requests',
      col: { person: 'Person', kind: 'Kind', details: 'Request', dueOn: 'Due', action: 'Answer' },
      note: 'Answer to the person',
      resolve: 'Resolve',
      reference: 'Ref. {{reference}}',
    },
    log: {
      caption: 'Consent log, newest first (read-only)',
      empty: 'No records for these filters.',
      purpose: 'Purpose',
      action: 'Action',
      any: 'All',
      from: 'From',
      to: 'To (inclusive)',
      email: 'E-mail address',
      filter: 'Filter',
      total: 'Records: {{count}}',
      col: {
        when: 'When',
        who: 'Who',
        purpose: 'Purpose',
        action: 'Action',
        version: 'Wording version',
        source: 'Source',
      },
      account: 'account {{id}}',
      erased: 'data erased',
      actionName: { GRANTED: 'given', WITHDRAWN: 'withdrawn' },
      source: {
        NEWSLETTER_FORM: 'newsletter form',
        NEWSLETTER_CONFIRMATION: 'newsletter confirmation',
        NEWSLETTER_UNSUBSCRIBE: 'newsletter unsubscribe',
        NOTIFICATION_SETTINGS: 'notification settings',
        EVENT_REGISTRATION: 'event registration',
        PRIVACY_CENTRE: 'privacy centre',
        ACCOUNT_ERASURE: 'account erasure',
        EMAIL_CHANGE: 'e-mail address change',
      },
    },
    publish: {
      intro: 'People are shown a new version at their next sign-in. Markdown.',
      pl: 'Polish text',
      en: 'English text',
      button: 'Publish a new version',
      done: 'Version {{version}} published.',
    },
  },
};
