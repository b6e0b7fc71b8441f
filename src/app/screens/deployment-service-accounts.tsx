import { NotAvailableYetPage } from '@/components/pages/status-pages'

// Placeholder until this screen is built: says so honestly.
export default function Screen() {
  return <NotAvailableYetPage screen="Deployment service accounts" />
}
