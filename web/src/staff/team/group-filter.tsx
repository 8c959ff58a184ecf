import { useEffect, useState } from 'react';
import type { CoordinatorGroup, TeamBoard } from '../../api/contract.ts';
import { listCoordinatorGroups } from '../../api/staff-people.ts';
import { FormField } from '../../components/form-field.tsx';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

/** Boroughs to show, or null for the whole municipality. A coordinator starts with their own group. */
export function useGroupFilter(): {
  groups: CoordinatorGroup[];
  groupId: string;
  setGroupId: (id: string) => void;
  boroughs: Set<string> | null;
} {
  const user = useStaffUser();
  const [groups, setGroups] = useState<CoordinatorGroup[]>([]);
  const [groupId, setGroupId] = useState('');
  useEffect(() => {
    listCoordinatorGroups()
      .then((list) => {
        setGroups(list);
        const own = list.find((group) => group.coordinator?.id === user.id);
        if (own) setGroupId(own.id);
      })
      .catch(() => setGroups([]));
  }, [user.id]);
  const group = groups.find((g) => g.id === groupId);
  return { groups, groupId, setGroupId, boroughs: group ? new Set(group.boroughs.map((b) => b.code)) : null };
}

export function filterBoard(board: TeamBoard, boroughs: Set<string> | null): TeamBoard {
  if (!boroughs) return board;
  return {
    ...board,
    officers: board.officers.filter((o) => o.boroughCodes.some((code) => boroughs.has(code))),
    districts: board.districts.filter((d) => d.borough && boroughs.has(d.borough.code)),
  };
}

export function GroupFilter({
  groups,
  groupId,
  onChange,
}: {
  groups: CoordinatorGroup[];
  groupId: string;
  onChange: (id: string) => void;
}) {
  const { t } = useStaffI18n();
  if (!groups.length) return null;
  return (
    <FormField id="team-group" label={t('team.group')}>
      {(a11y) => (
        <select
          {...a11y}
          className="utrecht-select utrecht-select--html-select"
          value={groupId}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('team.wholeMunicipality')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
