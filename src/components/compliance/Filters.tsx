'use client'

import { usePathname, useRouter } from 'next/navigation'

type Option = { label: string; value: string }

/**
 * Year and department filters: a plain GET form (works without JavaScript), submitted on change. The server view
 * reads them from the URL and applies the user's scope whatever they say.
 */
export function Filters(props: {
  department: { disabled: boolean; label: string; options: Option[]; value: string }
  submit: string
  year: { label: string; options: Option[]; value: string }
}) {
  const router = useRouter()
  const pathname = usePathname()
  const go = (form: HTMLFormElement) => {
    const params = new URLSearchParams()
    for (const [key, value] of new FormData(form).entries()) if (value) params.set(key, String(value))
    router.push(params.size ? `${pathname}?${params}` : pathname)
  }
  const style = { padding: '6px 10px', minWidth: 160 }
  return (
    <form
      data-testid="compliance-filters"
      method="get"
      onSubmit={(e) => {
        e.preventDefault()
        go(e.currentTarget)
      }}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' }}
    >
      <label style={{ display: 'grid', gap: 4 }}>
        {props.year.label}
        <select
          data-testid="compliance-filter-year"
          defaultValue={props.year.value}
          name="year"
          onChange={(e) => go(e.currentTarget.form!)}
          style={style}
        >
          {props.year.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label style={{ display: 'grid', gap: 4 }}>
        {props.department.label}
        <select
          data-testid="compliance-filter-department"
          defaultValue={props.department.value}
          disabled={props.department.disabled}
          name="department"
          onChange={(e) => go(e.currentTarget.form!)}
          style={style}
        >
          {props.department.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">{props.submit}</button>
      </noscript>
    </form>
  )
}
