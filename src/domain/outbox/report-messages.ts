/**
 * The messages a change of a report causes: to its reporter (when they left an e-mail address), to its
 * followers, and, for a forward, to the partner organisation on its delivery channel. The reports area calls
 * `enqueueReportChange` inside the transaction of the change.
 */
import type { Queryable } from '../../db/db.ts';
import { enqueueMessages } from './enqueue-messages.ts';
import type { Language, NewOutboxMessage, ReporterStatusEvent } from './schemas.ts';

export interface ReportChange {
  reportId: string;
  /** The report's version after the change: it names the event. */
  version: number;
  status: ReporterStatusEvent;
  /** The text for the reporter (the question, the explanation), or the forward's note to the partner. */
  text: string | null;
  at: Date;
  /** For a forward: the partner organisation it went to. */
  partnerId?: string | undefined;
}

interface ReportFacts {
  municipality_code: string;
  tracking_code: string;
  reporter_email: string | null;
  reporter_language: Language;
  category_nl: string;
  category_en: string;
  description: string;
  address_text: string | null;
  deadline: Date;
  followers: { id: string; email: string; language: Language }[];
}

interface PartnerFacts {
  id: string;
  name: string;
  delivery_channel: 'workspace' | 'email' | 'webhook';
  delivery_email: string | null;
  webhook_url: string | null;
}

async function readFacts(tx: Queryable, reportId: string): Promise<ReportFacts | null> {
  const { rows } = await tx.query<ReportFacts>(
    `SELECT r.municipality_code, r.tracking_code, r.reporter_email, r.reporter_language, c.name_nl AS category_nl,
            c.name_en AS category_en, r.description, r.address_text, r.deadline,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('id', f.id, 'email', f.email, 'language', f.language)
                                ORDER BY f.created_at)
                        FROM report_followers f WHERE f.report_id = r.id), '[]'::jsonb) AS followers
       FROM reports r JOIN categories c ON c.id = r.category_id
      WHERE r.id = $1`,
    [reportId],
  );
  return rows[0] ?? null;
}

async function readPartner(tx: Queryable, partnerId: string): Promise<PartnerFacts | null> {
  const { rows } = await tx.query<PartnerFacts>(
    "SELECT id, name, delivery_channel, delivery_email, webhook_url FROM teams WHERE id = $1 AND kind = 'partner'",
    [partnerId],
  );
  return rows[0] ?? null;
}

function partnerMessages(report: ReportFacts, change: ReportChange, partner: PartnerFacts): NewOutboxMessage[] {
  const category = { nl: report.category_nl, en: report.category_en };
  if (partner.delivery_channel === 'email' && partner.delivery_email) {
    const payload = {
      language: 'nl' as const,
      reportId: change.reportId,
      partnerName: partner.name,
      category,
      description: report.description,
      addressText: report.address_text,
      deadline: report.deadline.toISOString(),
      text: change.text,
    };
    return [{ channel: 'email', recipient: partner.delivery_email, template: 'partner_forward', payload }];
  }
  if (partner.delivery_channel === 'webhook' && partner.webhook_url) {
    const body = {
      event: 'report.forwarded',
      reportId: change.reportId,
      municipalityCode: report.municipality_code,
      forwardedAt: change.at.toISOString(),
      category,
      description: report.description,
      address: report.address_text,
      deadline: report.deadline.toISOString(),
      text: change.text,
    };
    return [
      {
        channel: 'webhook',
        recipient: partner.webhook_url,
        template: 'report.forwarded',
        payload: { partnerId: partner.id, body },
      },
    ];
  }
  return [];
}

export async function enqueueReportChange(tx: Queryable, change: ReportChange): Promise<number> {
  const report = await readFacts(tx, change.reportId);
  if (!report) return 0;
  const partner = change.partnerId ? await readPartner(tx, change.partnerId) : null;
  const partnerName = partner?.name ?? null;
  const category = { nl: report.category_nl, en: report.category_en };
  const messages: NewOutboxMessage[] = [];
  if (report.reporter_email) {
    messages.push({
      channel: 'email',
      recipient: report.reporter_email,
      template: 'status_update',
      payload: {
        language: report.reporter_language,
        trackingCode: report.tracking_code,
        status: change.status,
        text: change.text && change.status !== 'forwarded' ? change.text : null,
        partnerName,
      },
    });
  }
  // A question is for the reporter alone; followers hear of the other changes, without the reporter's texts.
  if (change.status !== 'waiting_for_reporter') {
    for (const follower of report.followers) {
      if (report.reporter_email?.toLowerCase() === follower.email.toLowerCase()) continue;
      messages.push({
        channel: 'email',
        recipient: follower.email,
        template: 'follower_update',
        payload: { language: follower.language, followerId: follower.id, category, status: change.status, partnerName },
      });
    }
  }
  if (partner) messages.push(...partnerMessages(report, change, partner));
  return enqueueMessages(
    tx,
    {
      municipalityCode: report.municipality_code,
      reportId: change.reportId,
      eventKey: `report:${change.reportId}:v${change.version}`,
      at: change.at,
    },
    messages,
  );
}
