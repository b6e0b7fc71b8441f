export { usePlatformConfig } from './use-platform-config'
export { parseSizing, alertEmailsOf } from './deployment-sizing'
export { StatusBadge, STATUS_TEXT } from './status-badge'
export { DeploymentLabelQuery } from './deployment-label-query'
