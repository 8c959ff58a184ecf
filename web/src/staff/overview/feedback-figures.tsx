import type { Overview } from '../../api/contract.ts';
import { useStaffI18n } from '../staff-i18n.ts';

type Figures = Omit<Overview['feedback']['byCategory'][number], 'categoryCode'>;

/** Residents' feedback in the period: mean satisfaction with its n, and the reopen rate, per category and district. */
export function FeedbackFigures({ overview }: { overview: Overview }) {
  const { t, language } = useStaffI18n();
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  const mean = (value: number | null) =>
    value === null ? '–' : value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rate = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
  const categoryName = (code: string) => {
    const category = overview.categories.find((c) => c.code === code);
    return category ? (language === 'en' ? category.nameEn : category.nameNl) : code;
  };
  const head = [
    t('overview.feedbackResponses'),
    t('overview.feedbackMean'),
    t('overview.feedbackSolved'),
    t('overview.feedbackResolved'),
    t('overview.feedbackReopened'),
    t('overview.feedbackReopenRate'),
  ];
  const cells = (row: Figures) => [
    row.responses,
    mean(row.meanSatisfaction),
    row.solved,
    row.resolved,
    row.reopened,
    rate(row.reopenRate),
  ];
  const table = (id: string, caption: string, first: string, rows: { label: string; figures: Figures }[]) => (
    <div className="wp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wp-table" id={id}>
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {[first, ...head].map((cell) => (
              <th key={cell} scope="col" className="utrecht-table__header-cell">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.label} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {row.label}
              </th>
              {cells(row.figures).map((cell, i) => (
                <td key={i} className="utrecht-table__cell utrecht-table__cell--numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const { byCategory, byDistrict } = overview.feedback;
  return (
    <section className="wp-section" aria-labelledby="feedback-title">
      <h2 className="utrecht-heading-2" id="feedback-title">
        {t('overview.feedbackTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('overview.feedbackDescription')}</p>
      {byCategory.length === 0 ? (
        <p className="utrecht-paragraph">{t('overview.feedbackNone')}</p>
      ) : (
        <>
          {table(
            'feedback-by-category',
            t('overview.feedbackByCategory'),
            t('overview.category'),
            byCategory.map((row) => ({ label: categoryName(row.categoryCode), figures: row })),
          )}
          {table(
            'feedback-by-district',
            t('overview.feedbackByDistrict'),
            t('team.district'),
            byDistrict.map((row) => ({ label: row.districtName, figures: row })),
          )}
        </>
      )}
    </section>
  );
}
