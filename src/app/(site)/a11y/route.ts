import { type NextRequest, NextResponse } from 'next/server'

import { A11Y_COOKIE } from '../../../site/a11y'

/** GET /a11y?on=1|0 — switches 适老化 mode and goes back to the page the reader came from (same origin only). */
export function GET(request: NextRequest) {
  const on = request.nextUrl.searchParams.get('on') !== '0'
  const referer = request.headers.get('referer')
  let back = '/'
  if (referer) {
    const url = new URL(referer)
    if (url.host === request.nextUrl.host) back = url.pathname + url.search
  }
  const response = NextResponse.redirect(new URL(back, request.nextUrl.origin), 303)
  response.cookies.set(A11Y_COOKIE, on ? '1' : '0', { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true })
  response.headers.set('Cache-Control', 'no-store')
  return response
}
