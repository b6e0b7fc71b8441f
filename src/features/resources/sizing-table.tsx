import { auToCpu, auToMemory, componentTotals, formatCpu, formatMemory, type Sizing, totalAu } from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'

/** What a sizing runs, component by component: the numbers behind the totals. */
export function SizingTable({ platform, sizing, caption }: { platform: PlatformConfig; sizing: Sizing; caption: string }) {
  const u = platform.astroUnit
  const rows = componentTotals(platform, sizing)
  const total = totalAu(platform, sizing)
  const cell = 'px-2 py-1.5 text-right tabular-nums'
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[30rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              Component
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              AU each
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Replicas
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              AU
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              CPU
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Memory
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.name} className="border-b border-border">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                {c.label}
              </th>
              <td className={cell}>{c.au}</td>
              <td className={cell}>{c.replicas}</td>
              <td className={cell}>{c.totalAu}</td>
              <td className={cell}>{formatCpu(auToCpu(c.totalAu, u))}</td>
              <td className={cell}>{formatMemory(auToMemory(c.totalAu, u))}</td>
            </tr>
          ))}
          {sizing.extraAu > 0 ? (
            <tr className="border-b border-border">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                Extra capacity
              </th>
              <td className={cell}>—</td>
              <td className={cell}>—</td>
              <td className={cell}>{sizing.extraAu}</td>
              <td className={cell}>{formatCpu(auToCpu(sizing.extraAu, u))}</td>
              <td className={cell}>{formatMemory(auToMemory(sizing.extraAu, u))}</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">
              Total
            </th>
            <td className={cell} />
            <td className={cell} />
            <td className={cell}>{total}</td>
            <td className={cell}>{formatCpu(auToCpu(total, u))}</td>
            <td className={cell}>{formatMemory(auToMemory(total, u))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
