export { QuotaBreakdown } from './quota-breakdown'
