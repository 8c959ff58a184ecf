/** The words of the e-mails, Dutch and English. Placeholders are filled by templates.ts, escaped for HTML there. */
import type { Language, ReporterStatusEvent } from './schemas.ts';

export interface TemplateTexts {
  greeting: string;
  signature: string;
  confirmation: {
    subject: (code: string) => string;
    intro: (category: string) => string;
    code: (code: string) => string;
    holder: (name: string) => string;
    deadline: (date: string) => string;
    statusLink: string;
  };
  status: Record<ReporterStatusEvent, { subject: (code: string) => string; body: (partner: string) => string }>;
  textLabel: Record<'question' | 'explanation', string>;
  feedbackLink: string;
  answerLink: string;
  statusLink: string;
  follower: {
    subject: (category: string) => string;
    body: (category: string) => string;
    why: string;
    unsubscribe: string;
  };
}

const nl: TemplateTexts = {
  greeting: 'Beste melder,',
  signature: 'Met vriendelijke groet,\nGemeente — Wijkpost',
  confirmation: {
    subject: (code) => `Uw melding is ontvangen (${code})`,
    intro: (category) => `Bedankt voor uw melding over ${category}. Wij hebben deze ontvangen.`,
    code: (code) => `Uw meldingscode is ${code}. Met deze code ziet u de stand van zaken.`,
    holder: (name) => `De melding is in behandeling bij ${name}.`,
    deadline: (date) => `Wij handelen de melding af vóór ${date}.`,
    statusLink: 'Bekijk uw melding',
  },
  status: {
    planned: { subject: (c) => `Uw melding ${c} is ingepland`, body: () => 'Wij hebben uw melding ingepland.' },
    waiting_for_reporter: {
      subject: (c) => `Een vraag over uw melding ${c}`,
      body: () => 'Wij hebben een vraag over uw melding. Wilt u ons antwoorden?',
    },
    forwarded: {
      subject: (c) => `Uw melding ${c} is doorgestuurd`,
      body: (partner) => `Wij hebben uw melding doorgestuurd naar ${partner}, die haar verder afhandelt.`,
    },
    resolved: { subject: (c) => `Uw melding ${c} is afgehandeld`, body: () => 'Wij hebben uw melding afgehandeld.' },
    cancelled: {
      subject: (c) => `Uw melding ${c} is geannuleerd`,
      body: () => 'Wij hebben uw melding geannuleerd.',
    },
  },
  textLabel: { question: 'Onze vraag:', explanation: 'Toelichting:' },
  feedbackLink: 'Is het probleem opgelost? Laat het ons weten',
  answerLink: 'Beantwoord de vraag',
  statusLink: 'Bekijk uw melding',
  follower: {
    subject: (category) => `Nieuws over de melding die u volgt (${category})`,
    body: (category) => `De melding over ${category} die u volgt, is bijgewerkt.`,
    why: 'U krijgt dit bericht omdat u deze melding volgt.',
    unsubscribe: 'Geen berichten meer over deze melding',
  },
};

const en: TemplateTexts = {
  greeting: 'Dear reporter,',
  signature: 'Kind regards,\nThe municipality — Wijkpost',
  confirmation: {
    subject: (code) => `We received your report (${code})`,
    intro: (category) => `Thank you for your report about ${category}. We have received it.`,
    code: (code) => `Your tracking code is ${code}. Use it to see how your report is doing.`,
    holder: (name) => `Your report is being handled by ${name}.`,
    deadline: (date) => `We will deal with it before ${date}.`,
    statusLink: 'View your report',
  },
  status: {
    planned: { subject: (c) => `Your report ${c} has been scheduled`, body: () => 'We have scheduled your report.' },
    waiting_for_reporter: {
      subject: (c) => `A question about your report ${c}`,
      body: () => 'We have a question about your report. Could you answer it?',
    },
    forwarded: {
      subject: (c) => `Your report ${c} has been forwarded`,
      body: (partner) => `We have forwarded your report to ${partner}, who will handle it further.`,
    },
    resolved: { subject: (c) => `Your report ${c} has been resolved`, body: () => 'We have resolved your report.' },
    cancelled: { subject: (c) => `Your report ${c} has been cancelled`, body: () => 'We have cancelled your report.' },
  },
  textLabel: { question: 'Our question:', explanation: 'Explanation:' },
  feedbackLink: 'Has the problem been solved? Let us know',
  answerLink: 'Answer the question',
  statusLink: 'View your report',
  follower: {
    subject: (category) => `News about the report you follow (${category})`,
    body: (category) => `The report about ${category} that you follow has been updated.`,
    why: 'You receive this message because you follow this report.',
    unsubscribe: 'No more messages about this report',
  },
};

export const templateTexts: Record<Language, TemplateTexts> = { nl, en };

export const statusNames: Record<Language, Record<ReporterStatusEvent, string>> = {
  nl: {
    planned: 'ingepland',
    waiting_for_reporter: 'wacht op melder',
    forwarded: 'doorgestuurd',
    resolved: 'afgehandeld',
    cancelled: 'geannuleerd',
  },
  en: {
    planned: 'scheduled',
    waiting_for_reporter: 'waiting for the reporter',
    forwarded: 'forwarded',
    resolved: 'resolved',
    cancelled: 'cancelled',
  },
};
