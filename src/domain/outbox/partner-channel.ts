/**
 * How a partner organisation hears of a forward (teams.delivery_channel): only in its Wijkpost workspace, by
 * e-mail, or by a signed webhook. The webhook secret is write-only: answers say whether one is set, never what.
 */
import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import type { PartnerChannel, PartnerChannelBody } from './schemas.ts';

interface ChannelRow {
  delivery_channel: PartnerChannel['channel'];
  delivery_email: string | null;
  webhook_url: string | null;
  has_secret: boolean;
}

const present = (row: ChannelRow): PartnerChannel => ({
  channel: row.delivery_channel,
  email: row.delivery_email,
  webhookUrl: row.webhook_url,
  webhookSecretSet: row.has_secret,
});

async function findChannel(db: Queryable, municipalityCode: string, partnerId: string): Promise<ChannelRow> {
  const { rows } = await db.query<ChannelRow>(
    `SELECT delivery_channel, delivery_email, webhook_url, webhook_secret IS NOT NULL AS has_secret
       FROM teams WHERE id = $1 AND municipality_code = $2 AND kind = 'partner'`,
    [partnerId, municipalityCode],
  );
  if (!rows[0]) throw new DomainError('not_found', 'No partner organisation with this id.');
  return rows[0];
}

export async function getPartnerChannel(
  deps: { db: Queryable },
  input: { municipalityCode: string; partnerId: string },
): Promise<PartnerChannel> {
  return present(await findChannel(deps.db, input.municipalityCode, input.partnerId));
}

export async function setPartnerChannel(
  deps: { db: Queryable },
  input: { municipalityCode: string; partnerId: string; body: PartnerChannelBody },
): Promise<PartnerChannel> {
  const current = await findChannel(deps.db, input.municipalityCode, input.partnerId);
  const { body } = input;
  const problems = [];
  if (body.channel === 'email' && !body.email)
    problems.push({ name: 'body.email', reason: 'required for the e-mail channel', code: 'required' });
  if (body.channel === 'webhook' && !body.webhookUrl)
    problems.push({ name: 'body.webhookUrl', reason: 'required for the webhook channel', code: 'required' });
  if (body.channel === 'webhook' && !body.webhookSecret && !current.has_secret)
    problems.push({ name: 'body.webhookSecret', reason: 'required for a first webhook', code: 'required' });
  if (problems.length) throw new DomainError('validation', 'The delivery channel is incomplete.', problems);
  const { rows } = await deps.db.query<ChannelRow>(
    `UPDATE teams SET delivery_channel = $2, delivery_email = $3, webhook_url = $4,
            webhook_secret = CASE WHEN $4::text IS NULL THEN NULL ELSE COALESCE($5, webhook_secret) END
      WHERE id = $1
     RETURNING delivery_channel, delivery_email, webhook_url, webhook_secret IS NOT NULL AS has_secret`,
    [input.partnerId, body.channel, body.email ?? null, body.webhookUrl ?? null, body.webhookSecret ?? null],
  );
  return present(rows[0]!);
}
