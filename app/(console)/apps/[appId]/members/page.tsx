import type { Metadata } from "next";

import { LocalTime } from "@/components/local-time";
import { AddMemberForm } from "@/components/members/add-member-form";
import { ChangeRoleForm } from "@/components/members/change-role-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { listInvitations, type InvitationSummary } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

import { addMemberAction, changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor, app, role } = await requireAppForPage({ appId, path: `/apps/${appId}/members` });
  const members = await listMembers({ actor, appId });

  // The server checks these rights again; hiding the controls only spares
  // members a form that would be rejected.
  const canManage = roleAllows(role, "member.manage");
  const invitations = canManage ? await listInvitations({ actor, appId }) : [];

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Members</h2>
        <p className="text-sm text-slate-600">
          Owners manage keys, members and settings. Developers mint and inspect test tokens and see key IDs, never secrets. Viewers inspect tokens and
          read lists.
        </p>
        {canManage ? <AddMemberForm action={addMemberAction.bind(null, appId)} /> : null}
      </section>

      <table className="w-full divide-y divide-slate-200 rounded-lg bg-white text-sm ring-1 ring-slate-200">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Member
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Joined
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const isSelf = member.userId === actor.id;
            return (
              <tr key={member.userId} data-testid="member-row">
                <td className="px-4 py-3">
                  <span className="font-medium">{member.email}</span>
                  {member.name ? <span className="text-slate-500"> · {member.name}</span> : null}
                  {isSelf ? <span className="text-slate-500"> (you)</span> : null}
                </td>
                <td className="px-4 py-3">
                  {canManage ? (
                    <ChangeRoleForm email={member.email} role={member.role} action={changeMemberRoleAction.bind(null, appId, member.userId)} />
                  ) : (
                    member.role.toLowerCase()
                  )}
                </td>
                <td className="px-4 py-3 text-slate-500">
                  <LocalTime value={member.joinedAt} />
                </td>
                <td className="px-4 py-3 text-right">
                  {isSelf || canManage ? (
                    <ConfirmButton
                      label={isSelf ? "Leave app" : "Remove"}
                      title={isSelf ? "Leave this app?" : "Remove member?"}
                      confirmLabel={isSelf ? "Leave app" : "Remove member"}
                      action={removeMemberAction.bind(null, appId, member.userId)}
                    >
                      {isSelf
                        ? `You lose access to ${app.name} at once. An owner must add you again to bring it back.`
                        : `${member.email} loses access to ${app.name} at once: its pages, keys and tokens.`}
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {canManage ? <PendingInvitations appId={appId} invitations={invitations} /> : null}
    </div>
  );
}

function PendingInvitations({ appId, invitations }: { appId: string; invitations: InvitationSummary[] }) {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Pending invitations</h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">No invitation is waiting. Adding an email that has no account creates one.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white text-sm ring-1 ring-slate-200">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex items-center justify-between gap-4 px-4 py-3" data-testid="invitation-row">
              <span>
                <span className="font-medium">{invitation.email}</span> as {invitation.role.toLowerCase()} ·{" "}
                {invitation.expired ? (
                  <span className="text-red-600">expired</span>
                ) : (
                  <span className="text-slate-500">
                    expires <LocalTime value={invitation.expiresAt} />
                  </span>
                )}
              </span>
              <ConfirmButton
                label="Revoke"
                title="Revoke invitation?"
                confirmLabel="Revoke invitation"
                action={revokeInvitationAction.bind(null, appId, invitation.id)}
              >
                The link sent to {invitation.email} stops working at once.
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
