/**
 * Next's start-up hook (runs once per server process). Installs the API's HTTP rules (src/server/httpGuard.ts) in
 * front of Next's own request handling: some requests (TRACE) cannot reach a route handler at all, and a huge
 * declared Content-Length must be refused before anything waits for the body.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installHttpGuard } = await import('./server/installHttpGuard')
  await installHttpGuard()
}
