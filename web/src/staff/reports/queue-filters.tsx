import { useEffect, useState, type FormEvent } from 'react';
import type { CategoryTree, CoordinatorGroup, DistrictCollection } from '../../api/contract.ts';
import { categoryTree, districtOutlines } from '../../api/resident.ts';
import { listCoordinatorGroups } from '../../api/staff-people.ts';
import { FormField } from '../../components/form-field.tsx';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';
import { useAssigneeOptions } from './assignee-options.ts';
import { queueSorts, type QueueFilters } from './queue-query.ts';
import { openStatuses } from './workflow.ts';

const sources = ['web', 'phone', 'street', 'email', 'partner', 'open311', 'signalen'] as const;
const allStatuses = [...openStatuses, 'resolved', 'cancelled'] as const;

/** What the selects offer: categories, districts and coordinator groups, read once. */
function useChoices() {
  const { config } = useUiConfig();
  const [tree, setTree] = useState<CategoryTree | null>(null);
  const [districts, setDistricts] = useState<DistrictCollection | null>(null);
  const [groups, setGroups] = useState<CoordinatorGroup[]>([]);
  useEffect(() => {
    categoryTree(config.municipalityCode).then(setTree, () => undefined);
    districtOutlines(config.municipalityCode, 50).then(setDistricts, () => undefined);
    listCoordinatorGroups().then(setGroups, () => undefined);
  }, [config.municipalityCode]);
  return { tree, districts, groups };
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; group?: string }[];
}) {
  return (
    <FormField id={id} label={label}>
      {(a11y) => (
        <select
          {...a11y}
          className="utrecht-select utrecht-select--html-select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function statusOptions(t: StaffTranslate) {
  return [
    { value: 'open', label: t('queue.allOpen') },
    { value: 'all', label: t('queue.any') },
    ...allStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
  ];
}

/** The worklist's filters; applied together with one button, so a screen reader user is not surprised by reloads. */
export function QueueFiltersForm({ filters, onApply }: { filters: QueueFilters; onApply: (f: QueueFilters) => void }) {
  const { t, language } = useStaffI18n();
  const [draft, setDraft] = useState(filters);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL changed (back button, a link): show its filters
  useEffect(() => setDraft(filters), [filters]);
  const { tree, districts, groups } = useChoices();
  const assignees = useAssigneeOptions();
  const set = (key: keyof QueueFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const categoryName = (c: { nameNl: string; nameEn: string }) => (language === 'en' ? c.nameEn : c.nameNl);
  return (
    <form noValidate onSubmit={submit} className="wp-section wp-queue-filters" aria-labelledby="queue-filters-title">
      <h2 className="utrecht-heading-2" id="queue-filters-title">
        {t('queue.filters')}
      </h2>
      <div className="wp-filter-grid">
        <FormField id="queue-search" label={t('queue.search')} description={t('queue.searchHelp')}>
          {(a11y) => (
            <input
              {...a11y}
              type="search"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={draft.search}
              maxLength={100}
              onChange={(e) => set('search')(e.target.value)}
            />
          )}
        </FormField>
        <Select
          id="queue-holder"
          label={t('queue.holder')}
          value={draft.holder}
          onChange={set('holder')}
          options={[
            { value: '', label: t('queue.anyone') },
            { value: 'mine', label: t('queue.mine') },
            ...assignees.map((a) => ({ value: `${a.kind}:${a.id}`, label: a.label })),
            ...groups.map((g) => ({ value: `queue:${g.id}`, label: t('queue.queueOf', { name: g.name }) })),
          ]}
        />
        <Select
          id="queue-status"
          label={t('detail.status')}
          value={draft.status}
          onChange={set('status')}
          options={statusOptions(t)}
        />
        <Select
          id="queue-overdue"
          label={t('queue.overdue')}
          value={draft.overdue}
          onChange={set('overdue')}
          options={[
            { value: '', label: t('queue.any') },
            { value: 'true', label: t('queue.overdueOnly') },
            { value: 'false', label: t('queue.inTime') },
          ]}
        />
        <Select
          id="queue-category"
          label={t('queue.category')}
          value={draft.categoryCode}
          onChange={set('categoryCode')}
          options={[
            { value: '', label: t('queue.any') },
            ...(tree?.categories ?? []).flatMap((main) => [
              { value: main.code, label: categoryName(main) },
              ...main.subcategories.map((sub) => ({ value: sub.code, label: `— ${categoryName(sub)}` })),
            ]),
          ]}
        />
        <Select
          id="queue-district"
          label={t('team.district')}
          value={draft.districtCode}
          onChange={set('districtCode')}
          options={[
            { value: '', label: t('queue.any') },
            ...(districts?.features ?? [])
              .map((f) => ({ value: f.properties.code, label: f.properties.name }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
        <Select
          id="queue-source"
          label={t('detail.source')}
          value={draft.source}
          onChange={set('source')}
          options={[
            { value: '', label: t('queue.any') },
            ...sources.map((s) => ({ value: s, label: t(`source.${s}`) })),
          ]}
        />
        <Select
          id="queue-sort"
          label={t('queue.sort')}
          value={draft.sort}
          onChange={set('sort')}
          options={queueSorts.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
        />
      </div>
      <div className="wp-actions">
        <button type="submit" id="queue-apply" className="utrecht-button utrecht-button--primary-action">
          {t('queue.apply')}
        </button>
      </div>
    </form>
  );
}
