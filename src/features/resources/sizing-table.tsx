import { auToCpu, auToMemory, componentTotals, deploymentResources, extraResources, formatCpu, formatMemory, type Sizing, totalAu } from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'
import { ScrollArea } from '@/components/ui/scroll-area'

/**
 * What a sizing runs, component by component: the numbers behind the totals.
 * Under custom resources the columns are CPU and memory per replica; AU
 * columns show only where the platform offers AU.
 */
export function SizingTable({ platform, sizing, caption }: { platform: PlatformConfig; sizing: Sizing; caption: string }) {
  const u = platform.astroUnit
  const rows = componentTotals(platform, sizing)
  const total = totalAu(platform, sizing)
  const custom = sizing.strategy === 'custom'
  const extra = extraResources(platform, sizing)
  const all = deploymentResources(platform, sizing)
  const showAu = platform.auEnabled
  const cell = 'px-2 py-1.5 text-right tabular-nums'
  const head = 'px-2 py-1.5 text-right font-medium'
  return (
    <ScrollArea className="overflow-x-auto">
      <table className="w-full min-w-[30rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              Component
            </th>
            {custom ? (
              <>
                <th scope="col" className={head}>
                  CPU each
                </th>
                <th scope="col" className={head}>
                  Memory each
                </th>
              </>
            ) : (
              <th scope="col" className={head}>
                AU each
              </th>
            )}
            <th scope="col" className={head}>
              Replicas
            </th>
            {showAu ? (
              <th scope="col" className={head}>
                AU
              </th>
            ) : null}
            <th scope="col" className={head}>
              CPU
            </th>
            <th scope="col" className={head}>
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
              {custom ? (
                <>
                  <td className={cell}>{formatCpu(c.cpu)}</td>
                  <td className={cell}>{formatMemory(c.memory)}</td>
                </>
              ) : (
                <td className={cell}>{c.au}</td>
              )}
              <td className={cell}>{c.replicas}</td>
              {showAu ? <td className={cell}>{c.totalAu}</td> : null}
              <td className={cell}>{formatCpu(c.totalCpu)}</td>
              <td className={cell}>{formatMemory(c.totalMemory)}</td>
            </tr>
          ))}
          {extra.cpu > 0 || extra.memory > 0 ? (
            <tr className="border-b border-border">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                Extra capacity
              </th>
              {custom ? (
                <>
                  <td className={cell}>—</td>
                  <td className={cell}>—</td>
                </>
              ) : (
                <td className={cell}>—</td>
              )}
              <td className={cell}>—</td>
              {showAu ? <td className={cell}>{sizing.extraAu}</td> : null}
              <td className={cell}>{formatCpu(extra.cpu)}</td>
              <td className={cell}>{formatMemory(extra.memory)}</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">
              Total
            </th>
            <td className={cell} />
            {custom ? <td className={cell} /> : null}
            <td className={cell} />
            {showAu ? <td className={cell}>{total}</td> : null}
            <td className={cell}>{formatCpu(custom ? all.cpu : auToCpu(total, u))}</td>
            <td className={cell}>{formatMemory(custom ? all.memory : auToMemory(total, u))}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollArea>
  )
}
