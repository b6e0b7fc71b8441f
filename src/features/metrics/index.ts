export { DeploymentEmbeds, embedUrl } from './embeds'
export { metricsKeys } from './metrics-keys'
