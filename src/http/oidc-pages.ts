import type { OidcRefusal } from '../domain/people/index.ts';

/** Refusals before an identity is known: no (or an old) attempt, a failed check, an unreachable provider. */
export type RefusalReason = 'expired' | 'failed' | 'unavailable';

const messages: Record<RefusalReason | OidcRefusal, { nl: string; en: string }> = {
  expired: {
    nl: 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw.',
    en: 'This sign-in attempt has expired or was already used. Please start again.',
  },
  failed: {
    nl: 'Het antwoord van de identiteitsprovider klopt niet. Begin opnieuw.',
    en: "The identity provider's answer did not check out. Please start again.",
  },
  unavailable: {
    nl: 'De identiteitsprovider is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    en: 'The identity provider cannot be reached just now. Please try again in a few minutes.',
  },
  no_role: {
    nl: 'U bent bij de identiteitsprovider aangemeld, maar u hebt geen rol in Wijkpost. Vraag de functioneel beheerder om toegang.',
    en: 'You are signed in at the identity provider, but you have no role in Wijkpost. Ask the administrator for access.',
  },
  ambiguous: {
    nl: 'Uw groepen geven rollen in meer dan één gemeente. Vraag de functioneel beheerder dit recht te zetten.',
    en: 'Your groups give roles in more than one municipality. Ask the administrator to correct this.',
  },
  inactive: {
    nl: 'Uw Wijkpost-account is gedeactiveerd. Vraag de functioneel beheerder om toegang.',
    en: 'Your Wijkpost account has been deactivated. Ask the administrator for access.',
  },
  other_municipality: {
    nl: 'Uw account hoort bij een andere gemeente dan uw groepen nu aangeven. Vraag de functioneel beheerder om hulp.',
    en: 'Your account belongs to another municipality than your groups now say. Ask the administrator for help.',
  },
  no_email: {
    nl: 'De identiteitsprovider gaf geen e-mailadres door. Vraag de functioneel beheerder om hulp.',
    en: 'The identity provider did not pass on an e-mail address. Ask the administrator for help.',
  },
  email_taken: {
    nl: 'Er bestaat al een Wijkpost-account met uw e-mailadres. Vraag de functioneel beheerder om hulp.',
    en: 'A Wijkpost account with your e-mail address already exists. Ask the administrator for help.',
  },
};

/** A small page of its own (the web app may not be built): Dutch first, English below, one way back. */
export function refusalPage(reason: RefusalReason | OidcRefusal, retryPath: string): string {
  const { nl, en } = messages[reason];
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen niet gelukt – Wijkpost</title></head>
<body>
<main>
<h1>Inloggen niet gelukt</h1>
<p id="reason" data-reason="${reason}">${nl}</p>
<p><a href="${retryPath}">Opnieuw inloggen</a> · <a href="/inloggen">Naar de inlogpagina</a></p>
<section lang="en" aria-labelledby="en-title">
<h2 id="en-title">Sign-in failed</h2>
<p>${en}</p>
<p><a href="${retryPath}">Sign in again</a></p>
</section>
</main>
</body>
</html>
`;
}
