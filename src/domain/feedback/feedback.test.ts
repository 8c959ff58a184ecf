import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { bearerFor, testApp, testConfig } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { buildReportsWorld, emails, GROTE_MARKT, HAARLEM, TEST_NOW } from '../../../test/support/reports-world.ts';
import { createReporterLinkToken, setFeedbackReopenDays, verifyReporterLinkToken } from './index.ts';

const DAY = 86_400_000;
const SECRET = testConfig().LINK_SIGNING_SECRET;
const REPORT = '6f1c2b9e-3d4a-4e5f-8a7b-0c1d2e3f4a5b';

describe('reporter link tokens', () => {
  const now = new Date(TEST_NOW);
  const token = createReporterLinkToken(
    { reportId: REPORT, purpose: 'feedback', expiresAt: new Date(now.getTime() + DAY) },
    SECRET,
  );
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof DomainError ? error.code : 'other';
    }
    return 'accepted';
  };

  it('names the report and purpose it was made for, in 72 characters', () => {
    assert.equal(token.length, 72);
    const link = verifyReporterLinkToken(token, { purpose: 'feedback', now }, SECRET);
    assert.equal(link.reportId, REPORT);
    assert.equal(link.purpose, 'feedback');
  });

  it('refuses a forged, altered or foreign token and one made for the other purpose as "not found"', () => {
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    assert.equal(
      refusal(() => verifyReporterLinkToken(altered, { purpose: 'feedback', now }, SECRET)),
      'not_found',
    );
    assert.equal(
      refusal(() => verifyReporterLinkToken(token, { purpose: 'feedback', now }, `${SECRET}-other`)),
      'not_found',
    );
    assert.equal(
      refusal(() => verifyReporterLinkToken(token, { purpose: 'answer', now }, SECRET)),
      'not_found',
    );
    assert.equal(
      refusal(() => verifyReporterLinkToken('abc', { purpose: 'feedback', now }, SECRET)),
      'not_found',
    );
  });

  it('refuses an expired token as "gone"', () => {
    const later = new Date(now.getTime() + DAY + 1000);
    assert.equal(
      refusal(() => verifyReporterLinkToken(token, { purpose: 'feedback', now: later }, SECRET)),
      'gone',
    );
  });
});

