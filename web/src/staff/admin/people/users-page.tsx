import { useState } from 'react';
import type { AdminUser, Role } from '../../../api/contract.ts';
import { listUsers } from '../../../api/staff-admin.ts';
import { listTeams } from '../../../api/staff-people.ts';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin, LoadState, useLoad } from '../admin-kit.tsx';
import { CreateUserForm } from './create-user-form.tsx';
import { UserEditor } from './user-editor.tsx';
import { allRoles } from './user-fields.tsx';

/** Staff accounts of the municipality: find, create, change roles and team, deactivate, reset a password. */
export function UsersPage() {
  const { t } = useStaffI18n();
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [users, reload] = useLoad(() =>
    listUsers({ ...(role ? { role } : {}), ...(active ? { active } : {}), ...(search ? { search } : {}) }),
  );
  const [teams] = useLoad(listTeams);
  const teamList = teams.status === 'loaded' ? teams.data : [];
  const chosen = users.status === 'loaded' ? users.data.find((u) => u.id === selected) : undefined;

  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <form
        className="wp-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          reload();
        }}
      >
        <FormField id="users-search" label={t('admin.users.search')} optional>
          {(a11y) => (
            <input
              {...a11y}
              type="search"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="users-role" label={t('admin.users.role')} optional>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={role}
              onChange={(e) => setRole(e.target.value as Role | '')}
            >
              <option value="">{t('admin.users.allRoles')}</option>
              {allRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="users-active" label={t('admin.users.status')} optional>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={active}
              onChange={(e) => setActive(e.target.value as typeof active)}
            >
              <option value="">{t('admin.users.anyStatus')}</option>
              <option value="true">{t('admin.users.active')}</option>
              <option value="false">{t('admin.users.inactive')}</option>
            </select>
          )}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="users-filter" className="utrecht-button utrecht-button--secondary-action">
            {t('admin.users.filter')}
          </button>
        </div>
      </form>
      <LoadState state={users} />
      {users.status === 'loaded' ? <UserTable users={users.data} onSelect={setSelected} /> : null}
      {chosen ? <UserEditor key={chosen.id} user={chosen} teams={teamList} onChanged={reload} /> : null}
      <CreateUserForm teams={teamList} onCreated={reload} />
    </>
  );
}

function UserTable({ users, onSelect }: { users: AdminUser[]; onSelect: (id: string) => void }) {
  const { t } = useStaffI18n();
  return (
    <div className="wp-table-scroll">
      <table className="utrecht-table wp-table" id="users-table">
        <caption>{t('admin.users.count', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.roles')}</th>
            <th scope="col">{t('admin.users.team')}</th>
            <th scope="col">{t('admin.users.status')}</th>
            <th scope="col">
              <span className="wp-visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
              <td>{user.team?.name ?? ''}</td>
              <td>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
              <td>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => onSelect(user.id)}
                >
                  {t('admin.users.manage', { name: user.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
