import type { Metadata } from 'next';
import { SERVICE_CATALOG } from '@flowdesk/shared/catalog';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { ActionButton } from '../../../../../src/enterprise/console/ActionButton';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { ENFORCEMENT_WORDS, describeRule } from '../../../../../src/enterprise/console/labels';
import { Notice, Refused } from '../../../../../src/enterprise/console/Notice';
import { PolicyEditor } from '../../../../../src/enterprise/console/PolicyEditor';
import { listPolicies } from '../../../../../src/enterprise/policies';
import { database } from '../../../../../src/server/license-server';
import { deletePolicyAction, previewPolicyAction, savePolicyAction } from '../actions';

export const metadata: Metadata = { title: 'Policies', robots: { index: false } };

/** The organization's policies: what every member's app enforces, and authoring them. */
export default async function PoliciesPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const result = await runAdmin(database, (db, s) => listPolicies(db, s));
  const manage = authorizeAction(session, 'policies', 'manage');
  const serviceIds = SERVICE_CATALOG.map((service) => service.id);
  return (
    <AdminFrame session={session} current="/dashboard/admin/policies" title="Policies">
      {!result.ok ? (
        <Refused result={result} />
      ) : result.value.length === 0 ? (
        <Notice title="No policies yet">
          <p>
            Without policies, people choose their own services and settings. Policies reach every
            member&apos;s app at its next license check, signed by this site.
          </p>
        </Notice>
      ) : (
        <ul className="mt-6 space-y-4">
          {result.value.map((policy) => (
            <li
              key={policy.id}
              className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {policy.name}{' '}
                  <span className="text-sm font-normal text-neutral-500">v{policy.version}</span>
                </h2>
                <span className="text-sm">
                  {policy.type} · {ENFORCEMENT_WORDS[policy.enforcement]}
                </span>
              </div>
              <ul className="mt-2 list-disc pl-5 text-sm">
                {policy.rules.map((rule, index) => (
                  <li key={index}>{describeRule(rule)}</li>
                ))}
              </ul>
              {manage ? (
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  <details className="w-full">
                    <summary className="cursor-pointer text-sm text-blue-700 dark:text-blue-400">
                      Edit {policy.name}
                    </summary>
                    <PolicyEditor
                      policy={{ ...policy, rules: policy.rules.map((rule) => ({ ...rule })) }}
                      serviceIds={serviceIds}
                      preview={previewPolicyAction}
                      save={savePolicyAction}
                    />
                  </details>
                  <ActionButton
                    label={`Delete ${policy.name}`}
                    pendingLabel="Deleting…"
                    tone="danger"
                    confirmation={`Delete “${policy.name}”? Devices stop enforcing it at their next license check.`}
                    action={deletePolicyAction.bind(null, policy.id)}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <section aria-labelledby="new-policy" className="mt-8">
          <h2 id="new-policy" className="text-lg font-semibold">
            New policy
          </h2>
          <PolicyEditor
            serviceIds={serviceIds}
            preview={previewPolicyAction}
            save={savePolicyAction}
          />
        </section>
      ) : null}
    </AdminFrame>
  );
}