describe('feedback and answers through reporter links', () => {
  let db: Db;
  let app: App;
  let officer: { authorization: string };
  const clock = fixedClock(TEST_NOW);

  const linkFor = (reportId: string, purpose: 'feedback' | 'answer', days = 60) =>
    createReporterLinkToken({ reportId, purpose, expiresAt: new Date(clock.now().getTime() + days * DAY) }, SECRET);
  const newReport = async (): Promise<{ id: string; trackingCode: string }> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: 'Hondenpoep bij de kerk',
        location: GROTE_MARKT,
        reporter: { email: 'melder@example.org', consentToShareWithPartners: false },
      },
      remoteAddress: '198.51.100.30',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const setStatus = async (id: string, status: string, text?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      headers: officer,
      payload: text ? { status, text } : { status },
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const note = async (id: string, text: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/notes`,
      headers: officer,
      payload: { text },
    });
    assert.ok(response.statusCode < 300, response.body);
  };
  const detail = async (id: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: officer });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as {
      status: string;
      assignee: { id: string };
      history: { action: string; actor: { label: string }; text: string | null; toStatus: string | null }[];
    };
  };
  const feedbackRows = async (id: string) =>
    (
      await db.query<{ solved: boolean; reopened: boolean; text: string | null }>(
        'SELECT solved, reopened, text FROM report_feedback WHERE report_id = $1',
        [id],
      )
    ).rows;
  const resolvedReport = async () => {
    clock.set(TEST_NOW);
    const report = await newReport();
    await note(report.id, 'Intern: buurman belt vaker');
    await setStatus(report.id, 'resolved', 'Opgeruimd door de buitendienst.');
    return report;
  };

  before(async () => {
    db = await openTestDb({ empty: true });
    const world = await buildReportsWorld(db);
    app = await testApp(db, {
      clock,
      env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000', FOLLOW_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    officer = await bearerFor(db, world.userId(emails.centrumOfficer));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('shows the text for the reporter on the status page with its date, never an internal note', async () => {
    const report = await resolvedReport();
    const response = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${report.trackingCode}` });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.reporterText.text, 'Opgeruimd door de buitendienst.');
    assert.equal(new Date(body.reporterText.at).getTime(), new Date(TEST_NOW).getTime());
    assert.doesNotMatch(response.body, /Intern|buurman/);
  });

  it('keeps the text of a plain status change off the status page', async () => {
    clock.set(TEST_NOW);
    const report = await newReport();
    await setStatus(report.id, 'in_progress', 'Intern: eerst de sleutel halen');
    const body = (await app.inject({ method: 'GET', url: `/api/v1/public/reports/${report.trackingCode}` })).json();
    assert.equal(body.reporterText, null);
  });

  it('gives the feedback page what it needs and no personal data', async () => {
    const report = await resolvedReport();
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/public/feedback/${linkFor(report.id, 'feedback')}`,
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.trackingCode, report.trackingCode);
    assert.equal(body.status, 'resolved');
    assert.equal(body.reporterText.text, 'Opgeruimd door de buitendienst.');
    assert.equal(body.acceptsFeedback, true);
    assert.equal(body.reopenPossible, true);
    assert.equal(new Date(body.reopenUntil).getTime(), new Date(TEST_NOW).getTime() + 14 * DAY);
    assert.doesNotMatch(response.body, /melder@example|Hondenpoep bij de kerk|Intern/);
  });

  it('reopens the report to its holder on "not solved" within 14 days, with the words by "melder"', async () => {
    const report = await resolvedReport();
    const holder = (await detail(report.id)).assignee.id;
    clock.advance(13 * DAY);
    const token = linkFor(report.id, 'feedback');
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/public/feedback/${token}`,
      payload: { solved: false, satisfaction: 2, text: 'Er ligt nog steeds poep.' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { status: 'reopened', reopened: true, tooLateToReopen: false });
    const after = await detail(report.id);
    assert.equal(after.status, 'reopened');
    assert.equal(after.assignee.id, holder);
    const last = after.history.at(-1)!;
    assert.equal(last.actor.label, 'melder');
    assert.equal(last.toStatus, 'reopened');
    assert.equal(last.text, 'Er ligt nog steeds poep.');
    assert.deepEqual(await feedbackRows(report.id), [
      { solved: false, reopened: true, text: 'Er ligt nog steeds poep.' },
    ]);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/public/feedback/${token}`,
      payload: { solved: true, satisfaction: 5 },
    });
    assert.equal(again.statusCode, 409);
    assert.equal((await feedbackRows(report.id)).length, 1);
  });

  it('stores "not solved" after the period without reopening', async () => {
    const report = await resolvedReport();
    clock.advance(15 * DAY);
    const form = await app.inject({ method: 'GET', url: `/api/v1/public/feedback/${linkFor(report.id, 'feedback')}` });
    assert.equal(form.json().reopenPossible, false);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/public/feedback/${linkFor(report.id, 'feedback')}`,
      payload: { solved: false, satisfaction: 1, text: 'Te laat, maar nog niet weg.' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { status: 'resolved', reopened: false, tooLateToReopen: true });
    const after = await detail(report.id);
    assert.equal(after.status, 'resolved');
    assert.equal(after.history.at(-1)!.action, 'feedback');
    assert.equal(after.history.at(-1)!.actor.label, 'melder');
    assert.deepEqual(await feedbackRows(report.id), [
      { solved: false, reopened: false, text: 'Te laat, maar nog niet weg.' },
    ]);
  });

  it("follows the municipality's own period", async () => {
    await setFeedbackReopenDays({ db }, { municipalityCode: HAARLEM, days: 3 });
    try {
      const report = await resolvedReport();
      clock.advance(4 * DAY);
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/public/feedback/${linkFor(report.id, 'feedback')}`,
        payload: { solved: false, satisfaction: 3 },
      });
      assert.equal(response.json().reopened, false);
    } finally {
      await setFeedbackReopenDays({ db }, { municipalityCode: HAARLEM, days: 14 });
    }
  });

  it('refuses forged, expired and wrong-purpose links and bad input with problem+json, changing nothing', async () => {
    const report = await resolvedReport();
    const before = (await detail(report.id)).history.length;
    const good = linkFor(report.id, 'feedback');
    const forged = `${good.slice(0, 30)}${good[30] === 'x' ? 'y' : 'x'}${good.slice(31)}`;
    const expired = linkFor(report.id, 'feedback', 1);
    const cases: [string, Record<string, unknown>, number][] = [
      [forged, { solved: false, satisfaction: 1 }, 404],
      [linkFor(report.id, 'answer'), { solved: false, satisfaction: 1 }, 404],
      [good, { solved: 'no', satisfaction: 9, text: 'x'.repeat(1001) }, 400],
    ];
    clock.advance(2 * DAY);
    cases.push([expired, { solved: false, satisfaction: 1 }, 410]);
    for (const [token, payload, status] of cases) {
      const response = await app.inject({ method: 'POST', url: `/api/v1/public/feedback/${token}`, payload });
      assert.equal(response.statusCode, status, response.body);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      if (status === 400) {
        const names = response
          .json()
          .invalidParams.map((p: { name: string }) => p.name)
          .sort();
        assert.deepEqual(names, ['body.satisfaction', 'body.solved', 'body.text']);
      }
    }
    const read = await app.inject({ method: 'GET', url: `/api/v1/public/feedback/${forged}` });
    assert.equal(read.statusCode, 404);
    assert.equal((await detail(report.id)).history.length, before);
    assert.equal((await detail(report.id)).status, 'resolved');
    assert.deepEqual(await feedbackRows(report.id), []);
  });

  it('takes the answer to a question: words by "melder" in the history, back in progress with its holder', async () => {
    clock.set(TEST_NOW);
    const report = await newReport();
    const holder = (await detail(report.id)).assignee.id;
    await setStatus(report.id, 'waiting_for_reporter', 'Aan welke kant van de kerk ligt het?');
    const token = linkFor(report.id, 'answer');
    const form = await app.inject({ method: 'GET', url: `/api/v1/public/answers/${token}` });
    assert.equal(form.statusCode, 200, form.body);
    assert.equal(form.json().question.text, 'Aan welke kant van de kerk ligt het?');
    assert.equal(form.json().acceptsAnswer, true);

    const feedbackLink = await app.inject({
      method: 'POST',
      url: `/api/v1/public/answers/${linkFor(report.id, 'feedback')}`,
      payload: { text: 'Noordkant' },
    });
    assert.equal(feedbackLink.statusCode, 404);

    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/public/answers/${token}`,
      payload: { text: 'Aan de noordkant, bij de bank.' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { status: 'in_progress' });
    const after = await detail(report.id);
    assert.equal(after.status, 'in_progress');
    assert.equal(after.assignee.id, holder);
    const last = after.history.at(-1)!;
    assert.equal(last.actor.label, 'melder');
    assert.equal(last.text, 'Aan de noordkant, bij de bank.');

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/public/answers/${token}`,
      payload: { text: 'Nog iets' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal((await detail(report.id)).history.length, after.history.length);
  });
});
