#!/usr/bin/env bash
# Source this (". teams-token.sh") to sign the Teams PowerShell scripts in without a secret: it
# exchanges the job's GitHub OIDC token for access tokens to Microsoft Graph and the Teams admin
# API with the Azure CLI (on GitHub's runners), masks them in the log and exports them as
# WERKPLEK_TEAMS_GRAPH_TOKEN / WERKPLEK_TEAMS_ADMIN_TOKEN. Tokens live about an hour, so source it
# right before the step that needs them. Needs: id-token: write, ARM_CLIENT_ID, ARM_TENANT_ID.

: "${ACTIONS_ID_TOKEN_REQUEST_URL:?teams-token.sh: the job needs permissions id-token: write}"
: "${ARM_CLIENT_ID:?teams-token.sh: ARM_CLIENT_ID is not set}"
: "${ARM_TENANT_ID:?teams-token.sh: ARM_TENANT_ID is not set}"

werkplek_oidc="$(curl -sSf -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \
  "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=api://AzureADTokenExchange" | jq -r .value)"
az login --service-principal --username "$ARM_CLIENT_ID" --tenant "$ARM_TENANT_ID" \
  --federated-token "$werkplek_oidc" --allow-no-subscriptions --output none
unset werkplek_oidc
WERKPLEK_TEAMS_GRAPH_TOKEN="$(az account get-access-token --resource https://graph.microsoft.com --query accessToken --output tsv)"
# 48ac35b8-9aa8-4d74-927d-1f4a14a0b239: Skype and Teams Tenant Admin API (Connect-MicrosoftTeams -AccessTokens)
WERKPLEK_TEAMS_ADMIN_TOKEN="$(az account get-access-token --resource 48ac35b8-9aa8-4d74-927d-1f4a14a0b239 --query accessToken --output tsv)"
echo "::add-mask::$WERKPLEK_TEAMS_GRAPH_TOKEN"
echo "::add-mask::$WERKPLEK_TEAMS_ADMIN_TOKEN"
export WERKPLEK_TEAMS_GRAPH_TOKEN WERKPLEK_TEAMS_ADMIN_TOKEN
