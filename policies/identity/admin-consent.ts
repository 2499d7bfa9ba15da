/** Admin consent workflow (`policies/adminConsentRequestPolicy`): MS.AAD.5.3, CIS 5.1.5.2. */
import type { AdminConsentRequestPolicy } from "@microsoft/microsoft-graph-types";

export function adminConsentRequestPolicy(reviewersGroupId: string, requestDurationInDays: number): AdminConsentRequestPolicy {
  return {
    isEnabled: true,
    notifyReviewers: true,
    remindersEnabled: true,
    requestDurationInDays,
    reviewers: [
      { query: `/groups/${reviewersGroupId}/transitiveMembers/microsoft.graph.user`, queryType: "MicrosoftGraph" },
    ],
  };
}
