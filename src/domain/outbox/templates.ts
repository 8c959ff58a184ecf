/**
 * Renders an e-mail from its template and payload when it is sent: plain text and accessible HTML from one
 * structure (a heading, paragraphs, a quoted text, links), in the recipient's language. No images, no remote
 * content, no tracking: the HTML is self-contained and says its language.
 */
import { reporterLinkUrl, unsubscribePageUrl, unsubscribeUrl } from './links.ts';
import type { EmailTemplate, Language, TemplatePayloads } from './schemas.ts';
import { statusNames, templateTexts } from './template-texts.ts';

export interface RenderContext {
  publicBaseUrl: string;
  linkSecret: string;
  /** The municipality's zone, for dates. */
  timeZone: string;
  reportId: string | null;
  /** When the message was written: reporter links expire counted from it. */
  createdAt: Date;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe target (follower updates). */
  unsubscribeUrl: string | null;
}

interface Body {
  language: Language;
  subject: string;
  paragraphs: string[];
  quote?: { label: string; text: string } | undefined;
  links: { label: string; url: string }[];
  footer?: string[];
  unsubscribeUrl?: string | null;
}

const base = (url: string) => url.replace(/\/$/, '');

function formatDate(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

type Builder<T extends EmailTemplate> = (payload: TemplatePayloads[T], ctx: RenderContext) => Body;

const builders: { [T in EmailTemplate]: Builder<T> } = {
  confirmation: (p, ctx) => {
    const t = templateTexts[p.language];
    return {
      language: p.language,
      subject: t.confirmation.subject(p.trackingCode),
      paragraphs: [
        t.greeting,
        t.confirmation.intro(p.category[p.language]),
        t.confirmation.code(p.trackingCode),
        t.confirmation.holder(p.assigneeName),
        t.confirmation.deadline(formatDate(p.deadline, p.language, ctx.timeZone)),
      ],
      links: [{ label: t.confirmation.statusLink, url: `${base(ctx.publicBaseUrl)}/melding/${p.trackingCode}` }],
    };
  },
  status_update: (p, ctx) => {
    const t = templateTexts[p.language];
    const links = [{ label: t.statusLink, url: `${base(ctx.publicBaseUrl)}/melding/${p.trackingCode}` }];
    const purpose = p.status === 'resolved' ? 'feedback' : p.status === 'waiting_for_reporter' ? 'answer' : null;
    if (purpose && ctx.reportId) {
      const url = reporterLinkUrl(
        ctx.publicBaseUrl,
        { purpose, reportId: ctx.reportId, issuedAt: ctx.createdAt },
        ctx.linkSecret,
      );
      links.unshift({ label: purpose === 'feedback' ? t.feedbackLink : t.answerLink, url });
    }
    return {
      language: p.language,
      subject: t.status[p.status].subject(p.trackingCode),
      paragraphs: [t.greeting, t.status[p.status].body(p.partnerName ?? '')],
      quote: p.text
        ? { label: t.textLabel[p.status === 'waiting_for_reporter' ? 'question' : 'explanation'], text: p.text }
        : undefined,
      links,
    };
  },
  follower_update: (p, ctx) => {
    const t = templateTexts[p.language];
    const category = p.category[p.language];
    const unsubscribe = unsubscribeUrl(ctx.publicBaseUrl, p.followerId, ctx.linkSecret);
    const status = statusNames[p.language][p.status];
    return {
      language: p.language,
      subject: t.follower.subject(category),
      paragraphs: [
        t.follower.body(category),
        p.status === 'forwarded' && p.partnerName ? t.status.forwarded.body(p.partnerName) : `Status: ${status}.`,
      ],
      links: [
        { label: t.follower.unsubscribe, url: unsubscribePageUrl(ctx.publicBaseUrl, p.followerId, ctx.linkSecret) },
      ],
      footer: [t.follower.why],
      unsubscribeUrl: unsubscribe,
    };
  },
  partner_forward: (p, ctx) => ({
    language: p.language,
    subject: `Doorgestuurde melding: ${p.category.nl}`,
    paragraphs: [
      `Beste ${p.partnerName},`,
      `De gemeente heeft een melding over ${p.category.nl} aan u doorgestuurd.`,
      ...(p.addressText ? [`Adres: ${p.addressText}`] : []),
      `Omschrijving: ${p.description}`,
      `Graag afgehandeld vóór ${formatDate(p.deadline, 'nl', ctx.timeZone)}.`,
    ],
    quote: p.text ? { label: 'Toelichting van de gemeente:', text: p.text } : undefined,
    links: [{ label: 'Open de melding in Wijkpost', url: `${base(ctx.publicBaseUrl)}/werk/melding/${p.reportId}` }],
  }),
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const htmlLines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function toText(body: Body): string {
  const signature = templateTexts[body.language].signature;
  return [
    ...body.paragraphs,
    ...(body.quote ? [`${body.quote.label}\n${body.quote.text}`] : []),
    ...body.links.map((link) => `${link.label}:\n${link.url}`),
    signature,
    ...(body.footer ?? []),
  ].join('\n\n');
}

function toHtml(body: Body): string {
  const signature = templateTexts[body.language].signature;
  return [
    '<!DOCTYPE html>',
    `<html lang="${body.language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    '<main>',
    `<h1 style="font-size: 1.25em;">${escapeHtml(body.subject)}</h1>`,
    ...body.paragraphs.map((p) => `<p>${htmlLines(p)}</p>`),
    ...(body.quote
      ? [
          `<p><strong>${escapeHtml(body.quote.label)}</strong></p>`,
          `<blockquote><p>${htmlLines(body.quote.text)}</p></blockquote>`,
        ]
      : []),
    ...body.links.map((link) => `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`),
    `<p>${htmlLines(signature)}</p>`,
    '</main>',
    ...(body.footer?.length
      ? [`<footer>${body.footer.map((f) => `<p><small>${htmlLines(f)}</small></p>`).join('')}</footer>`]
      : []),
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderEmail<T extends EmailTemplate>(
  template: T,
  payload: TemplatePayloads[T],
  ctx: RenderContext,
): RenderedEmail {
  const body = (builders[template] as Builder<T>)(payload, ctx);
  return { subject: body.subject, text: toText(body), html: toHtml(body), unsubscribeUrl: body.unsubscribeUrl ?? null };
}
