// GuidelineBot on Azure: Azure Bot (single tenant, Teams channel) + Container Apps (2+ replicas) + PostgreSQL
// Flexible Server + Key Vault (read through a managed identity) + Log Analytics.
//   az deployment group create -g <resource group> -f deploy/azure/main.bicep -p image=<registry>/guidelinebot:<tag> \
//     botAppId=<app id> botAppPassword=<secret> slackSigningSecret=<secret> slackBotToken=<xoxb-...> postgresAdminPassword=<password>
// Then point the Slack app's URLs at the output `botUrl` (README "Install in Slack"). Each channel is optional and on
// with both of its credentials: without botAppId and botAppPassword no Azure Bot is made (Slack only), without the
// Slack signing secret and bot token Slack is off (Teams only); webAuthority and webClientId (and webClientSecret,
// adminRole) turn on the web chat's and dashboard's sign-in.

@description('Prefix of every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'guidelinebot'

@description('Region of everything except the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('The container image built from deploy/docker/Dockerfile, e.g. myregistry.azurecr.io/guidelinebot:1.0.')
param image string

@description('An Azure Container Registry in this resource group that holds the image: the app\'s managed identity gets AcrPull on it and pulls with it. Empty: the image is pulled anonymously (a public registry).')
param registryName string = ''

@description('The Azure Bot\'s Microsoft App ID (a single-tenant app registration in this tenant). Empty: no Azure Bot, no Teams.')
param botAppId string = ''

@description('The app registration\'s client secret.')
@secure()
param botAppPassword string = ''

@description('Slack app: Basic Information > App Credentials > Signing Secret. Empty: Slack is off.')
@secure()
param slackSigningSecret string = ''

@description('Slack app: OAuth & Permissions > Bot User OAuth Token (xoxb-...).')
@secure()
param slackBotToken string = ''

@description('Web chat and dashboard sign-in: the OpenID Connect authority (README "Web chat sign-in"). Empty: no sign-in.')
param webAuthority string = ''

@description('Web sign-in: the client (application) id registered with the authority.')
param webClientId string = ''

@description('Web sign-in: the client secret (empty for a public client).')
@secure()
param webClientSecret string = ''

@description('Web sign-in: the role (roles claim) that opens the dashboard.')
param adminRole string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'guidelinebot'

@description('Administrator password of the PostgreSQL server.')
@secure()
param postgresAdminPassword string

@description('Replicas kept running (at least 2: the bot is built to run as several replicas on one PostgreSQL).')
@minValue(2)
param minReplicas int = 2

@description('Most replicas the HTTP scale rule may add.')
@minValue(2)
param maxReplicas int = 6

var tenantId = subscription().tenantId
// A channel is on with both of its credentials (one alone would leave an app that fails its start).
var teamsOn = !empty(botAppId) && !empty(botAppPassword)
var slackOn = !empty(slackSigningSecret) && !empty(slackBotToken)
var webSignInOn = !empty(webAuthority) && !empty(webClientId)
var webSecretOn = webSignInOn && !empty(webClientSecret)
var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

// AcrPull: read images from a container registry.
var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'guidelinebot'
}

// Container Apps reach the server over its public endpoint; this rule admits Azure services only.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${namePrefix}-kv-${take(uniqueString(resourceGroup().id), 6)}'
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource secretBotPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (teamsOn) {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource secretSlackSigning 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackOn) {
  parent: vault
  name: 'slack-signing-secret'
  properties: { value: slackSigningSecret }
}

resource secretSlackToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackOn) {
  parent: vault
  name: 'slack-bot-token'
  properties: { value: slackBotToken }
}

resource secretWebClient 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (webSecretOn) {
  parent: vault
  name: 'web-client-secret'
  properties: { value: webClientSecret }
}

resource secretConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};Ssl Mode=Require;Maximum Pool Size=5'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: keyVaultSecretsUserRole
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryName)) {
  name: registryName
}

resource identityPullsImages 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  scope: registry
  name: guid(resourceGroup().id, registryName, identity.id, acrPullRole)
  properties: {
    roleDefinitionId: acrPullRole
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: namePrefix
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [identityReadsSecrets, identityPullsImages]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryName) ? [] : [
        { server: '${registryName}${az.environment().suffixes.acrLoginServer}', identity: identity.id }
      ]
      secrets: concat(
        [{ name: 'postgres-connection-string', keyVaultUrl: secretConnectionString.properties.secretUri, identity: identity.id }],
        teamsOn ? [{ name: 'bot-app-password', keyVaultUrl: secretBotPassword!.properties.secretUri, identity: identity.id }] : [],
        slackOn ? [
          { name: 'slack-signing-secret', keyVaultUrl: secretSlackSigning!.properties.secretUri, identity: identity.id }
          { name: 'slack-bot-token', keyVaultUrl: secretSlackToken!.properties.secretUri, identity: identity.id }
        ] : [],
        webSecretOn ? [{ name: 'web-client-secret', keyVaultUrl: secretWebClient!.properties.secretUri, identity: identity.id }] : []
      )
    }
    template: {
      containers: [
        {
          name: 'guidelinebot'
          image: image
          // Measured (README "Sizing"): a replica peaks at 260–280 MB with the default 8-bit model, up to ≈330 MB with
          // full precision or 100 documents. Container Apps ties memory to CPU (2 GiB per CPU); one CPU is what the
          // throughput figures assume.
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(
            [
              { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
              { name: 'Storage__Provider', value: 'Postgres' }
              { name: 'Storage__ConnectionString', secretRef: 'postgres-connection-string' }
              // TLS ends at the ingress: the sign-in's redirect URI and Secure cookie need the original scheme and host.
              { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
            ],
            teamsOn ? [
              { name: 'Bot__MicrosoftAppId', value: botAppId }
              { name: 'Bot__MicrosoftAppPassword', secretRef: 'bot-app-password' }
              { name: 'Bot__MicrosoftAppTenantId', value: tenantId }
              { name: 'Bot__MicrosoftAppType', value: 'SingleTenant' }
            ] : [],
            slackOn ? [
              { name: 'Slack__SigningSecret', secretRef: 'slack-signing-secret' }
              { name: 'Slack__BotToken', secretRef: 'slack-bot-token' }
            ] : [],
            webSignInOn ? [
              { name: 'Web__Authority', value: webAuthority }
              { name: 'Web__ClientId', value: webClientId }
              { name: 'Admin__Role', value: adminRole }
            ] : [],
            webSecretOn ? [{ name: 'Web__ClientSecret', secretRef: 'web-client-secret' }] : []
          )
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: 8080 }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: 8080 }
              periodSeconds: 5
              timeoutSeconds: 4 // the app gives its store check 3 s
            }
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: 8080 }
              periodSeconds: 2
              failureThreshold: 60
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: '50' } }
          }
        ]
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = if (teamsOn) {
  name: '${namePrefix}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'GuidelineBot'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = if (teamsOn) {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The bot\'s public address: Slack URLs are <botUrl>/slack/commands, /slack/events and /slack/interactions.')
output botUrl string = 'https://${app.properties.configuration.ingress.fqdn}'

@description('The Azure Bot\'s messaging endpoint (empty without Teams).')
output messagingEndpoint string = teamsOn ? bot!.properties.endpoint : ''

@description('The Log Analytics workspace holding the container logs (JSON lines with trace ids).')
output logAnalyticsWorkspace string = logs.name
