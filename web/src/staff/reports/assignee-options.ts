import { useEffect, useState } from 'react';
import { listOfficers, listTeams } from '../../api/staff-people.ts';
import { contactLine } from '../partner/contact-line.ts';

export interface AssigneeOption {
  value: string;
  kind: 'officer' | 'team' | 'partner';
  id: string;
  label: string;
}

/** Colleagues, teams and partner organisations a report can go to. */
export function useAssigneeOptions(): AssigneeOption[] {
  const [options, setOptions] = useState<AssigneeOption[]>([]);
  useEffect(() => {
    Promise.all([listOfficers(), listTeams()])
      .then(([officers, teams]) =>
        setOptions([
          ...officers.map((o) => ({
            value: `officer:${o.id}`,
            kind: 'officer' as const,
            id: o.id,
            label: o.districts.some((d) => d.duty === 'owner')
              ? `${o.name} (${o.districts
                  .filter((d) => d.duty === 'owner')
                  .map((d) => d.name)
                  .join(', ')})`
              : o.name,
          })),
          ...teams.map((team) => ({
            value: `${team.kind}:${team.id}`,
            kind: team.kind,
            id: team.id,
            // Officers see whom they forward to: the partner's contact person is in the option itself.
            label: team.contact ? `${team.name} (${contactLine(team.contact)})` : team.name,
          })),
        ]),
      )
      .catch(() => setOptions([]));
  }, []);
  return options;
}
